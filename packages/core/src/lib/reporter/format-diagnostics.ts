import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { pushTo } from '../push-to.js'
import { counted } from './counted.js'
import { visibleControls } from './visible-controls.js'

/**
 * Options of {@link formatDiagnostics}.
 *
 * @example
 * ```ts
 * const options: FormatDiagnosticsOptions = { root: 'content', quiet: true, hints: false }
 * formatDiagnostics(kb.diagnostics, options)
 * ```
 */
export interface FormatDiagnosticsOptions {
  /** Prefix for file paths, e.g. the content folder as the user typed it. */
  readonly root?: string
  /** Leave out warnings. */
  readonly quiet?: boolean
  /** Print the hint under each message. Default true. */
  readonly hints?: boolean
}

/**
 * Render diagnostics in the vfile-reporter style: a block per file (position, severity, message,
 * alias), then one summary line.
 *
 * @example
 * ```ts
 * console.log(formatDiagnostics(kb.diagnostics, { root: 'content' }))
 * // content/cmocs/cmoc-2c.md
 * //   4:11-4:22  error  Unexpected reference `smith-2019`, expected the id of a study  dangling-reference
 * //
 * // 1 message (1 error)
 * ```
 */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  options?: Readonly<FormatDiagnosticsOptions> | null,
): string {
  const shown = options?.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics
  const showHints = options?.hints ?? true
  const byFile = new Map<string, Diagnostic[]>()
  for (const diagnostic of shown) pushTo(byFile, diagnostic.file, diagnostic)
  const blocks: string[] = []
  for (const [file, list] of byFile) {
    const rows = list.map(
      (d) =>
        [
          placeOf(d),
          d.severity,
          printable(d.message),
          `${d.name} ${d.code}`,
          printable(d.hint),
        ] as const,
    )
    const widths = [0, 1].map((column) =>
      rows.reduce((most, row) => Math.max(most, (row[column] ?? '').length), 0),
    )
    const shownFile = printable(file)
    const lines = [options?.root ? `${options.root.replace(/\/+$/, '')}/${shownFile}` : shownFile]
    for (const row of rows) {
      lines.push(
        `  ${row[0].padEnd(widths[0] ?? 0)}  ${row[1].padEnd(widths[1] ?? 0)}  ${row[2]}  ${row[3]}`,
      )
      if (showHints && row[4])
        lines.push(`  ${' '.repeat((widths[0] ?? 0) + (widths[1] ?? 0) + 4)}hint: ${row[4]}`)
    }
    blocks.push(lines.join('\n'))
  }
  blocks.push(summaryLine(diagnostics))
  return `${blocks.join('\n\n')}\n`
}

/**
 * The summary line: `4 messages (1 error, 2 warnings, 1 info)`, or `no issues found`.
 *
 * @example
 * ```ts
 * summaryLine([]) // 'no issues found'
 * ```
 */
export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return 'no issues found'
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const infos = diagnostics.filter((d) => d.severity === 'info').length
  const warnings = diagnostics.length - errors - infos
  const parts = [
    errors > 0 ? counted(errors, 'error') : '',
    warnings > 0 ? counted(warnings, 'warning') : '',
    infos > 0 ? `${infos} info` : '',
  ].filter(Boolean)
  return `${counted(diagnostics.length, 'message')} (${parts.join(', ')})`
}

function placeOf(d: Diagnostic): string {
  const startText = `${d.line}:${d.column}`
  if (
    d.endLine === undefined ||
    d.endColumn === undefined ||
    (d.endLine === d.line && d.endColumn === d.column)
  )
    return startText
  return `${startText}-${d.endLine}:${d.endColumn}`
}

// Messages quote content, and file names are content too: line breaks would also break the grid.
function printable(text: string): string {
  return visibleControls(text)
}
