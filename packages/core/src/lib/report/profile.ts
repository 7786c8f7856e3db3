import type { EntityOf } from '../model/entity.js'
import type { StudyTermIds } from './study-term-index.js'
import type { EvidenceProfile } from './types.js'

/**
 * Describe a body of evidence: how many studies, of which designs, countries, settings,
 * participants, years and inclusion status, and how the evidence relates and on what basis.
 * Designs, countries, settings and participants are counted by the term of the review's
 * vocabularies they fall into.
 */
export function evidenceProfile(
  studies: readonly EntityOf<'study'>[],
  evidence: readonly {
    readonly evidence: EntityOf<'evidence'>
    readonly basis: 'stated' | 'inferred'
  }[],
  termIdsOf: (study: EntityOf<'study'>) => StudyTermIds,
): EvidenceProfile {
  const designs: Record<string, number> = {}
  const countries: Record<string, number> = {}
  const settings: Record<string, number> = {}
  const participants: Record<string, number> = {}
  const inclusion = { included: 0, excluded: 0, unknown: 0 }
  const years = new Set<number>()
  for (const study of studies) {
    const ids = termIdsOf(study)
    for (const value of orNotRecorded(ids.designs)) count(designs, value)
    for (const value of orNotRecorded(ids.countries)) count(countries, value)
    for (const value of orNotRecorded(ids.settings)) count(settings, value)
    for (const value of orNotRecorded(ids.participants)) count(participants, value)
    inclusion[study.data.inclusion?.status ?? 'unknown']++
    if (study.data.citation.year !== undefined) years.add(study.data.citation.year)
  }
  const relations = { supports: 0, refines: 0, refutes: 0 }
  const basis = { stated: 0, inferred: 0 }
  for (const item of evidence) {
    relations[item.evidence.data.relation]++
    basis[item.basis]++
  }
  return {
    studies: studies.length,
    evidence: evidence.length,
    designs: sortKeys(designs),
    countries: sortKeys(countries),
    settings: sortKeys(settings),
    participants: sortKeys(participants),
    inclusion,
    relations,
    years: [...years].sort((a, b) => a - b),
    basis,
  }
}

function orNotRecorded(values: readonly string[] | undefined): readonly string[] {
  return values && values.length > 0 ? values : ['not recorded']
}

function count(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1
}

/** Same entries, keys in a stable order (so JSON output is byte-identical across runs). */
export function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
