import { formatVancouver } from '@realist-kb/citations'
import type { TraceReport } from '@realist-kb/core'
import { csvCell, toCsv } from './csv-cell.js'
import { entriesById } from './entries-by-id.js'
import type { Exporter } from './exporter.js'
import { spreadWords } from './judgement-text.js'

// A UTF-8 byte order mark leads each CSV: without it Excel reads the file as the system's legacy
// code page and shows `â€œwhatâ€™s` for `“what’s`. CSV readers (pandas, R's readr, LibreOffice)
// recognise and drop it.
const utf8Bom = '\uFEFF'

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
  'study_citation',
  'recommendation_text',
  'evidence_point',
  // Judgements come last, so the columns before them keep their places.
  'recommendation_confidence',
  'recommendation_confidence_spread',
  'cmoc_confidence',
  'study_relevance',
  'study_richness',
  'study_rigour',
] as const

/**
 * The traceability matrix in long format: one row per recommendation-CMOC-evidence-study path,
 * the study named by id and by its Vancouver reference (`study_citation`).
 * A recommendation without CMOCs, a CMOC without evidence and a CMOC no recommendation derives
 * from still have rows, with the missing columns empty, so gaps stay visible. Starts with a UTF-8
 * byte order mark, so that Excel shows the text as written. The number of paths can be far larger
 * than the knowledge base (every recommendation citing every CMOC, each resting on every study):
 * to write it, prefer {@link csvChunks}, which yields it row by row.
 *
 * @example
 * ```ts
 * const csv = renderCsv(buildTraceReport(kb))
 * ```
 */
export function renderCsv(report: TraceReport): string {
  return [...csvChunks(report)].join('')
}

/**
 * The long-format traceability matrix of {@link renderCsv}, one CSV line (with its CRLF) at a
 * time, built as it is consumed: memory stays bounded by one row, whatever the number of paths.
 *
 * @example
 * ```ts
 * await writeFileAtomic('report.csv', csvChunks(buildTraceReport(kb)))
 * ```
 */
export function* csvChunks(report: TraceReport): Generator<string> {
  type Column = (typeof header)[number]
  type Row = Partial<Record<Column, string | number | undefined>>
  // Rows are built by column name, so no row is padded by a hand-counted number of blanks.
  const line = (row: Row): string => `${header.map((column) => csvCell(row[column])).join(',')}\r\n`
  const { cmocs, evidence, studies } = entriesById(report)
  const references = new Map(report.studies.map((study) => [study.id, formatVancouver(study)]))
  const cmocRows = function* (base: Row, cmocId: string): Generator<string> {
    const cmoc = cmocs.get(cmocId)
    const items = (cmoc?.evidence ?? []).flatMap((id) => evidence.get(id) ?? [])
    const withCmoc: Row = {
      ...base,
      cmoc: cmocId,
      cmoc_label: cmoc?.label,
      cmoc_confidence: cmoc?.confidence.overall,
    }
    if (items.length === 0) {
      yield line(withCmoc)
      return
    }
    for (const item of items) {
      const study = studies.get(item.study)
      // Evidence written on a group reaches the CMOC through it: its link is the group's.
      const evidenceLink =
        item.cmocs.find((l) => l.id === cmocId) ??
        item.groups.find((l) => l.id === cmoc?.group) ??
        item.groups[0]
      yield line({
        ...withCmoc,
        evidence: item.id,
        relation: item.relation,
        parts: item.parts.join(';'),
        evidence_link_basis: evidenceLink?.basis,
        evidence_provenance: item.provenance,
        study: item.study,
        study_year: study?.year,
        study_design: study?.design,
        study_inclusion: study?.inclusion,
        study_citation: references.get(item.study),
        evidence_point: item.point ?? item.quote,
        study_relevance: study?.appraisal.dimensions.relevance.level,
        study_richness: study?.appraisal.dimensions.richness.level,
        study_rigour: study?.appraisal.dimensions.rigour.level,
      })
    }
  }
  yield `${utf8Bom}${line(Object.fromEntries(header.map((column) => [column, column])) as Row)}`
  const derived = new Set<string>()
  for (const rec of report.recommendations) {
    const recColumns: Row = {
      recommendation: rec.id,
      section: rec.section,
      group: rec.group,
      audiences: rec.audiences.join(';'),
      recommendation_text: rec.text,
      recommendation_confidence: rec.confidence.lowest,
      recommendation_confidence_spread: spreadWords(rec),
    }
    if (rec.cmocs.length === 0) {
      yield line(recColumns)
      continue
    }
    for (const link of rec.cmocs) {
      derived.add(link.id)
      yield* cmocRows(
        {
          ...recColumns,
          cmoc_link_basis: link.basis,
          cmoc_link_location: link.location,
          cmoc_link_rationale: link.rationale,
        },
        link.id,
      )
    }
  }
  // Every CMOC has rows, with or without a recommendation above it.
  for (const cmoc of report.cmocs) {
    if (!derived.has(cmoc.id)) yield* cmocRows({ group: cmoc.group }, cmoc.id)
  }
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
  chunks: csvChunks,
}

/**
 * The evidence gap map as CSV: one row per CMOC and study characteristic value with the number
 * of distinct studies, the value both as its term id and as the label readers see. Starts with a UTF-8 byte order mark, as {@link renderCsv} does.
 *
 * @example
 * ```ts
 * const csv = renderGapMapCsv(buildTraceReport(kb))
 * ```
 */
export function renderGapMapCsv(report: TraceReport): string {
  const rows: (string | number | undefined)[][] = [
    // `value` is the term's id, stable for joins; `value_label` what readers see (the review's
    // vocabulary label, a country's name). Added last, so columns read by position keep theirs.
    ['group', 'cmoc', 'cmoc_label', 'dimension', 'value', 'studies', 'value_label'],
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
          table.labels[index] ?? value,
        ])
      })
    }
  }
  return `${utf8Bom}${toCsv(rows)}`
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
