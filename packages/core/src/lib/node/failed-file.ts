import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { ParsedFile } from '../parse/parse-file.js'

/** A file that yields nothing but its diagnostics (unreadable, refused, a listing problem). */
export function failed(relative: string, ...diagnostics: Diagnostic[]): ParsedFile {
  return { path: relative, entities: [], declared: [], diagnostics }
}
