import type { EntityOf } from '../model/entity.js'
import type { CmocEntry, GapMapDimension, GapMapTable } from './types.js'

const notRecorded = 'not recorded'

const valuesOf: Record<GapMapDimension, (study: EntityOf<'study'>) => readonly string[]> = {
  design: (study) => (study.data.design === undefined ? [] : [study.data.design]),
  country: (study) => study.data.countries ?? [],
  setting: (study) => study.data.settings ?? [],
  participants: (study) => study.data.participants ?? [],
}

/**
 * The evidence gap map: for each study characteristic, a table of CMOCs (grouped by group,
 * in report order) against the characteristic's values, counting distinct studies per cell.
 */
export function buildGapMap(
  cmocs: readonly CmocEntry[],
  studiesById: ReadonlyMap<string, EntityOf<'study'>>,
): GapMapTable[] {
  return (Object.keys(valuesOf) as GapMapDimension[]).map((dimension) => {
    const columns = new Set<string>()
    let missing = false
    for (const study of studiesById.values()) {
      const values = valuesOf[dimension](study)
      if (values.length === 0) missing = true
      for (const value of values) columns.add(value)
    }
    const values = [...[...columns].sort(), ...(missing ? [notRecorded] : [])]
    // Each study's columns, looked up once rather than once per CMOC it bears on.
    const columnIndex = new Map(values.map((value, index) => [value, index]))
    const columnsOfStudy = new Map<string, number[]>()
    for (const [id, study] of studiesById) {
      const studyValues = valuesOf[dimension](study)
      columnsOfStudy.set(
        id,
        (studyValues.length === 0 ? [notRecorded] : studyValues).map(
          (value) => columnIndex.get(value) ?? -1,
        ),
      )
    }
    const rows = cmocs.map((cmoc) => {
      const counts = values.map(() => 0)
      for (const studyId of cmoc.studies) {
        for (const index of columnsOfStudy.get(studyId) ?? [])
          if (index !== -1) counts[index] = (counts[index] ?? 0) + 1
      }
      return {
        cmoc: cmoc.id,
        ...(cmoc.group === undefined ? {} : { group: cmoc.group }),
        counts,
      }
    })
    return { dimension, values, rows }
  })
}
