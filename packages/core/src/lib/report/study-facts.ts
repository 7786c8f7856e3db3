import type { EntityOf } from '../model/entity.js'
import {
  type StudyTerms,
  studyTermIds,
  type TermDimension,
  termDimensions,
} from '../query/terms.js'

/**
 * What a report counts of a study: its values of every characteristic with a vocabulary, as the
 * terms they fall into, its inclusion status and its year.
 */
export interface StudyFacts extends Readonly<Record<TermDimension, readonly string[]>> {
  readonly inclusion: 'included' | 'excluded' | 'unknown'
  readonly year: number | undefined
}

/**
 * The facts of each study, worked out on first use and kept for one report: a study is counted
 * in its own entry and again in every CMOC, recommendation and map cell it is in. One small
 * record per study is also what the profiles read, rather than the study's whole data, which
 * keeps them fast on a base of tens of thousands of studies. Keyed by the entity itself, so a
 * study replaced by an edit is never read from a stale entry.
 */
export function studyFactsIndex(terms: StudyTerms): (study: EntityOf<'study'>) => StudyFacts {
  const known = new Map<EntityOf<'study'>, StudyFacts>()
  return (study) => {
    let facts = known.get(study)
    if (facts === undefined) {
      const ids = {} as Record<TermDimension, readonly string[]>
      for (const dimension of termDimensions) ids[dimension] = studyTermIds(terms, study, dimension)
      facts = {
        ...ids,
        inclusion: study.data.inclusion?.status ?? 'unknown',
        year: study.data.citation.year,
      }
      known.set(study, facts)
    }
    return facts
  }
}
