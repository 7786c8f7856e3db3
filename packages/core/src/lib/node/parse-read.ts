import { createDiagnostic } from '../diagnostics/diagnostic.js'
import { type ParsedFile, parseFile } from '../parse/parse-file.js'
import type { LoadDirectoryOptions } from './content-folder.js'
import { failed } from './failed-file.js'
import { unsafe } from './list-content-files.js'
import { type ContentRead, defaultMaxFileBytes } from './read-content-file.js'

/** Parse a file that was read, or turn why it was not into its diagnostic. */
export function parseRead(
  read: ContentRead,
  options?: Readonly<LoadDirectoryOptions> | null,
): ParsedFile {
  if ('text' in read) return parseFile({ path: read.file, text: read.text }, options)
  const { file, problem } = read
  const at = { file, position: { line: 1, column: 1 } }
  switch (problem.kind) {
    case 'outside':
      return failed(
        file,
        unsafe(
          file,
          'Unexpected link to a path outside the content folder, expected content inside it',
        ),
      )
    case 'too-large':
      return failed(
        file,
        createDiagnostic('file-too-large', {
          ...at,
          message: `Unexpected file of ${problem.size} bytes, expected at most ${options?.maxFileBytes ?? defaultMaxFileBytes}`,
        }),
      )
    case 'not-utf8':
      return failed(
        file,
        createDiagnostic('unreadable-file', {
          ...at,
          message: 'Unexpected bytes that are not UTF-8, expected UTF-8 text',
        }),
      )
    case 'unreadable':
      return failed(
        file,
        createDiagnostic('unreadable-file', {
          ...at,
          message: `Unexpected unreadable file (${problem.code}), expected a readable file`,
        }),
      )
  }
}
