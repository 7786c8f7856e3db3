import type { EntityOf } from '../model/entity.js'
import type { StudyFacts } from './study-facts.js'
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
  factsOf: (study: EntityOf<'study'>) => StudyFacts,
): EvidenceProfile {
  const designs = new Map<string, number>()
  const countries = new Map<string, number>()
  const settings = new Map<string, number>()
  const participants = new Map<string, number>()
  const inclusion = { included: 0, excluded: 0, unknown: 0 }
  const years = new Set<number>()
  for (const study of studies) {
    const facts = factsOf(study)
    countEach(designs, facts.designs)
    countEach(countries, facts.countries)
    countEach(settings, facts.settings)
    countEach(participants, facts.participants)
    inclusion[facts.inclusion]++
    if (facts.year !== undefined) years.add(facts.year)
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

// A study with no value for a characteristic counts as `not recorded`, so gaps stay visible.
function countEach(counts: Map<string, number>, values: readonly string[]): void {
  if (values.length === 0) counts.set('not recorded', (counts.get('not recorded') ?? 0) + 1)
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
}

/** The entries of a map as a record, keys in a stable order (so JSON output is byte-identical). */
export function sortKeys<T>(entries: ReadonlyMap<string, T>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
