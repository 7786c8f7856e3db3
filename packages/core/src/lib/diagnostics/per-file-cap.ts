import { createDiagnostic, type Diagnostic } from './diagnostic.js'

/**
 * Most diagnostics reported one by one for a file; the rest are counted in one more. A hostile
 * line of `[[]` gave 190,000 diagnostics: more than any reader uses, and more than a report or
 * a terminal should carry.
 */
export const maxDiagnosticsPerFile = 1_000

/**
 * Keep the first {@link maxDiagnosticsPerFile} diagnostics of each file, in the given order, and
 * replace the others by one `too-many-diagnostics` that counts them. Linear; the list is returned
 * as it was when no file is over the cap.
 */
export function capPerFile(
  diagnostics: readonly Diagnostic[],
  limit = maxDiagnosticsPerFile,
): readonly Diagnostic[] {
  const counts = new Map<string, number>()
  let over = false
  for (const diagnostic of diagnostics) {
    const count = (counts.get(diagnostic.file) ?? 0) + 1
    counts.set(diagnostic.file, count)
    if (count > limit) over = true
  }
  if (!over) return diagnostics
  const kept: Diagnostic[] = []
  const seen = new Map<string, number>()
  const omitted = new Map<string, { first: Diagnostic; count: number; errors: number }>()
  for (const diagnostic of diagnostics) {
    const index = (seen.get(diagnostic.file) ?? 0) + 1
    seen.set(diagnostic.file, index)
    if (index <= limit) {
      kept.push(diagnostic)
      continue
    }
    const entry = omitted.get(diagnostic.file) ?? { first: diagnostic, count: 0, errors: 0 }
    entry.count++
    if (diagnostic.severity === 'error') entry.errors++
    omitted.set(diagnostic.file, entry)
  }
  const summaries = new Map<string, Diagnostic>()
  for (const [file, { first, count, errors }] of omitted) {
    summaries.set(
      file,
      createDiagnostic('too-many-diagnostics', {
        file,
        position: { line: first.line, column: first.column },
        message: `Unexpected ${count.toLocaleString('en')} more problems in this file (${errors.toLocaleString('en')} errors), expected at most ${limit.toLocaleString('en')} reported per file`,
        severity: errors > 0 ? 'error' : 'warning',
      }),
    )
  }
  // Each summary follows the last diagnostic kept for its file, so sorted lists stay sorted.
  const out: Diagnostic[] = []
  const shown = new Map<string, number>()
  for (const diagnostic of kept) {
    out.push(diagnostic)
    const index = (shown.get(diagnostic.file) ?? 0) + 1
    shown.set(diagnostic.file, index)
    const summary = summaries.get(diagnostic.file)
    if (index === limit && summary) out.push(summary)
  }
  return out
}
