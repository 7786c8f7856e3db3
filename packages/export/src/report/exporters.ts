import { formatsOf, type TraceReportFormat } from '../formats.js'

/**
 * A report format name.
 *
 * @example
 * ```ts
 * const format: ReportFormat = 'csv'
 * reportExporters[format].render(report)
 * ```
 */
export type ReportFormat = 'html' | 'md' | 'json' | 'csv' | 'gap-map'

/**
 * Every report exporter, by the name `realist-kb report --format` takes: the registry's
 * trace-report formats.
 *
 * @example
 * ```ts
 * const text = reportExporters.md.render(buildTraceReport(kb))
 * ```
 */
export const reportExporters = Object.fromEntries(
  formatsOf('trace-report').map((format) => [format.name, format]),
) as Readonly<Record<ReportFormat, TraceReportFormat>>
