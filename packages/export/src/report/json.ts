import { formatVancouver } from '@realist-kb/citations'
import type { TraceReport } from '@realist-kb/core'
import type { Exporter } from './exporter.js'

/**
 * The trace report as JSON (format version in `formatVersion`, documented in
 * docs/report-json.md). Keys keep the order the report builds them in, so output is
 * byte-identical for the same knowledge base. Each study also carries `citation`, its
 * reference in the Vancouver style (`formatVancouver` of `@realist-kb/citations`), the same
 * text the other reports print.
 *
 * @example
 * ```ts
 * const json = renderJson(buildTraceReport(kb))
 * JSON.parse(json).formatVersion // 1
 * ```
 */
export function renderJson(report: TraceReport): string {
  const studies = report.studies.map((study) => ({ ...study, citation: formatVancouver(study) }))
  return `${JSON.stringify({ ...report, studies }, null, 2)}\n`
}

/**
 * The JSON exporter.
 *
 * @example
 * ```ts
 * const json = jsonExporter.render(buildTraceReport(kb))
 * jsonExporter.extension // 'json'
 * ```
 */
export const jsonExporter: Exporter = {
  name: 'json',
  extension: 'json',
  mediaType: 'application/json',
  render: renderJson,
}
