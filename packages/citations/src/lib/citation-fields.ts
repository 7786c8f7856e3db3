import type { CitationData } from '@realist-kb/core'

/**
 * The bibliographic fields of a study that every citation function reads: a study's validated
 * `citation`, or the study entry of a trace report, both fit.
 *
 * @example
 * ```ts
 * const fields: CitationFields = { authors: ['Lyons KD'], year: 2013, title: 'Oncologists' perspectives' }
 * ```
 */
export interface CitationFields {
  readonly authors: readonly string[]
  readonly etAl?: boolean | undefined
  readonly year?: number | undefined
  readonly title: string
  readonly journal?: string | undefined
  readonly volume?: string | undefined
  readonly issue?: string | undefined
  readonly pages?: string | undefined
  readonly doi?: string | undefined
  readonly url?: string | undefined
  readonly pmid?: string | undefined
  readonly publisher?: string | undefined
  readonly type?: CitationData['type'] | undefined
  readonly keywords?: readonly string[] | undefined
}

/**
 * A study as the citation writers take it: its id (the citation key) and its citation.
 *
 * @example
 * ```ts
 * const study: CitedStudy = { id: 'bakitas-2013', citation: { authors: ['Bakitas M'], title: 'T' } }
 * ```
 */
export interface CitedStudy {
  readonly id: string
  readonly citation: CitationFields
}

/**
 * The kind of work a citation describes, with the schema's default when it says none: an
 * article when it names a journal, otherwise `other`.
 *
 * @example
 * ```ts
 * workType({ authors: ['Doe J'], title: 'T', journal: 'BMJ' }) // 'article'
 * ```
 */
export function workType(citation: CitationFields): NonNullable<CitationData['type']> {
  return citation.type ?? (citation.journal === undefined ? 'other' : 'article')
}

/**
 * A page range with an abbreviated last page written in full, as RIS and BibTeX want it:
 * `415–23` -> `['415', '423']`, `E229–35` -> `['E229', 'E235']`; a single page gives one entry.
 *
 * @example
 * ```ts
 * pageRange('2502–10') // ['2502', '2510']
 * pageRange('e1234') // ['e1234']
 * ```
 */
export function pageRange(pages: string): [string] | [string, string] {
  const [first = '', last, ...rest] = pages.trim().split(/\s*[-\u2010-\u2015]+\s*/u)
  if (last === undefined || last === '' || rest.length > 0) return [pages.trim()]
  const start = /^(\p{L}*)(\d+)$/u.exec(first)
  const end = /^(\p{L}*)(\d+)$/u.exec(last)
  if (start === null || end === null || (end[1] !== '' && end[1] !== start[1])) return [first, last]
  const [, prefix = '', from = ''] = start
  const to = end[2] ?? ''
  const full = to.length < from.length ? from.slice(0, from.length - to.length) + to : to
  return [first, `${prefix}${full}`]
}

/**
 * Pages as a Vancouver (NLM) list prints them: the last page of a range shortened to the
 * digits that change, joined by an en dash, so `415-423`, `415–423` and `415–23` all print
 * `415–23`, and `E229-E235` prints `E229–35`. Anything that is not a page range is kept.
 *
 * @example
 * ```ts
 * vancouverPages('2502-2510') // '2502–10'
 * vancouverPages('e0256965') // 'e0256965'
 * ```
 */
export function vancouverPages(pages: string): string {
  const range = pageRange(pages)
  if (range.length === 1) return range[0]
  const [first, last] = range
  const start = /^(\p{L}*)(\d+)$/u.exec(first)
  const end = /^(\p{L}*)(\d+)$/u.exec(last)
  if (start === null || end === null || start[1] !== end[1]) return `${first}\u2013${last}`
  const from = start[2] ?? ''
  const to = end[2] ?? ''
  if (from.length !== to.length) return `${first}\u2013${to}`
  let common = 0
  while (common < to.length - 1 && from[common] === to[common]) common++
  return `${first}\u2013${to.slice(common)}`
}

/**
 * The note RIS records carry for a list the source ended with "et al." (RIS has no mark of its
 * own), which import reads back as the `etAl` flag.
 *
 * @example
 * ```ts
 * etAlNote // 'Author list as printed by the source: et al. (more authors than listed).'
 * ```
 */
export const etAlNote = 'Author list as printed by the source: et al. (more authors than listed).'
