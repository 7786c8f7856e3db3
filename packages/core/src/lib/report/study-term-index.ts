import type { EntityOf } from '../model/entity.js'
import {
  type StudyTerms,
  studyTermIds,
  type TermDimension,
  termDimensions,
} from '../query/terms.js'

/** A study's values of every characteristic with a vocabulary, as the terms they fall into. */
export type StudyTermIds = Readonly<Record<TermDimension, readonly string[]>>

/**
 * The terms of each study, worked out on first use and kept for one report: a study is counted
 * in its own entry and again in every CMOC, recommendation and map cell it is in. Keyed by the
 * entity itself, so a study replaced by an edit is never read from a stale entry.
 */
export function studyTermIndex(terms: StudyTerms): (study: EntityOf<'study'>) => StudyTermIds {
  const known = new Map<EntityOf<'study'>, StudyTermIds>()
  return (study) => {
    let ids = known.get(study)
    if (ids === undefined) {
      const read = {} as Record<TermDimension, readonly string[]>
      for (const dimension of termDimensions)
        read[dimension] = studyTermIds(terms, study, dimension)
      ids = read
      known.set(study, ids)
    }
    return ids
  }
}
