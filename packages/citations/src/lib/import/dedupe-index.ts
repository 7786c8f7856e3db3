import type { DedupeKeys } from './dedupe-keys.js'

/** A study already known to an import: in the knowledge base, or created earlier in the file. */
export interface KnownStudy {
  readonly id: string
  readonly keys: DedupeKeys
  /** Where it comes from, for messages: `content` or `record 3, line 41`. */
  readonly origin: string
}

/** Why a record is a duplicate: the study it matches and on which key. */
export interface DuplicateMatch {
  readonly study: KnownStudy
  readonly by: 'doi' | 'title-year'
}

/**
 * Known studies indexed by DOI and by normalised title + year. A record is a duplicate when its
 * DOI matches, or else when its title and year match a study whose DOI does not contradict it
 * (two different DOIs mean two works, e.g. a preprint and its article).
 *
 * @example
 * ```ts
 * const index = new DedupeIndex()
 * index.add({ id: 'doe-2020', keys: { doi: '10.1000/a', titleYear: 't|2020' }, origin: 'content' })
 * index.find({ doi: undefined, titleYear: 't|2020' })?.study.id // 'doe-2020'
 * ```
 */
export class DedupeIndex {
  readonly #byDoi = new Map<string, KnownStudy>()
  readonly #byTitleYear = new Map<string, KnownStudy[]>()

  /** Remember a study (the first study with a DOI keeps it). */
  add(study: KnownStudy): void {
    if (study.keys.doi !== undefined && !this.#byDoi.has(study.keys.doi))
      this.#byDoi.set(study.keys.doi, study)
    if (study.keys.titleYear !== undefined) {
      const list = this.#byTitleYear.get(study.keys.titleYear) ?? []
      list.push(study)
      this.#byTitleYear.set(study.keys.titleYear, list)
    }
  }

  /** The known study these keys duplicate, if any: DOI first, then title and year. */
  find(keys: DedupeKeys): DuplicateMatch | undefined {
    if (keys.doi !== undefined) {
      const study = this.#byDoi.get(keys.doi)
      if (study) return { study, by: 'doi' }
    }
    if (keys.titleYear === undefined) return undefined
    const study = this.#byTitleYear
      .get(keys.titleYear)
      ?.find(
        (candidate) =>
          candidate.keys.doi === undefined ||
          keys.doi === undefined ||
          candidate.keys.doi === keys.doi,
      )
    return study ? { study, by: 'title-year' } : undefined
  }
}
