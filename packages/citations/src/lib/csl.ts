import { type AuthorName, givenText, parseAuthorName } from './author-name.js'
import { type CitedStudy, workType } from './citation-fields.js'

/**
 * The CSL item types a study maps to.
 *
 * @example
 * ```ts
 * const articles = studies.map(toCslItem).filter((item) => item.type === ('article-journal' satisfies CslType))
 * ```
 */
export type CslType =
  | 'article'
  | 'article-journal'
  | 'book'
  | 'chapter'
  | 'report'
  | 'webpage'
  | 'thesis'
  | 'document'

/**
 * A CSL name: a person (family, given, particle, suffix) or a literal name.
 *
 * @example
 * ```ts
 * const lyons: CslName = { family: 'Lyons', given: 'K. D.' }
 * ```
 */
export interface CslName {
  readonly family?: string
  readonly given?: string
  readonly 'non-dropping-particle'?: string
  readonly suffix?: string
  readonly literal?: string
}

/**
 * One CSL-JSON item (what Zotero, Mendeley, pandoc and citeproc read): only the fields a
 * study's citation holds.
 *
 * @example
 * ```ts
 * const withDoi: CslItem[] = studies.map(toCslItem).filter((item) => item.DOI !== undefined)
 * ```
 */
export interface CslItem {
  readonly id: string
  readonly type: CslType
  readonly title: string
  readonly author?: readonly CslName[]
  readonly issued?: { readonly 'date-parts': readonly [readonly [number]] }
  readonly 'container-title'?: string
  readonly volume?: string
  readonly issue?: string
  readonly page?: string
  readonly publisher?: string
  readonly DOI?: string
  readonly URL?: string
  readonly PMID?: string
  readonly keyword?: string
}

/**
 * The author entry that stands for "et al." in CSL-JSON: CSL has no flag for an abbreviated
 * author list, and citeproc prints a literal name as it is, so the list reads as the source
 * printed it (`Collins A, Sundararajan V, et al.`).
 *
 * @example
 * ```ts
 * toCslItem(study).author?.at(-1) === etAlName // when the source printed "et al."
 * ```
 */
export const etAlName: CslName = { literal: 'et al.' }

/**
 * An author as a CSL name. Initials are given as `K. D.`, one per given name, so that citeproc
 * prints `Lyons KD` (given `KD` would be read as one name and printed `Lyons K`).
 *
 * @example
 * ```ts
 * toCslName(parseAuthorName('von Gunten CF'))
 * // { family: 'Gunten', given: 'C. F.', 'non-dropping-particle': 'von' }
 * ```
 */
export function toCslName(name: AuthorName): CslName {
  if (name.literal !== undefined || name.family === undefined)
    return { literal: name.literal ?? name.given ?? '' }
  const given = givenText(name)
  return {
    family: name.family,
    ...(given === undefined ? {} : { given }),
    ...(name.particle === undefined ? {} : { 'non-dropping-particle': name.particle }),
    ...(name.suffix === undefined ? {} : { suffix: name.suffix }),
  }
}

/**
 * A study as a CSL item: authors split by {@link parseAuthorName} (with {@link etAlName} last
 * when the source printed "et al."), the year as `issued`, the journal as `container-title`,
 * keywords as one comma-separated `keyword`. Nothing is invented.
 *
 * @example
 * ```ts
 * toCslItem({ id: 'bakitas-2013', citation: { authors: ['Lyons KD'], title: 'T', year: 2013 } })
 * // { id: 'bakitas-2013', type: 'document', title: 'T', author: [{ family: 'Lyons', given: 'K. D.' }], issued: ... }
 * ```
 */
export function toCslItem(study: CitedStudy): CslItem {
  const { citation } = study
  const author = citation.authors.map((printed) => toCslName(parseAuthorName(printed)))
  if (citation.etAl === true) author.push(etAlName)
  return {
    id: study.id,
    type: cslType(study),
    title: citation.title,
    ...(author.length > 0 ? { author } : {}),
    ...(citation.year === undefined ? {} : { issued: { 'date-parts': [[citation.year]] } }),
    ...(citation.journal === undefined ? {} : { 'container-title': citation.journal }),
    ...(citation.volume === undefined ? {} : { volume: citation.volume }),
    ...(citation.issue === undefined ? {} : { issue: citation.issue }),
    ...(citation.pages === undefined ? {} : { page: citation.pages }),
    ...(citation.publisher === undefined ? {} : { publisher: citation.publisher }),
    ...(citation.doi === undefined ? {} : { DOI: citation.doi }),
    ...(citation.url === undefined ? {} : { URL: citation.url }),
    ...(citation.pmid === undefined ? {} : { PMID: citation.pmid }),
    ...(citation.keywords === undefined || citation.keywords.length === 0
      ? {}
      : { keyword: citation.keywords.join(', ') }),
  }
}

function cslType(study: CitedStudy): CslType {
  const { citation } = study
  switch (workType(citation)) {
    case 'article':
      // An article printed in a journal is CSL's `article-journal`; without one, a bare `article`.
      return citation.journal === undefined ? 'article' : 'article-journal'
    case 'book':
      return 'book'
    case 'chapter':
      return 'chapter'
    case 'report':
      return 'report'
    case 'webpage':
      return 'webpage'
    case 'thesis':
      return 'thesis'
    case 'other':
      return 'document'
  }
}
