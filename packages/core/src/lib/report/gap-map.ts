import { appraisalDimensions } from '../kinds/study.js'
import type { EntityOf } from '../model/entity.js'
import { optional } from '../optional-field.js'
import { type StudyTerms, studyTermIds, type TermDimension } from '../query/terms.js'
import type { CmocEntry, GapMapDimension, GapMapTable } from './types.js'

const notRecorded = 'not recorded'

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
 * vocabularies (the term each value falls into). Objects and unknown fields give no value.
 */
export function studyValues(
  study: EntityOf<'study'>,
  dimension: GapMapDimension,
  terms?: StudyTerms,
): string[] {
  const termDimension = Object.hasOwn(termDimensionOf, dimension)
    ? termDimensionOf[dimension]
    : undefined
  if (termDimension !== undefined && terms !== undefined)
    return studyTermIds(terms, study, termDimension)
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
function columnLabel(dimension: string, value: string, terms: StudyTerms | undefined): string {
  if (value === notRecorded) return 'Not recorded'
  const termDimension = Object.hasOwn(termDimensionOf, dimension)
    ? termDimensionOf[dimension]
    : undefined
  if (termDimension !== undefined && terms !== undefined)
    return terms.term(termDimension, value).label
  return value
}

/**
 * The evidence gap map: for each study characteristic, a table of CMOCs (in report order, their
 * group beside them) against the characteristic's values, with the distinct studies in each cell
 * and their number. Only the studies in `studiesById` are counted. Without `dimensions`, the
 * default four, and `rigour` when some study is appraised for it.
 */
export function buildGapMap(
  cmocs: readonly CmocEntry[],
  studiesById: ReadonlyMap<string, EntityOf<'study'>>,
  dimensions: readonly GapMapDimension[] | undefined,
  terms?: StudyTerms,
): GapMapTable[] {
  // By default, rigour too once any study is appraised for it.
  const appraised = [...studiesById.values()].some(
    (study) => study.data.appraisal?.rigour !== undefined,
  )
  const chosen = dimensions ?? [...defaultGapMapDimensions, ...(appraised ? ['rigour'] : [])]
  return chosen.map((dimension) => {
    const columns = new Set<string>()
    let missing = false
    // Each study's values, read once rather than once per CMOC it bears on.
    const valuesOfStudy = new Map<string, string[]>()
    for (const [id, study] of studiesById) {
      const values = studyValues(study, dimension, terms)
      valuesOfStudy.set(id, values)
      if (values.length === 0) missing = true
      for (const value of values) columns.add(value)
    }
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
    const rows = cmocs.map((cmoc) => {
      const studies: string[][] = values.map(() => [])
      for (const studyId of cmoc.studies) {
        // A study left out of the map (a weighted map counts only some) is not counted.
        const studyValuesList = valuesOfStudy.get(studyId)
        if (studyValuesList === undefined) continue
        for (const value of studyValuesList.length === 0 ? [notRecorded] : studyValuesList) {
          const index = columnIndex.get(value)
          if (index !== undefined) studies[index]?.push(studyId)
        }
      }
      return {
        cmoc: cmoc.id,
        ...optional('group', cmoc.group),
        counts: studies.map((cell) => cell.length),
        studies,
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
