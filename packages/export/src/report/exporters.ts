import { htmlExporter } from '../html/render-html.js'
import { csvExporter, gapMapExporter } from './csv.js'
import type { Exporter } from './exporter.js'
import { jsonExporter } from './json.js'
import { markdownExporter } from './markdown.js'

/**
 * Every report exporter, by the name `realist-kb report --format` takes.
 *
 * @example
 * ```ts
 * const text = reportExporters.md.render(buildTraceReport(kb))
 * ```
 */
export const reportExporters = {
  html: htmlExporter,
  md: markdownExporter,
  json: jsonExporter,
  csv: csvExporter,
  'gap-map': gapMapExporter,
} as const satisfies Record<string, Exporter>

/**
 * A report format name.
 *
 * @example
 * ```ts
 * const format: ReportFormat = 'csv'
 * reportExporters[format].render(report)
 * ```
 */
export type ReportFormat = keyof typeof reportExporters
