import { decodeMarkup } from '../decode-markup.js'

/**
 * The part of a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)
 * that import reads. Every parser (BibTeX, RIS, MEDLINE, CSL-JSON) yields items of this shape;
 * values are `unknown` because exports in the wild put arrays or numbers where strings belong.
 */
export interface CslRecord {
  readonly [field: string]: unknown
}

/** A CSL name: a person (family, given, particles) or an organisation (literal). */
export interface CslRecordName {
  readonly family?: string
  readonly given?: string
  readonly literal?: string
  readonly 'non-dropping-particle'?: string
  readonly 'dropping-particle'?: string
  readonly suffix?: string
}

/**
 * A field as one trimmed string: strings and numbers as they are, the first usable entry of an
 * array (RIS exports repeat tags), nothing for anything else.
 *
 * @example
 * ```ts
 * textField({ volume: 12 }, 'volume') // '12'
 * textField({ title: ['A', 'B'] }, 'title') // 'A'
 * ```
 */
export function textField(item: CslRecord, field: string): string | undefined {
  return asText(item[field])
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'string') {
    const text = collapse(value)
    return text === '' ? undefined : text
  }
  if (Array.isArray(value)) {
    for (const entry of value) {
      const text =
        typeof entry === 'string' || typeof entry === 'number' ? asText(entry) : undefined
      if (text !== undefined) return text
    }
  }
  return undefined
}

/**
 * Decode entities and TeX escapes ({@link decodeMarkup}), collapse runs of whitespace (line
 * breaks of wrapped exports included) to single spaces, trim, drop lone surrogates (no YAML file can hold them) and compose accents (NFC), so that the same
 * name is the same string whichever tool wrote it.
 *
 * @example
 * ```ts
 * collapse('  Time lapse:\n      a glimpse ') // 'Time lapse: a glimpse'
 * collapse('Garc\u0131\u0301a') // 'García' (BibTeX `Garc\'{\i}a`)
 * ```
 */
export function collapse(value: string): string {
  return (
    decodeMarkup(value)
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      // LaTeX accents a dotless i or j (`\'{\i}`); with the dot back, NFC composes `í`.
      .replace(/\u0131(?=\p{M})/gu, 'i')
      .replace(/\u0237(?=\p{M})/gu, 'j')
      .normalize('NFC')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

/**
 * The names in a CSL name field, keeping only entries that are objects with text in them.
 *
 * @example
 * ```ts
 * namesField({ author: [{ family: 'Collins', given: 'A' }, 'junk'] }, 'author') // one name
 * ```
 */
export function namesField(item: CslRecord, field: 'author' | 'editor'): CslRecordName[] {
  const value = item[field]
  if (!Array.isArray(value)) return []
  const names: CslRecordName[] = []
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue
    const record = entry as Record<string, unknown>
    const name: Record<string, string> = {}
    for (const key of [
      'family',
      'given',
      'literal',
      'non-dropping-particle',
      'dropping-particle',
      'suffix',
    ]) {
      const text = asText(record[key])
      if (text !== undefined) name[key] = text
    }
    if (name.family !== undefined || name.literal !== undefined || name.given !== undefined)
      names.push(name as CslRecordName)
  }
  return names
}

/**
 * The year a CSL item was issued: from `date-parts`, else the first plausible year in a raw or
 * literal date. Years outside 1800-2200 are not trusted.
 *
 * @example
 * ```ts
 * issuedYear({ issued: { 'date-parts': [[2022, 3]] } }) // 2022
 * issuedYear({ issued: { raw: '1989//' } }) // 1989
 * ```
 */
export function issuedYear(item: CslRecord): number | undefined {
  const issued = item.issued
  if (typeof issued !== 'object' || issued === null) return undefined
  const date = issued as Record<string, unknown>
  const parts = date['date-parts']
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const year = Number(parts[0][0])
    if (Number.isInteger(year) && year >= 1800 && year <= 2200) return year
  }
  for (const key of ['raw', 'literal']) {
    const match = /\b(1[89]\d\d|2[01]\d\d|2200)\b/.exec(asText(date[key]) ?? '')
    if (match) return Number(match[1])
  }
  return undefined
}

/**
 * A field that holds a list as separate strings (RIS repeats `KW`) or as one string separated
 * by commas or semicolons (CSL `keyword`, BibTeX `keywords`): each entry trimmed, empty ones
 * and repeats dropped.
 *
 * @example
 * ```ts
 * listField({ keyword: 'palliative care; oncology,nursing' }, 'keyword') // ['palliative care', 'oncology', 'nursing']
 * ```
 */
export function listField(item: CslRecord, field: string): string[] {
  const value = item[field]
  const raw = Array.isArray(value) ? value : [value]
  const entries = raw
    .flatMap((entry) => (typeof entry === 'string' ? entry.split(/[;,]/) : []))
    .map(collapse)
    .filter((entry) => entry !== '')
  return [...new Set(entries)]
}
