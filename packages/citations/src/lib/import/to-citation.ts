import { type CitationData, citationSchema } from '@realist-kb/core'
import {
  type AuthorName,
  citedName,
  initialsOf,
  isEtAl,
  parseAuthorName,
  vancouverName,
} from '../author-name.js'
import { etAlNote } from '../citation-fields.js'
import { normaliseDoi } from '../doi.js'
import {
  type CslRecord,
  type CslRecordName,
  collapse,
  issuedYear,
  listField,
  namesField,
  textField,
} from './csl-record.js'
import { importLimits } from './import-limits.js'

/** A record mapped to a study citation, or why it cannot be. */
export type CitationResult =
  | {
      readonly ok: true
      readonly citation: CitationData
      /** The first author's family name (or organisation), for the study id. */
      readonly family: string | undefined
      /** The abstract, for the study's body. */
      readonly abstract: string | undefined
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
 * Map a CSL item to the `citation` of a study: authors as `Family Initials` (split by the one
 * author-name model, so `A. Author-One` becomes `Author-One A`), a final `et al.` or `others`
 * as the `etAl` flag, year, title, journal, volume, issue, pages, DOI (normalised), URL,
 * publisher, type and keywords; the abstract is returned apart, for the study's body. A record
 * without a title cannot become a study; one without any author or editor gets `Anonymous` and
 * a note. Values the schema or the loader would refuse are dropped or shortened, with a note;
 * a title or author too long to keep fails the record.
 *
 * @example
 * ```ts
 * const result = toCitation({ title: 'T', author: [{ family: 'Müller', given: 'Jörg' }], issued: { 'date-parts': [[2020]] } })
 * result.ok && result.citation // { authors: ['Müller J'], year: 2020, title: 'T', type: 'other' }
 * ```
 */
export function toCitation(item: CslRecord): CitationResult {
  const title = cleanTitle(textField(item, 'title'))
  if (title === undefined) return { ok: false, message: 'Missing title, expected a record title' }
  if (title.length > importLimits.title)
    return {
      ok: false,
      message: `Unexpected title of ${title.length} characters, expected at most ${importLimits.title}`,
    }
  const notes: string[] = []
  const { names, etAl } = authorsOf(item)
  const tooLong = names.find((name) => vancouverName(name).length > importLimits.author)
  if (tooLong !== undefined)
    return {
      ok: false,
      message: `Unexpected author name of ${vancouverName(tooLong).length} characters, expected at most ${importLimits.author}`,
    }
  let kept = names
  if (names.length > importLimits.authors) {
    kept = names.slice(0, importLimits.authors)
    notes.push(`kept the first ${importLimits.authors} of ${names.length} authors, marked \`etAl\``)
  }
  let authors = kept.map(vancouverName)
  if (authors.length === 0) {
    // Unsigned items (editorials, news, teaching material) exist; the schema needs an author,
    // so the conventional stand-in is used and flagged rather than the record refused.
    authors = [anonymous]
    notes.push(`no author or editor in the record: \`${anonymous}\` stands in`)
  }

  const citation: { -readonly [K in keyof CitationData]: CitationData[K] } = { authors, title }
  // RIS has no mark for "et al.": the RIS writer leaves a note that says it.
  const noted = listField(item, 'note').some((note) => note.startsWith(etAlNote.slice(0, 40)))
  if (etAl || noted || kept.length < names.length) citation.etAl = true
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
    if (value === undefined) continue
    if (value.length > importLimits.field)
      notes.push(
        `dropped the ${field} (${value.length} characters, at most ${importLimits.field} kept)`,
      )
    else citation[field as keyof typeof optional] = value
  }

  const rawDoi = textField(item, 'DOI')
  const doi = normaliseDoi(rawDoi)
  if (doi !== undefined) citation.doi = doi
  else if (rawDoi !== undefined) notes.push(`dropped \`${shorten(rawDoi)}\`: not a DOI`)

  const url = textField(item, 'URL')
  if (url !== undefined) {
    if (
      /^https?:\/\//i.test(url) &&
      url.length <= importLimits.field &&
      citationSchema.shape.url.safeParse(url).success
    )
      citation.url = url
    else notes.push(`dropped \`${shorten(url)}\`: not an http(s) URL`)
  }

  const type = typeOfCsl[textField(item, 'type') ?? '']
  citation.type = type ?? 'other'

  const keywords = listField(item, 'keyword').filter(
    (keyword) => keyword.length <= importLimits.keyword,
  )
  if (keywords.length > 0) citation.keywords = keywords.slice(0, importLimits.keywords)
  if (keywords.length > importLimits.keywords)
    notes.push(`kept the first ${importLimits.keywords} of ${keywords.length} keywords`)

  let abstract = textField(item, 'abstract')
  if (abstract !== undefined && abstract.length > importLimits.abstract) {
    notes.push(
      `shortened the abstract from ${abstract.length} to ${importLimits.abstract} characters`,
    )
    // Cut between characters, never inside a surrogate pair (no YAML or markdown file holds half).
    abstract = `${abstract.slice(0, importLimits.abstract).replace(/[\uD800-\uDBFF]$/, '')}…`
  }

  const checked = citationSchema.safeParse(citation)
  if (!checked.success)
    return {
      ok: false,
      message: `Unexpected citation that the study schema refuses (${checked.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')})`,
    }
  const first = kept[0]
  const family = first === undefined ? anonymous : citedName(first)
  return { ok: true, citation: checked.data, family, abstract, notes }
}

/** The record's authors (or else editors) as names, and whether the list ends with "et al.". */
function authorsOf(item: CslRecord): { names: AuthorName[]; etAl: boolean } {
  let etAl = false
  const names: AuthorName[] = []
  for (const name of namesOf(item)) {
    const read = fromCslName(name)
    if (read === 'et-al') etAl = true
    else if (read !== undefined) names.push(read)
  }
  return { names, etAl }
}

/**
 * A CSL name as the author-name model has it. A name with a family name only is read as printed
 * (`A. Author-One`, `Lyons KD`, `World Health Organization`): exports put whole names there.
 */
function fromCslName(name: CslRecordName): AuthorName | 'et-al' | undefined {
  const whole = name.literal ?? (name.given === undefined ? name.family : undefined)
  if (whole !== undefined) return isEtAl(whole) ? 'et-al' : parseAuthorName(whole)
  if (name.family === undefined)
    return name.given === undefined ? undefined : { literal: name.given }
  const given = name.given ?? ''
  const particle = [name['dropping-particle'], name['non-dropping-particle']]
    .filter((part) => part !== undefined)
    .join(' ')
  const onlyInitials = /^(?:\p{Lu}[.\s-]*){1,4}$/u.test(given)
  return {
    family: name.family,
    ...(particle === '' ? {} : { particle }),
    ...(onlyInitials || given === '' ? {} : { given }),
    initials: initialsOf(given),
    ...(name.suffix === undefined ? {} : { suffix: name.suffix }),
  }
}

function namesOf(item: CslRecord): CslRecordName[] {
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
function pagesOf(item: CslRecord): string | undefined {
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
