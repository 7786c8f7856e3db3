import type { TraceReport } from '@realist-kb/core'
import type { Exporter } from './exporter.js'

/**
 * The trace report as JSON (format version in `formatVersion`, documented in
 * docs/report-json.md). Keys keep the order the report builds them in, so output is
 * byte-identical for the same knowledge base.
 *
 * @example
 * ```ts
 * const json = renderJson(buildTraceReport(kb))
 * JSON.parse(json).formatVersion // 1
 * ```
 */
export function renderJson(report: TraceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
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
