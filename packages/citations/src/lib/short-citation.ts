import { citedName, parseAuthorName } from './author-name.js'
import type { CitationFields } from './citation-fields.js'

/**
 * The one short label of a study, used wherever a study is named in passing (report links,
 * diagrams, graph labels): `Doe 2020`, `Doe & Roe 2021`, `Doe et al. 2020` (three or more
 * authors, or a list the source ended with "et al."), `n.d.` without a year.
 *
 * @example
 * ```ts
 * shortCitation({ authors: ['Collins A'], etAl: true, year: 2022, title: 'STEP' }) // 'Collins et al. 2022'
 * shortCitation({ authors: ['von Gunten CF'], year: 2017, title: 'T' }) // 'von Gunten 2017'
 * ```
 */
export function shortCitation(citation: CitationFields): string {
  const { authors } = citation
  // Only the first two names are ever shown: the others are not read.
  const cited = (index: number): string | undefined => {
    const printed = authors[index]
    return printed === undefined ? undefined : citedName(parseAuthorName(printed))
  }
  let who = cited(0) ?? citation.title
  if (citation.etAl === true || authors.length > 2) who = `${who} et al.`
  else if (authors.length === 2) who = `${who} & ${cited(1)}`
  return `${who} ${citation.year ?? 'n.d.'}`
}
