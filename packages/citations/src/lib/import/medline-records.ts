import type { CslRecord } from './csl-record.js'
import { type SourceRecord, UnreadableImportError } from './source-record.js'

// `TAG - value`, the tag left-aligned in four columns; long values continue on lines indented
// by six spaces (https://www.nlm.nih.gov/bsd/mms/medlineelements.html).
const tagLine = /^([A-Z][A-Z0-9]{0,3}) *- ?(.*)$/

/**
 * Read the MEDLINE format record by record, to CSL items: what PubMed's "Save citations" writes
 * (often named `.nbib` or `.ris` although it is not RIS; records start `PMID- `) and what ERIC
 * writes in the same layout (records start `OWN - ERIC`, without a PMID). A record starts at a
 * tag after a blank line, or at a `PMID` when the record before has one. citation-js has no
 * parser for it that works offline, so it is read here: title, authors (full names where
 * given), date, journal, volume, issue, pages, DOI, publication type, abstract, keywords.
 *
 * @example
 * ```ts
 * medlineRecords('PMID- 1\nTI  - A title.\nFAU - Doe, Jane\nDP  - 2020 Feb\n')[0]?.ok // true
 * ```
 */
export function medlineRecords(text: string): SourceRecord[] {
  const records: { line: number; fields: [string, string][] }[] = []
  let current: { line: number; fields: [string, string][] } | undefined
  let afterBlank = true
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      if (raw.trim() === '') {
        afterBlank = true
        return
      }
      const match = /^\s/.test(raw) ? null : tagLine.exec(raw)
      if (!match) {
        const last = current?.fields.at(-1)
        if (last) last[1] = `${last[1]} ${raw.trim()}`
        return
      }
      const tag = match[1] ?? ''
      const startsRecord =
        afterBlank || (tag === 'PMID' && current?.fields.some(([t]) => t === 'PMID') === true)
      afterBlank = false
      if (startsRecord) {
        current = { line: i + 1, fields: [] }
        records.push(current)
      }
      current?.fields.push([tag, (match[2] ?? '').trim()])
    })
  const real = records.filter((record) =>
    record.fields.some(([tag]) => tag === 'TI' || tag === 'PMID' || tag === 'OWN'),
  )
  if (real.length === 0)
    throw new UnreadableImportError(
      'Unexpected MEDLINE without records, expected records starting with `PMID- ` or `OWN - `',
    )
  return real.map((record, i) => ({
    index: i + 1,
    line: record.line,
    ok: true,
    item: toItem(record.fields),
  }))
}

function toItem(fields: readonly [string, string][]): CslRecord {
  const all = (tag: string): string[] => fields.filter(([t]) => t === tag).map(([, v]) => v)
  const first = (tag: string): string | undefined => all(tag)[0]
  const fullNames = all('FAU')
  const authors = [
    ...(fullNames.length > 0 ? fullNames : all('AU')).map(personName),
    ...all('CN').map((literal) => ({ literal })),
  ]
  const doi = [...all('AID'), ...all('LID')]
    .find((value) => /\[doi\]\s*$/.test(value))
    ?.replace(/\s*\[doi\]\s*$/, '')
  const year = /\b(\d{4})\b/.exec(first('DP') ?? '')?.[1]
  const types = all('PT')
  const item: Record<string, unknown> = {
    type: types.includes('Book')
      ? 'book'
      : types.some((type) => /article|review/i.test(type))
        ? 'article-journal'
        : 'article',
    title: first('TI') ?? first('BTI'),
    author: authors,
    issued: year === undefined ? undefined : { 'date-parts': [[Number(year)]] },
    'container-title': first('JT'),
    'container-title-short': first('TA'),
    volume: first('VI'),
    issue: first('IP'),
    page: first('PG'),
    DOI: doi,
    PMID: first('PMID'),
    abstract: first('AB'),
    keyword: [...all('OT'), ...all('MH')].map((term) => term.replace(/^\*/, '')),
  }
  return item
}

/** `Griffin, Darren K` (FAU) or `Griffin DK` (AU) as a CSL name. */
function personName(text: string): { family: string; given?: string } {
  const comma = text.indexOf(',')
  if (comma !== -1) {
    const given = text.slice(comma + 1).trim()
    return { family: text.slice(0, comma).trim(), ...(given === '' ? {} : { given }) }
  }
  const match = /^(.*\S)\s+(\p{Lu}{1,4})$/u.exec(text.trim())
  return match ? { family: match[1] ?? text, given: match[2] ?? '' } : { family: text.trim() }
}
