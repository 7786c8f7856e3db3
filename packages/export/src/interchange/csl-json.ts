import {
  type CitationData,
  type EntityOf,
  entitiesOfKind,
  type KnowledgeBase,
} from '@realist-kb/core'
import { type AuthorName, parseAuthorName } from './author-name.js'

/**
 * The CSL item types the export produces.
 *
 * @example
 * ```ts
 * const journalArticles = toCslJson(kb).filter((item) => item.type === ('article-journal' satisfies CslType))
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
 * One CSL-JSON item: only the fields a study's citation holds.
 *
 * @example
 * ```ts
 * const withDoi: CslItem[] = toCslJson(kb).filter((item) => item.DOI !== undefined)
 * ```
 */
export interface CslItem {
  readonly id: string
  readonly type: CslType
  readonly title: string
  readonly author?: readonly AuthorName[]
  readonly issued?: { readonly 'date-parts': readonly [readonly [number]] }
  readonly 'container-title'?: string
  readonly volume?: string
  readonly issue?: string
  readonly page?: string
  readonly publisher?: string
  readonly DOI?: string
  readonly URL?: string
}

function cslType(citation: CitationData): CslType {
  switch (citation.type) {
    case 'article':
      // An article printed in a journal is CSL's `article-journal`; without one, a bare `article`.
      return citation.journal === undefined ? 'article' : 'article-journal'
    case 'book':
    case 'chapter':
    case 'report':
    case 'webpage':
    case 'thesis':
      return citation.type
    case 'other':
      return 'document'
    case undefined:
      return citation.journal === undefined ? 'document' : 'article-journal'
  }
}

/**
 * The studies of a knowledge base as CSL-JSON items (the citation format Zotero, Mendeley and
 * pandoc read), in id order. Only fields the citation holds are written: authors as printed
 * (`Collins A`) become family and given names, or a literal name when they cannot be split; the
 * year becomes `issued`, the journal `container-title`. Nothing is invented: a citation marked
 * "et al." keeps only the authors it lists.
 *
 * @example
 * ```ts
 * import { toCslJson } from '@realist-kb/export'
 * toCslJson(kb)[0] // { id: 'collins-2022', type: 'article-journal', author: [{ family: 'Collins', given: 'A' }], ... }
 * ```
 */
export function toCslJson(kb: KnowledgeBase): CslItem[] {
  return entitiesOfKind(kb.graph, 'study').map(cslItem)
}

function cslItem(study: EntityOf<'study'>): CslItem {
  const { citation } = study.data
  return {
    id: study.id,
    type: cslType(citation),
    title: citation.title,
    ...(citation.authors.length > 0 ? { author: citation.authors.map(parseAuthorName) } : {}),
    ...(citation.year === undefined ? {} : { issued: { 'date-parts': [[citation.year]] } }),
    ...(citation.journal === undefined ? {} : { 'container-title': citation.journal }),
    ...(citation.volume === undefined ? {} : { volume: citation.volume }),
    ...(citation.issue === undefined ? {} : { issue: citation.issue }),
    ...(citation.pages === undefined ? {} : { page: citation.pages }),
    ...(citation.publisher === undefined ? {} : { publisher: citation.publisher }),
    ...(citation.doi === undefined ? {} : { DOI: citation.doi }),
    ...(citation.url === undefined ? {} : { URL: citation.url }),
  }
}

/**
 * Write the studies as a CSL-JSON file (a JSON array), ready for Zotero's "Import from file".
 *
 * @example
 * ```ts
 * import { writeCslJson } from '@realist-kb/export'
 * const json = writeCslJson(kb) // '[\n  {\n    "id": "collins-2022", ...'
 * ```
 */
export function writeCslJson(kb: KnowledgeBase): string {
  return `${JSON.stringify(toCslJson(kb), null, 2)}\n`
}
