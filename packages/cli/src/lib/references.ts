import type { CitationData, EntityOf } from '@realist-kb/core'
import { formatBibliography } from './import/citation-js.js'
import type { CslItem } from './import/csl.js'

type Study = Pick<EntityOf<'study'>, 'id' | 'data'>

const cslTypes: Readonly<Record<NonNullable<CitationData['type']>, string>> = {
  article: 'article-journal',
  book: 'book',
  chapter: 'chapter',
  report: 'report',
  webpage: 'webpage',
  thesis: 'thesis',
  other: 'document',
}

/**
 * A study's reference in Vancouver style (the CSL `vancouver` style bundled with
 * `@citation-js/plugin-csl`), as plain text without a number.
 *
 * @example
 * ```ts
 * formatReference(kb.graph.getNodeAttributes('collins-2022'))
 * // 'Collins A, et al. The feasibility of triggers ... Front Oncol. 2022;12:991843.'
 * ```
 */
export function formatReference(study: Study): string {
  return (formatReferences([study])[0] ?? '').replace(/^\d+\.\s*/, '')
}

/**
 * A numbered Vancouver reference list, in the order given (Vancouver numbers references in
 * order of first citation, so the caller decides the order).
 *
 * @example
 * ```ts
 * formatReferences(usage.studies) // ['1. Collins A, et al. ...', '2. ...']
 * ```
 */
export function formatReferences(studies: readonly Study[]): string[] {
  if (studies.length === 0) return []
  const entries = new Map(formatBibliography(studies.map(toCsl), 'vancouver'))
  return studies.map((study, index) => {
    const text = entries.get(study.id)?.trim()
    return text ?? `${index + 1}. ${study.data.citation.title}`
  })
}

/**
 * A study's citation as a CSL item. Authors stored as `Family Initials` become family and given
 * names (so the style can lay them out); anything else (an organisation) stays literal. `etAl`
 * adds a final `et al.`, as the source printed it.
 *
 * @example
 * ```ts
 * toCsl({ id: 'a', data: { citation: { authors: ['Collins A'], title: 'T' } } }).author
 * // [{ family: 'Collins', given: 'A' }]
 * ```
 */
export function toCsl(study: Study): CslItem {
  const citation = study.data.citation
  const author: object[] = citation.authors.map(toName)
  if (citation.etAl) author.push({ literal: 'et al.' })
  const item: Record<string, unknown> = {
    id: study.id,
    type: citation.type
      ? cslTypes[citation.type]
      : citation.journal
        ? 'article-journal'
        : 'document',
    title: citation.title,
    author,
  }
  if (citation.year !== undefined) item.issued = { 'date-parts': [[citation.year]] }
  const fields = {
    'container-title': citation.journal,
    volume: citation.volume,
    issue: citation.issue,
    page: citation.pages,
    DOI: citation.doi,
    URL: citation.url,
    publisher: citation.publisher,
  }
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) item[key] = value
  return item
}

function toName(author: string): object {
  const match = /^(.+?)\s+(\p{Lu}{1,4})$/u.exec(author)
  return match ? { family: match[1], given: match[2] } : { literal: author }
}
