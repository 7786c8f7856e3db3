import type { StudyEntry } from '@realist-kb/core'

/**
 * A study's reference in the Vancouver style, from the fields as printed.
 *
 * @example
 * ```ts
 * formatCitation(study) // 'Collins A, et al. The feasibility of triggers ... Front Oncol. 2022;12:991843.'
 * ```
 */
export function formatCitation(study: StudyEntry): string {
  const authors = `${study.authors.join(', ')}${study.etAl ? ', et al' : ''}.`
  const title = /[.?!]$/.test(study.title) ? study.title : `${study.title}.`
  let source = study.journal ? `${study.journal}.` : ''
  if (study.year !== undefined) {
    source += `${source ? ' ' : ''}${study.year}`
    if (study.volume) source += `;${study.volume}${study.issue ? `(${study.issue})` : ''}`
    if (study.pages) source += `:${study.pages}`
    source += '.'
  }
  const doi = study.doi ? ` doi:${study.doi}` : ''
  return [authors, title, source].filter(Boolean).join(' ') + doi
}

/**
 * A short label: first author, "et al." when there are more, and year.
 *
 * @example
 * ```ts
 * shortCitation(study) // 'Collins A et al. 2022'
 * ```
 */
export function shortCitation(study: StudyEntry): string {
  const more = study.etAl || study.authors.length > 1 ? ' et al.' : ''
  return `${study.authors[0] ?? study.id}${more}${study.year === undefined ? '' : ` ${study.year}`}`
}
