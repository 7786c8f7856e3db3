import { appraisalDimensions } from '../kinds/study.js'
import type { EntityOf } from '../model/entity.js'
import { optional } from '../optional-field.js'
import type { StudyTerms, TermDimension } from '../query/terms.js'
import { notRecorded, type StudyFactsIndex } from './study-facts.js'
import type { CmocEntry, GapMapDimension, GapMapTable } from './types.js'

/** The dimensions a gap map uses when the review names none. */
export const defaultGapMapDimensions: readonly GapMapDimension[] = [
  'design',
  'country',
  'setting',
  'participants',
]

// The default dimensions read a field under another name (`country` reads `countries`).
const fieldOfDimension: Readonly<Record<string, string>> = {
  country: 'countries',
  setting: 'settings',
  inclusion: 'inclusion',
}

// The dimensions read through the review's controlled vocabularies, by either of their names.
const termDimensionOf: Readonly<Record<string, TermDimension>> = {
  design: 'designs',
  designs: 'designs',
  country: 'countries',
  countries: 'countries',
  setting: 'settings',
  settings: 'settings',
  participants: 'participants',
}

const appraisalDimension = (dimension: string): dimension is (typeof appraisalDimensions)[number] =>
  (appraisalDimensions as readonly string[]).includes(dimension)

/**
 * The values of one study characteristic: any study field (a text, a number, a list of texts) or
 * `tags`; `inclusion` reads the inclusion status, `relevance`, `richness` and `rigour` the
 * appraisal's level. Settings, participants, designs and countries are read through the review's
 * vocabularies (the term each value falls into, from the report's study facts). Objects and
 * unknown fields give no value.
 */
export function studyValues(
  study: EntityOf<'study'>,
  dimension: GapMapDimension,
  facts: StudyFactsIndex,
): readonly string[] {
  const termDimension = Object.hasOwn(termDimensionOf, dimension)
    ? termDimensionOf[dimension]
    : undefined
  if (termDimension !== undefined) return facts.factsOf(study)[termDimension]
  if (appraisalDimension(dimension)) {
    const level = study.data.appraisal?.[dimension]?.level
    return level === undefined ? [] : [level]
  }
  const field = fieldOfDimension[dimension] ?? dimension
  const data = study.data as Readonly<Record<string, unknown>>
  if (field === 'inclusion') return [study.data.inclusion?.status ?? 'unknown']
  if (field === 'year')
    return study.data.citation.year === undefined ? [] : [String(study.data.citation.year)]
  const value = Object.hasOwn(data, field) ? data[field] : undefined
  if (typeof value === 'string' || typeof value === 'number') return [String(value)]
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  return []
}

// Appraisal levels read best highest first, not in alphabetical order.
const levelOrder: readonly string[] = ['high', 'moderate', 'low']

/** How a column is shown: a term's label, a level or any other value as written. */
function columnLabel(dimension: string, value: string, terms: StudyTerms): string {
  if (value === notRecorded) return 'Not recorded'
  const termDimension = Object.hasOwn(termDimensionOf, dimension)
    ? termDimensionOf[dimension]
    : undefined
  if (termDimension !== undefined) return terms.term(termDimension, value).label
  return value
}

/**
 * The evidence gap map: for each study characteristic, a table of CMOCs (in report order, their
 * group beside them) against the characteristic's values, with the distinct studies in each cell
 * and their number. Only the studies in `studiesById` are counted. Without `dimensions`, the
 * default four, and `rigour` when some study is appraised for it. Studies' terms are read from
 * the report's study facts; `terms` names the columns.
 */
export function buildGapMap(
  cmocs: readonly CmocEntry[],
  studiesById: ReadonlyMap<string, EntityOf<'study'>>,
  dimensions: readonly GapMapDimension[] | undefined,
  terms: StudyTerms,
  facts: StudyFactsIndex,
): GapMapTable[] {
  // By default, rigour too once any study is appraised for it.
  const appraised = [...studiesById.values()].some(
    (study) => study.data.appraisal?.rigour !== undefined,
  )
  const chosen = dimensions ?? [...defaultGapMapDimensions, ...(appraised ? ['rigour'] : [])]
  // Studies by position, and each CMOC's studies as positions, once for every dimension: a study
  // is in the row of every CMOC it bears on, in every table.
  const ids = [...studiesById.keys()]
  const studies = [...studiesById.values()]
  const positionOf = new Map(ids.map((id, position) => [id, position]))
  // A study left out of the map (a weighted map counts only some) is not counted.
  const positionsOfCmoc = cmocs.map((cmoc) =>
    cmoc.studies.flatMap((id) => positionOf.get(id) ?? []),
  )
  return chosen.map((dimension) => {
    const columns = new Set<string>()
    let missing = false
    // Each study's values, read once rather than once per CMOC it bears on.
    const valuesAt = studies.map((study) => {
      const values = studyValues(study, dimension, facts)
      if (values.length === 0) missing = true
      for (const value of values) columns.add(value)
      return values
    })
    // Columns read in the order of what readers see: labels, not ids (`GB` is United Kingdom).
    const labelOf = new Map(
      [...columns].map((value) => [value, columnLabel(dimension, value, terms)]),
    )
    const byLabel = (a: string, b: string): number => {
      const [left, right] = [labelOf.get(a) ?? a, labelOf.get(b) ?? b]
      return left < right ? -1 : left > right ? 1 : a < b ? -1 : a > b ? 1 : 0
    }
    const sorted = appraisalDimension(dimension)
      ? levelOrder.filter((level) => columns.has(level))
      : [...columns].sort(byLabel)
    const values = [...sorted, ...(missing ? [notRecorded] : [])]
    const columnIndex = new Map(values.map((value, index) => [value, index]))
    const columnsAt = valuesAt.map((studyValuesList) =>
      (studyValuesList.length === 0 ? [notRecorded] : studyValuesList).flatMap(
        (value) => columnIndex.get(value) ?? [],
      ),
    )
    const rows = cmocs.map((cmoc, row) => {
      const cells: string[][] = values.map(() => [])
      for (const position of positionsOfCmoc[row] ?? [])
        for (const index of columnsAt[position] ?? []) cells[index]?.push(ids[position] ?? '')
      return {
        cmoc: cmoc.id,
        ...optional('group', cmoc.group),
        counts: cells.map((cell) => cell.length),
        studies: cells,
      }
    })
    return {
      dimension,
      values,
      labels: values.map((value) => columnLabel(dimension, value, terms)),
      rows,
    }
  })
}
