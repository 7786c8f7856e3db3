import type { EntityOf } from '../model/entity.js'
import {
  type StudyTerms,
  studyTermIds,
  type TermDimension,
  termDimensions,
} from '../query/terms.js'

/**
 * A study's values of every characteristic with a vocabulary, as the terms they fall into: what
 * its entry, the term labels and the gap map show. Its slot in {@link StudyFactsIndex} holds them
 * as codes, with its inclusion status and year, for the profiles.
 */
export type StudyFacts = Readonly<Record<TermDimension, readonly string[]>>

type InclusionStatus = 'included' | 'excluded' | 'unknown'

/** What a profile counts for a study with no value for a characteristic, so gaps stay visible. */
export const notRecorded = 'not recorded'

/** How many entries of `starts` each slot has: one per dimension, and its end. */
export const slotWidth = termDimensions.length + 1

const inclusionStatuses: readonly InclusionStatus[] = ['included', 'excluded', 'unknown']

/**
 * The facts of each study for one report (see {@link studyFactsIndex}), and the same facts as
 * numbers in flat arrays, which the profiles count.
 */
export interface StudyFactsIndex {
  readonly factsOf: (study: EntityOf<'study'>) => StudyFacts
  /** The study's slot in the flat arrays, its facts worked out on first use. */
  readonly slotOf: (study: EntityOf<'study'>) => number
  /**
   * Where each slot's term codes start in `codes`, one entry per dimension (in the order of
   * `termDimensions`) and one for the end: `starts[slot * slotWidth + d]` to `starts[slot * slotWidth + d + 1]`.
   */
  readonly starts: readonly number[]
  /** Term codes: a study with no value for a dimension has the code of `not recorded` there. */
  readonly codes: readonly number[]
  /** Each slot's inclusion status, as an index into `inclusionStatuses`. */
  readonly inclusion: readonly number[]
  /** Each slot's year, -1 when it has none. */
  readonly years: readonly number[]
  /** The term id (or `not recorded`) a code stands for. */
  readonly termOf: (code: number) => string
  /** How many codes have been handed out so far: every code is below it. */
  readonly codeCount: () => number
  readonly inclusionStatuses: readonly InclusionStatus[]
}

/**
 * The facts of each study, worked out on first use and kept for one report: a study is counted
 * in its own entry and again in every CMOC, recommendation and map cell it is in. The profiles
 * read them as small numbers in a few flat arrays rather than from each study's scattered data:
 * on a base of tens of thousands of studies, fetching those from memory was most of their cost.
 * Keyed by the entity itself, so a study replaced by an edit is never read from a stale entry.
 */
export function studyFactsIndex(terms: StudyTerms): StudyFactsIndex {
  const known = new Map<EntityOf<'study'>, StudyFacts>()
  const slots = new Map<EntityOf<'study'>, number>()
  // One code per dimension and term: the same id in two dimensions counts apart.
  const codeTables = termDimensions.map(() => new Map<string, number>())
  const names: string[] = []
  const starts: number[] = []
  const codes: number[] = []
  const inclusion: number[] = []
  const years: number[] = []
  const codeOf = (dimension: number, id: string): number => {
    const table = codeTables[dimension] as Map<string, number>
    let code = table.get(id)
    if (code === undefined) {
      code = names.length
      names.push(id)
      table.set(id, code)
    }
    return code
  }
  const factsOf = (study: EntityOf<'study'>): StudyFacts => {
    let facts = known.get(study)
    if (facts === undefined) {
      const ids = {} as Record<TermDimension, readonly string[]>
      for (const dimension of termDimensions) ids[dimension] = studyTermIds(terms, study, dimension)
      facts = ids
      known.set(study, facts)
    }
    return facts
  }
  const slotOf = (study: EntityOf<'study'>): number => {
    let slot = slots.get(study)
    if (slot === undefined) {
      const facts = factsOf(study)
      slot = inclusion.length
      termDimensions.forEach((dimension, index) => {
        starts.push(codes.length)
        const values = facts[dimension]
        if (values.length === 0) codes.push(codeOf(index, notRecorded))
        for (const value of values) codes.push(codeOf(index, value))
      })
      starts.push(codes.length)
      inclusion.push(inclusionStatuses.indexOf(study.data.inclusion?.status ?? 'unknown'))
      years.push(study.data.citation.year ?? -1)
      slots.set(study, slot)
    }
    return slot
  }
  return {
    factsOf,
    slotOf,
    starts,
    codes,
    inclusion,
    years,
    termOf: (code) => names[code] ?? '',
    codeCount: () => names.length,
    inclusionStatuses,
  }
}
