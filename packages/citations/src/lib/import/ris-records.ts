import { normaliseDoi } from '../doi.js'
import { parseRisRecord } from './citation-js.js'
import { type CslRecord, textField } from './csl-record.js'
import { errorText, type SourceRecord, UnreadableImportError } from './source-record.js'

// A tag line: two characters, then `  - ` as the RIS spec has it. Exports vary: Cochrane writes
// `TY  -  JOUR` (two spaces after the hyphen), some tools one space before it. Tags of three or
// four characters are not RIS (PsycINFO adds `PMID  - `): they are matched so that they are
// skipped and reported, instead of being read as the continuation of the line before.
const tagLine = /^([A-Z][A-Z0-9]{1,3}) {1,2}-(?: +(.*)|\s*)$/

interface Chunk {
  readonly line: number
  readonly lines: string[]
  readonly stray: boolean
  readonly notes: string[]
}

/**
 * Read RIS record by record (`TY` to `ER`), tolerating what real exports do: a byte order mark,
 * CRLF line ends, header lines before the first record (Cochrane, Ovid), numbering lines between
 * records, extra spaces around the hyphen, a missing final `ER`, tags that are not RIS (skipped,
 * with a note on the record). Tag lines outside any record are
 * reported as one failed record.
 *
 * @example
 * ```ts
 * risRecords('TY  - JOUR\nTI  - T\nAU  - Doe, J\nER  - \n')[0]?.ok // true
 * ```
 */
export function risRecords(text: string): SourceRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const chunks: Chunk[] = []
  let current: Chunk | undefined
  let stray: Chunk | undefined

  lines.forEach((raw, i) => {
    const match = tagLine.exec(raw.replace(/^\uFEFF/, '').trimEnd())
    if (!match) {
      // Continuation of a long value, or noise between records.
      if (current && raw.trim() !== '') current.lines.push(raw.trim())
      return
    }
    const tag = match[1] ?? ''
    let value = (match[2] ?? '').trim()
    if (tag.length > 2) {
      current?.notes.push(`skipped unknown RIS tag \`${tag}\` (line ${i + 1})`)
      return
    }
    if (tag === 'TY') {
      // A record without a type is still a record: GEN is RIS's generic type.
      if (value === '') value = 'GEN'
      current = { line: i + 1, lines: [], stray: false, notes: [] }
      chunks.push(current)
      stray = undefined
    } else if (tag === 'ER') {
      current = undefined
      return
    } else if (!current) {
      if (!stray) {
        stray = { line: i + 1, lines: [], stray: true, notes: [] }
        chunks.push(stray)
      }
      stray.lines.push(`${tag}  - ${value}`)
      return
    }
    current.lines.push(`${tag}  - ${value}`)
  })

  if (chunks.every((chunk) => chunk.stray))
    throw new UnreadableImportError(
      /^(?:PMID- |OWN - )/m.test(text)
        ? 'Unexpected PubMed MEDLINE text, expected RIS records: use --from medline (or auto)'
        : 'Unexpected RIS without records, expected records starting with `TY  - `',
    )

  return chunks.map((chunk, i): SourceRecord => {
    const index = i + 1
    if (chunk.stray)
      return {
        index,
        line: chunk.line,
        ok: false,
        message: 'Unexpected RIS tags outside a record, expected a record to start with `TY  - `',
      }
    try {
      const item = parseRisRecord(`${chunk.lines.join('\n')}\nER  - \n`)
      return item
        ? {
            index,
            line: chunk.line,
            ok: true,
            item: withDoiFallback(item, chunk.lines),
            ...(chunk.notes.length > 0 ? { notes: chunk.notes } : {}),
          }
        : { index, line: chunk.line, ok: false, message: 'Unexpected empty RIS record' }
    } catch (error) {
      return {
        index,
        line: chunk.line,
        ok: false,
        message: `Unexpected RIS record: ${errorText(error)}`,
      }
    }
  })
}

// EBSCO (CINAHL) writes the DOI in L3; others only as a doi.org link in UR or L2.
const doiTags = ['L3', 'DO', 'UR', 'L2', 'L1']

/** A record without `DO` keeps the first DOI found in the tags where exports put it instead. */
function withDoiFallback(item: CslRecord, lines: readonly string[]): CslRecord {
  if (normaliseDoi(textField(item, 'DOI')) !== undefined) return item
  for (const tag of doiTags) {
    for (const line of lines) {
      if (!line.startsWith(`${tag}  - `)) continue
      const doi = normaliseDoi(line.slice(6))
      if (doi !== undefined) return { ...item, DOI: doi }
    }
  }
  return item
}
