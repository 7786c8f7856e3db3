import { optional } from '../optional-field.js'
import { catalogue, type DiagnosticName, type Severity } from './catalogue.js'

/**
 * A place in a file: 1-based line and column, with an optional end.
 *
 * @example
 * ```ts
 * const start: Position = { line: 4, column: 11, endLine: 4, endColumn: 22 }
 * ```
 */
export interface Position {
  readonly line: number
  readonly column: number
  readonly endLine?: number
  readonly endColumn?: number
}

/**
 * A problem found in a knowledge base, shaped like a vfile message: what was found, where, how
 * serious, under which stable code, and what to do about it.
 *
 * @example
 * ```ts
 * const errors = (diagnostics: readonly Diagnostic[]) =>
 *   diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.code}`)
 * ```
 */
export interface Diagnostic extends Position {
  /** Path of the file, relative to the content folder, with `/` separators. */
  readonly file: string
  readonly severity: Severity
  /** Stable code, e.g. `RKB201`. */
  readonly code: string
  /** Readable alias, e.g. `dangling-reference`. */
  readonly name: DiagnosticName
  /** Always `realist-kb`. */
  readonly source: 'realist-kb'
  /** What was found and what was expected, without position or prefix. */
  readonly message: string
  /** What to do about it (e.g. `did you mean cmoc-2c?`). */
  readonly hint: string
  /** Where the code is documented. */
  readonly url: string
  /** The id of the entity concerned, where there is one. */
  readonly entity?: string
  /** For a gap acknowledged as true to the source: the reason given (the severity is info). */
  readonly acknowledged?: string
}

/**
 * Fields a caller gives when creating a diagnostic; the rest comes from the catalogue.
 *
 * @example
 * ```ts
 * const init: DiagnosticInit = {
 *   file: 'cmocs/cmoc-1a.md',
 *   position: { line: 4, column: 11 },
 *   message: 'Unexpected reference `cmoc-9z`, expected the id of a cmoc',
 * }
 * createDiagnostic('dangling-reference', init)
 * ```
 */
export interface DiagnosticInit {
  readonly file: string
  readonly position: Position
  readonly message: string
  readonly hint?: string | undefined
  readonly entity?: string | undefined
  readonly severity?: Severity
}

const docsUrl = 'https://github.com/realist-kb/realist-kb/blob/main/docs/diagnostics.md'

/**
 * Create a diagnostic from its catalogue name.
 *
 * @example
 * ```ts
 * createDiagnostic('dangling-reference', {
 *   file: 'cmocs/cmoc-1a.md',
 *   position: { line: 4, column: 11 },
 *   message: 'Unexpected reference `cmoc-9z`, expected the id of a cmoc',
 * })
 * ```
 */
export function createDiagnostic(name: DiagnosticName, init: DiagnosticInit): Diagnostic {
  const entry = catalogue[name]
  const diagnostic: Diagnostic = {
    file: init.file,
    ...init.position,
    severity: init.severity ?? entry.severity,
    code: entry.code,
    name,
    source: 'realist-kb',
    message: init.message,
    hint: init.hint ?? entry.hint,
    url: `${docsUrl}#${entry.code.toLowerCase()}-${name}`,
    ...optional('entity', init.entity),
  }
  return diagnostic
}

/**
 * Order diagnostics by file, then line, then column, then code: the order reporters print.
 *
 * @example
 * ```ts
 * const ordered = [...diagnostics].sort(compareDiagnostics)
 * ```
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1
  return (
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  )
}
