import type { TraceReport } from '@realist-kb/core'
import { toCsv } from './csv-cell.js'
import type { Exporter } from './exporter.js'

const header = [
  'recommendation',
  'section',
  'group',
  'audiences',
  'cmoc',
  'cmoc_label',
  'cmoc_link_basis',
  'cmoc_link_location',
  'cmoc_link_rationale',
  'evidence',
  'relation',
  'parts',
  'evidence_link_basis',
  'evidence_provenance',
  'study',
  'study_year',
  'study_design',
  'study_inclusion',
  'recommendation_text',
  'evidence_point',
] as const

/**
 * The traceability matrix in long format: one row per recommendation-CMOC-evidence-study path.
 * A recommendation without CMOCs, or a CMOC without evidence, still has a row, with the missing
 * columns empty, so gaps stay visible.
 *
 * @example
 * ```ts
 * const csv = renderCsv(buildTraceReport(kb))
 * ```
 */
export function renderCsv(report: TraceReport): string {
  const cmocs = new Map(report.cmocs.map((cmoc) => [cmoc.id, cmoc]))
  const evidence = new Map(report.evidence.map((item) => [item.id, item]))
  const studies = new Map(report.studies.map((study) => [study.id, study]))
  const rows: (string | number | undefined)[][] = [[...header]]
  for (const rec of report.recommendations) {
    const recColumns = [rec.id, rec.section, rec.group, rec.audiences.join(';')]
    if (rec.cmocs.length === 0) {
      rows.push([...recColumns, ...Array(14).fill(undefined), rec.text, undefined])
      continue
    }
    for (const link of rec.cmocs) {
      const cmoc = cmocs.get(link.id)
      const cmocColumns = [link.id, cmoc?.label, link.basis, link.location, link.rationale]
      const items = (cmoc?.evidence ?? []).flatMap((id) => evidence.get(id) ?? [])
      if (items.length === 0) {
        rows.push([...recColumns, ...cmocColumns, ...Array(9).fill(undefined), rec.text, undefined])
        continue
      }
      for (const item of items) {
        const study = studies.get(item.study)
        const evidenceLink = item.cmocs.find((l) => l.id === link.id)
        rows.push([
          ...recColumns,
          ...cmocColumns,
          item.id,
          item.relation,
          item.parts.join(';'),
          evidenceLink?.basis,
          item.provenance,
          item.study,
          study?.year,
          study?.design,
          study?.inclusion,
          rec.text,
          item.point,
        ])
      }
    }
  }
  return toCsv(rows)
}

/**
 * The CSV traceability-matrix exporter.
 *
 * @example
 * ```ts
 * const csv = csvExporter.render(buildTraceReport(kb))
 * csvExporter.mediaType // 'text/csv'
 * ```
 */
export const csvExporter: Exporter = {
  name: 'csv',
  extension: 'csv',
  mediaType: 'text/csv',
  render: renderCsv,
}

/**
 * The evidence gap map as CSV: one row per CMOC and study characteristic value with the number
 * of distinct studies.
 *
 * @example
 * ```ts
 * const csv = renderGapMapCsv(buildTraceReport(kb))
 * ```
 */
export function renderGapMapCsv(report: TraceReport): string {
  const rows: (string | number | undefined)[][] = [
    ['group', 'cmoc', 'cmoc_label', 'dimension', 'value', 'studies'],
  ]
  const labels = new Map(report.cmocs.map((cmoc) => [cmoc.id, cmoc.label]))
  for (const table of report.gapMap) {
    for (const row of table.rows) {
      table.values.forEach((value, index) => {
        rows.push([
          row.group,
          row.cmoc,
          labels.get(row.cmoc),
          table.dimension,
          value,
          row.counts[index] ?? 0,
        ])
      })
    }
  }
  return toCsv(rows)
}

/**
 * The evidence-gap-map CSV exporter.
 *
 * @example
 * ```ts
 * const csv = gapMapExporter.render(buildTraceReport(kb)) // one row per CMOC, characteristic and value
 * ```
 */
export const gapMapExporter: Exporter = {
  name: 'gap-map',
  extension: 'csv',
  mediaType: 'text/csv',
  render: renderGapMapCsv,
}
