/**
 * Exporters: pure functions from the trace report of `@realist-kb/core` to HTML, Markdown, JSON
 * and CSV reports, the evidence gap map, and interchange formats, each registered once in
 * {@link formats}.
 *
 * @module @realist-kb/export
 */
export * from './diagram/index.js'
export {
  type DiffSides,
  renderDiffJson,
  renderDiffMarkdown,
  renderDiffText,
  whatsNewHtml,
} from './diff/render-diff.js'
export { writePrismaCsv } from './flow/prisma-csv.js'
export { prismaFlowSvg } from './flow/prisma-flow-svg.js'
export {
  type Format,
  findFormat,
  formats,
  formatsOf,
  type KnowledgeBaseFormat,
  type KnowledgeBaseFormatOptions,
  type TraceReportFormat,
  UnknownTraceError,
} from './formats.js'
export { renderHtml } from './html/render-html.js'
export * from './interchange/index.js'
export { csvChunks, renderCsv, renderGapMapCsv } from './report/csv.js'
export { csvCell, toCsv } from './report/csv-cell.js'
export { escapeHtml, escapeMarkdown } from './report/escape.js'
export type { Exporter } from './report/exporter.js'
export { type ReportFormat, reportExporters } from './report/exporters.js'
export { renderJson } from './report/json.js'
export { renderMarkdown } from './report/markdown.js'
