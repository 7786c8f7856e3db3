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
  const names = citation.authors.map((printed) => citedName(parseAuthorName(printed)))
  let who = names[0] ?? citation.title
  if (citation.etAl === true || names.length > 2) who = `${who} et al.`
  else if (names.length === 2) who = `${who} & ${names[1]}`
  return `${who} ${citation.year ?? 'n.d.'}`
}
