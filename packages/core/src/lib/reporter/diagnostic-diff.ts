import type { Diagnostic } from '../diagnostics/diagnostic.js'

/**
 * Options of {@link diagnosticLine} and {@link formatDiff}.
 *
 * @example
 * ```ts
 * const options: DiffFormatOptions = { root: 'content' }
 * formatDiff(diff, options)
 * ```
 */
export interface DiffFormatOptions {
  /** Prefix for file paths: the content folder as the user typed it. */
  readonly root?: string
}

/**
 * One diagnostic on one line: `file:line:column  severity  message  name code`, the file under
 * `options.root` when given. Two diagnostics with the same line are the same problem in the
 * same place.
 *
 * @example
 * ```ts
 * diagnosticLine(diagnostic)
 * // 'cmocs/cmoc-1a.md:4:11  error  Unexpected reference `cmoc-9z`, ...  dangling-reference RKB201'
 * ```
 */
export function diagnosticLine(
  diagnostic: Diagnostic,
  options?: Readonly<DiffFormatOptions> | null,
): string {
  const root = options?.root
  const file = root ? `${root.replace(/\/+$/, '')}/${diagnostic.file}` : diagnostic.file
  return `${file}:${diagnostic.line}:${diagnostic.column}  ${diagnostic.severity}  ${diagnostic.message}  ${diagnostic.name} ${diagnostic.code}`
}

/**
 * The diagnostics that appeared and those that went away between two validations.
 *
 * @example
 * ```ts
 * const diff: DiagnosticDiff = diffDiagnostics(before.diagnostics, after.diagnostics)
 * diff.added.length
 * ```
 */
export interface DiagnosticDiff {
  readonly added: readonly Diagnostic[]
  readonly removed: readonly Diagnostic[]
}

/**
 * Compare two lists of diagnostics as multisets of {@link diagnosticLine}s: a problem that moved
 * (its line changed) counts as removed in one place and added in the other.
 *
 * @example
 * ```ts
 * const { added, removed } = diffDiagnostics(before.diagnostics, after.diagnostics)
 * ```
 */
export function diffDiagnostics(
  before: readonly Diagnostic[],
  after: readonly Diagnostic[],
): DiagnosticDiff {
  const remaining = new Map<string, number>()
  for (const diagnostic of before) {
    const line = diagnosticLine(diagnostic)
    remaining.set(line, (remaining.get(line) ?? 0) + 1)
  }
  const added: Diagnostic[] = []
  for (const diagnostic of after) {
    const line = diagnosticLine(diagnostic)
    const count = remaining.get(line) ?? 0
    if (count > 0) remaining.set(line, count - 1)
    else added.push(diagnostic)
  }
  const removed: Diagnostic[] = []
  for (const diagnostic of before) {
    const line = diagnosticLine(diagnostic)
    const count = remaining.get(line) ?? 0
    if (count > 0) {
      removed.push(diagnostic)
      remaining.set(line, count - 1)
    }
  }
  return { added, removed }
}

/**
 * The diff as text: removed lines prefixed `-`, added lines prefixed `+`, each group in the
 * order reporters print (file, line, column), files under `options.root` when given (as the full
 * report prints them). Empty when nothing changed.
 *
 * @example
 * ```ts
 * formatDiff({ added: [d], removed: [] }, { root: 'content' })
 * // '+ content/cmocs/cmoc-1a.md:4:11  error  ...\n'
 * ```
 */
export function formatDiff(
  diff: DiagnosticDiff,
  options?: Readonly<DiffFormatOptions> | null,
): string {
  const lines = [
    ...diff.removed.map((diagnostic) => `- ${diagnosticLine(diagnostic, options)}`),
    ...diff.added.map((diagnostic) => `+ ${diagnosticLine(diagnostic, options)}`),
  ]
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}
