import { parseAuthorName, vancouverName } from './author-name.js'
import { type CitationFields, vancouverPages, workType } from './citation-fields.js'

/**
 * A study's reference in the Vancouver (NLM) style, as plain text without a number: the one
 * reference text that `show`, every report and every export print.
 *
 * - authors as `Family Initials` (`Lyons KD, von Gunten CF`), then `et al.` when the source
 *   printed it;
 * - a journal article: `Title. Journal. Year;Volume(Issue):Pages.`;
 * - anything else: `Title. Publisher; Year.`;
 * - then `doi:DOI`, or `Available from: URL` when there is no DOI.
 *
 * Page ranges are printed the NLM way, the last page shortened and an en dash between
 * (`415–23`), whichever way they are stored.
 *
 * @example
 * ```ts
 * formatVancouver({ authors: ['Bakitas M', 'Lyons KD'], year: 2013, title: 'Oncologists', journal: 'Palliat Support Care', volume: '11', issue: '5', pages: '415–23' })
 * // 'Bakitas M, Lyons KD. Oncologists. Palliat Support Care. 2013;11(5):415–23.'
 * ```
 */
export function formatVancouver(citation: CitationFields): string {
  const names = citation.authors.map((printed) => vancouverName(parseAuthorName(printed)))
  if (citation.etAl === true) names.push('et al')
  const parts = [sentence(names.join(', ')), sentence(citation.title)]
  const isArticle = workType(citation) === 'article' && citation.journal !== undefined
  if (isArticle) {
    let source = `${sentence(citation.journal ?? '')}`
    if (citation.year !== undefined) {
      source += ` ${citation.year}`
      if (citation.volume !== undefined)
        source += `;${citation.volume}${citation.issue === undefined ? '' : `(${citation.issue})`}`
      if (citation.pages !== undefined) source += `:${vancouverPages(citation.pages)}`
      source += '.'
    }
    parts.push(source)
  } else {
    const published = [citation.publisher, citation.year].filter((part) => part !== undefined)
    if (published.length > 0) parts.push(`${published.join('; ')}.`)
  }
  if (citation.doi !== undefined) parts.push(`doi:${citation.doi}`)
  else if (citation.url !== undefined) parts.push(`Available from: ${citation.url}`)
  return parts.filter((part) => part !== '').join(' ')
}

/** Text ending in one full stop (or the `?` or `!` it already ends with). */
function sentence(text: string): string {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`
}
