import { type CitationData, citationSchema } from '@realist-kb/core'
import { type CslItem, type CslName, collapse, issuedYear, namesField, textField } from './csl.js'
import { cleanDoi } from './dedupe-keys.js'
import { authorText, familyText } from './names.js'

/** A record mapped to a study citation, or why it cannot be. */
export type CitationResult =
  | {
      readonly ok: true
      readonly citation: CitationData
      /** The first author's family name (or organisation), for the study id. */
      readonly family: string | undefined
      /** Things dropped or missing that the researcher should know about. */
      readonly notes: readonly string[]
    }
  | { readonly ok: false; readonly message: string }

type CitationType = NonNullable<CitationData['type']>

const anonymous = 'Anonymous'

// CSL types (https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types)
// grouped into the study schema's few types.
const typeOfCsl: Readonly<Record<string, CitationType>> = {
  article: 'article',
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  review: 'article',
  'review-book': 'article',
  book: 'book',
  chapter: 'chapter',
  'paper-conference': 'chapter',
  'entry-encyclopedia': 'chapter',
  'entry-dictionary': 'chapter',
  report: 'report',
  webpage: 'webpage',
  post: 'webpage',
  'post-weblog': 'webpage',
  thesis: 'thesis',
}

/**
 * Map a CSL item to the `citation` of a study: authors as `Family Initials`, year, title,
 * journal, volume, issue, pages, DOI, URL, publisher, type. A record without a title cannot
 * become a study; one without any author or editor gets `Anonymous` and a note. Optional values
 * the schema would refuse (a DOI that is not one, a URL that is not http or https) are dropped
 * and noted.
 *
 * @example
 * ```ts
 * const result = toCitation({ title: 'T', author: [{ family: 'Müller', given: 'Jörg' }], issued: { 'date-parts': [[2020]] } })
 * result.ok && result.citation // { authors: ['Müller J'], year: 2020, title: 'T', type: 'other' }
 * ```
 */
export function toCitation(item: CslItem): CitationResult {
  const title = cleanTitle(textField(item, 'title'))
  if (title === undefined) return { ok: false, message: 'Missing title, expected a record title' }
  const names = namesOf(item)
  const notes: string[] = []
  let authors = names.flatMap((name) => authorText(name) ?? [])
  if (authors.length === 0) {
    // Unsigned items (editorials, news, teaching material) exist; the schema needs an author,
    // so the conventional stand-in is used and flagged rather than the record refused.
    authors = [anonymous]
    notes.push(`no author or editor in the record: \`${anonymous}\` stands in`)
  }

  const citation: { -readonly [K in keyof CitationData]: CitationData[K] } = { authors, title }
  const year = issuedYear(item)
  if (year === undefined) notes.push('no year in the record')
  else citation.year = year
  const optional = {
    journal: textField(item, 'container-title') ?? textField(item, 'container-title-short'),
    volume: textField(item, 'volume'),
    issue: textField(item, 'issue'),
    pages: pagesOf(item),
    publisher: textField(item, 'publisher'),
  } as const
  for (const [field, value] of Object.entries(optional)) {
    if (value !== undefined) citation[field as keyof typeof optional] = value
  }

  const rawDoi = textField(item, 'DOI')
  const doi = cleanDoi(rawDoi)
  if (doi !== undefined) citation.doi = doi
  else if (rawDoi !== undefined) notes.push(`dropped \`${shorten(rawDoi)}\`: not a DOI`)

  const url = textField(item, 'URL')
  if (url !== undefined) {
    if (/^https?:\/\//i.test(url) && citationSchema.shape.url.safeParse(url).success)
      citation.url = url
    else notes.push(`dropped \`${shorten(url)}\`: not an http(s) URL`)
  }

  const type = typeOfCsl[textField(item, 'type') ?? '']
  citation.type = type ?? 'other'

  const checked = citationSchema.safeParse(citation)
  if (!checked.success)
    return {
      ok: false,
      message: `Unexpected citation that the study schema refuses (${checked.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')})`,
    }
  const family = names[0] === undefined ? anonymous : familyText(names[0])
  return { ok: true, citation: checked.data, family, notes }
}

function namesOf(item: CslItem): CslName[] {
  const authors = namesField(item, 'author')
  return authors.length > 0 ? authors : namesField(item, 'editor')
}

/** Titles lose a single closing full stop (PubMed adds one; a reference list adds its own). */
function cleanTitle(title: string | undefined): string | undefined {
  if (title === undefined) return undefined
  const trimmed = collapse(title).replace(/(?<!\.)\.$/, '')
  return trimmed === '' ? undefined : trimmed
}

/** Pages as `first-last`; a lone first page only when it looks like a page, not stray text. */
function pagesOf(item: CslItem): string | undefined {
  const page = textField(item, 'page')
  if (page !== undefined) {
    const range = page.replace(/\s*[-\u2013]+\s*/g, '-')
    // OpenAlex writes a one-page article number as `105752-105752`.
    const [first, last, ...rest] = range.split('-')
    return rest.length === 0 && first !== undefined && first === last ? first : range
  }
  const first = textField(item, 'page-first')
  return first !== undefined && /^[\w.]{1,12}$/.test(first) ? first : undefined
}

/** A value quoted in a note: short, and without backticks that would end its code span. */
function shorten(text: string): string {
  const plain = text.replace(/`/g, "'")
  return plain.length > 60 ? `${plain.slice(0, 57)}...` : plain
}
