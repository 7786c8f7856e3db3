import type { TraceReport } from '@realist-kb/core'

/**
 * What tells a report apart from another, in words: the version of realist-kb that built it and
 * the hash of the content it was built from (no date: the same content gives the same bytes).
 */
export function reportIdentity(report: TraceReport): string {
  return `Built by realist-kb ${report.generatorVersion}${report.contentHash === undefined ? '' : ` from content ${report.contentHash}`}.`
}
