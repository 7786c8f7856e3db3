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
 * `415–23` -> `['415', '423']`; a single page gives one entry.
 *
 * @example
 * ```ts
 * pageRange('2502–10') // ['2502', '2510']
 * pageRange('e1234') // ['e1234']
 * ```
 */
export function pageRange(pages: string): [string] | [string, string] {
  const [first = '', last, ...rest] = pages.split(/\s*[-\u2010-\u2015]+\s*/u)
  if (last === undefined || last === '' || rest.length > 0) return [pages.trim()]
  if (/^\d+$/.test(first) && /^\d+$/.test(last) && last.length < first.length)
    return [first, first.slice(0, first.length - last.length) + last]
  return [first, last]
}
