import type { EntityOf } from '../model/entity.js'
import { type TermDimension, termDimensions } from '../query/terms.js'
import { type StudyFactsIndex, slotWidth } from './study-facts.js'
import type { EvidenceProfile } from './types.js'

/**
 * Describe a body of evidence: how many studies, of which designs, countries, settings,
 * participants, years and inclusion status, and how the evidence relates and on what basis.
 * Designs, countries, settings and participants are counted by the term of the review's
 * vocabularies they fall into; a study with no value for one counts as `not recorded`. The
 * studies are given as their slots in the report's study facts, each once: a recommendation's
 * are its CMOCs' together, with no study looked up again.
 */
export function evidenceProfileOfSlots(
  slots: readonly number[],
  evidence: readonly {
    readonly evidence: EntityOf<'evidence'>
    readonly basis: 'stated' | 'inferred'
  }[],
  index: StudyFactsIndex,
): EvidenceProfile {
  const { starts, codes, inclusion: inclusionOf, years: yearOf } = index
  // Terms are counted by code into one array: a profile is made for every CMOC and
  // recommendation, each over up to thousands of studies, and maps keyed by term were most of it.
  const counts = new Int32Array(index.codeCount())
  const used = termDimensions.map((): number[] => [])
  const byInclusion = new Int32Array(index.inclusionStatuses.length)
  const years = new Set<number>()
  for (const slot of slots) {
    for (let dimension = 0; dimension < termDimensions.length; dimension++) {
      const end = starts[slot * slotWidth + dimension + 1] ?? 0
      for (let at = starts[slot * slotWidth + dimension] ?? end; at < end; at++) {
        const code = codes[at] ?? 0
        if (counts[code] === 0) used[dimension]?.push(code)
        counts[code] = (counts[code] ?? 0) + 1
      }
    }
    const status = inclusionOf[slot] ?? 0
    byInclusion[status] = (byInclusion[status] ?? 0) + 1
    const year = yearOf[slot] ?? -1
    if (year !== -1) years.add(year)
  }
  const inclusion = { included: 0, excluded: 0, unknown: 0 }
  index.inclusionStatuses.forEach((status, at) => {
    inclusion[status] = byInclusion[at] ?? 0
  })
  const counted = (dimension: TermDimension): Record<string, number> => {
    const entries = new Map<string, number>()
    for (const code of used[termDimensions.indexOf(dimension)] ?? [])
      entries.set(index.termOf(code), counts[code] ?? 0)
    return sortKeys(entries)
  }
  const relations = { supports: 0, refines: 0, refutes: 0 }
  const basis = { stated: 0, inferred: 0 }
  for (const item of evidence) {
    relations[item.evidence.data.relation]++
    basis[item.basis]++
  }
  return {
    studies: slots.length,
    evidence: evidence.length,
    designs: counted('designs'),
    countries: counted('countries'),
    settings: counted('settings'),
    participants: counted('participants'),
    inclusion,
    relations,
    years: [...years].sort((a, b) => a - b),
    basis,
  }
}

/** The entries of a map as a record, keys in a stable order (so JSON output is byte-identical). */
export function sortKeys<T>(entries: ReadonlyMap<string, T>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
