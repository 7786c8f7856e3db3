/**
 * Exporters: pure functions from the trace report of `@realist-kb/core` to HTML, Markdown, JSON
 * and CSV reports, the evidence gap map, and interchange formats.
 *
 * @module @realist-kb/export
 */
export {
  type DiffSides,
  renderDiffJson,
  renderDiffMarkdown,
  renderDiffText,
  whatsNewHtml,
} from './diff/render-diff.js'
export { writePrismaCsv } from './flow/prisma-csv.js'
export { prismaFlowSvg } from './flow/prisma-flow-svg.js'
export { htmlExporter, renderHtml } from './html/render-html.js'
export * from './interchange/index.js'
export {
  csvChunks,
  csvExporter,
  gapMapExporter,
  renderCsv,
  renderGapMapCsv,
} from './report/csv.js'
export { csvCell, toCsv } from './report/csv-cell.js'
export { escapeHtml, escapeMarkdown } from './report/escape.js'
export type { Exporter } from './report/exporter.js'
export { type ReportFormat, reportExporters } from './report/exporters.js'
export { jsonExporter, renderJson } from './report/json.js'
export { markdownExporter, renderMarkdown } from './report/markdown.js'
export { markdownToHtml } from './report/markdown-to-html.js'
