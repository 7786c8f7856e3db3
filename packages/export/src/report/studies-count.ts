import type { TraceReport } from '@realist-kb/core'

/**
 * The number of studies as a report's header gives it: where the review reports how many papers
 * it included, that figure and how many encoded studies are marked included go with the count, so
 * that a reader does not take the encoded studies for the review's included set.
 *
 * @example
 * ```ts
 * studiesCount(report) // '32 studies (the review reports 164 included papers; 7 of the 32 are marked included)'
 * ```
 */
export function studiesCount(report: TraceReport): string {
  const count = report.studies.length
  const text = `${count} stud${count === 1 ? 'y' : 'ies'}`
  const reported = report.figures.find((figure) => figure.key === 'papers')?.reported
  if (reported === undefined) return text
  const included = report.figures.find((figure) => figure.key === 'included')?.encoded ?? 0
  return `${text} (the review reports ${reported} included paper${reported === 1 ? '' : 's'}; ${included} of the ${count} ${included === 1 ? 'is' : 'are'} marked included)`
}
