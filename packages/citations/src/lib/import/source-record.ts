import type { CslRecord } from './csl-record.js'

/**
 * One record of an import file, parsed to CSL or not, with its place in the file.
 *
 * @example
 * ```ts
 * const failures = readRecords(text, 'ris').filter((record: SourceRecord) => !record.ok)
 * ```
 */
export type SourceRecord =
  | {
      readonly index: number
      readonly line?: number
      readonly ok: true
      readonly item: CslRecord
      /** What the reader skipped in this record (an unknown tag), for the researcher. */
      readonly notes?: readonly string[]
    }
  | { readonly index: number; readonly line?: number; readonly ok: false; readonly message: string }

/**
 * The formats import reads.
 *
 * @example
 * ```ts
 * importFormats.includes('medline') // true
 * ```
 */
export const importFormats = ['bibtex', 'ris', 'csl-json', 'medline'] as const

/**
 * A format import reads.
 *
 * @example
 * ```ts
 * const format: ImportFormat = 'bibtex'
 * ```
 */
export type ImportFormat = (typeof importFormats)[number]

/**
 * A file that holds no record at all in the format it was read as (empty, invalid JSON, no RIS
 * `TY` line): nothing can be imported from it.
 *
 * @example
 * ```ts
 * try {
 *   readRecords('[', 'csl-json')
 * } catch (error) {
 *   if (error instanceof UnreadableImportError) console.error(error.message)
 * }
 * ```
 */
export class UnreadableImportError extends Error {
  override readonly name = 'UnreadableImportError'
}

/**
 * Where the `n`th record fails, as a message prefix: `record 3 (line 41)`.
 *
 * @example
 * ```ts
 * recordLabel({ index: 3, line: 41 }) // 'record 3 (line 41)'
 * ```
 */
export function recordLabel(record: { readonly index: number; readonly line?: number }): string {
  return record.line === undefined
    ? `record ${record.index}`
    : `record ${record.index} (line ${record.line})`
}

/**
 * The message of anything thrown by a parser, on one line.
 *
 * @example
 * ```ts
 * errorText(new Error('invalid syntax at line 3 col 1:\n\n3 | ...')) // 'invalid syntax at line 3 col 1'
 * ```
 */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  // citation-js ends its first line with a colon before quoting the offending text.
  return text.split('\n')[0]?.trim().replace(/:$/, '') || 'unknown error'
}
