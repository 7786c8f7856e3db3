import type { EntityOf } from '../model/entity.js'
import { optional } from '../optional-field.js'
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

/**
 * The values of one study characteristic: any study field (a text, a number, a list of texts) or
 * `tags`; `inclusion` reads the inclusion status. Objects and unknown fields give no value.
 */
export function studyValues(study: EntityOf<'study'>, dimension: GapMapDimension): string[] {
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

/**
 * The evidence gap map: for each study characteristic, a table of CMOCs (in report order, their
 * group beside them) against the characteristic's values, counting distinct studies per cell.
 * Only the studies in `studiesById` are counted.
 */
export function buildGapMap(
  cmocs: readonly CmocEntry[],
  studiesById: ReadonlyMap<string, EntityOf<'study'>>,
  dimensions: readonly GapMapDimension[] = defaultGapMapDimensions,
): GapMapTable[] {
  return dimensions.map((dimension) => {
    const columns = new Set<string>()
    let missing = false
    // Each study's values, read once rather than once per CMOC it bears on.
    const valuesOfStudy = new Map<string, string[]>()
    for (const [id, study] of studiesById) {
      const values = studyValues(study, dimension)
      valuesOfStudy.set(id, values)
      if (values.length === 0) missing = true
      for (const value of values) columns.add(value)
    }
    const values = [...[...columns].sort(), ...(missing ? [notRecorded] : [])]
    const columnIndex = new Map(values.map((value, index) => [value, index]))
    const rows = cmocs.map((cmoc) => {
      const counts = values.map(() => 0)
      for (const studyId of cmoc.studies) {
        // A study left out of the map (a weighted map counts only some) is not counted.
        const studyValuesList = valuesOfStudy.get(studyId)
        if (studyValuesList === undefined) continue
        for (const value of studyValuesList.length === 0 ? [notRecorded] : studyValuesList) {
          const index = columnIndex.get(value)
          if (index !== undefined) counts[index] = (counts[index] ?? 0) + 1
        }
      }
      return {
        cmoc: cmoc.id,
        ...optional('group', cmoc.group),
        counts,
      }
    })
    return { dimension, values, rows }
  })
}
