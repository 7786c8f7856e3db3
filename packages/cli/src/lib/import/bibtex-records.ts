import { parseBibtex } from './citation-js.js'
import { errorText, type SourceRecord, UnreadableImportError } from './source-record.js'

// An entry starts with `@type{` or `@type(` at the start of a line (BibTeX allows both).
const entryStart = /^[ \t]*@([A-Za-z]+)[ \t]*[{(]/gm
const skipped = new Set(['comment', 'preamble'])

/**
 * Read BibTeX entry by entry, so that one malformed entry fails alone and the others import.
 * `@string` macros are kept and given to every entry; `@comment` and `@preamble` are skipped.
 *
 * @example
 * ```ts
 * bibtexRecords('@article{a, title={T}, author={Doe, J}, year=2020}')[0]?.ok // true
 * ```
 */
export function bibtexRecords(text: string): SourceRecord[] {
  const starts = [...text.matchAll(entryStart)].map((match) => ({
    offset: match.index,
    type: (match[1] ?? '').toLowerCase(),
  }))
  if (starts.length === 0)
    throw new UnreadableImportError('Unexpected BibTeX without entries, expected `@type{key, ...}`')

  const chunks = starts.map((start, i) => ({
    ...start,
    text: text.slice(start.offset, starts[i + 1]?.offset ?? text.length),
    line: lineAt(text, start.offset),
  }))
  const macros = chunks
    .filter((chunk) => chunk.type === 'string')
    .map((chunk) => chunk.text)
    .join('\n')
  const macroLines = macros === '' ? 0 : macros.split('\n').length

  const records: SourceRecord[] = []
  for (const chunk of chunks) {
    if (chunk.type === 'string' || skipped.has(chunk.type)) continue
    const index = records.length + 1
    try {
      const items = parseBibtex(macros === '' ? chunk.text : `${macros}\n${chunk.text}`)
      const item = items[0]
      if (items.length !== 1 || item === undefined)
        records.push({
          index,
          line: chunk.line,
          ok: false,
          message: 'Unexpected BibTeX entry that yields no record, expected one `@type{key, ...}`',
        })
      else records.push({ index, line: chunk.line, ok: true, item })
    } catch (error) {
      records.push({
        index,
        line: chunk.line,
        ok: false,
        message: `Unexpected BibTeX syntax: ${relocate(errorText(error), chunk.line - 1 - macroLines)}`,
      })
    }
  }
  return records
}

/** citation-js counts lines from the start of the text it was given: make them file lines. */
function relocate(message: string, offset: number): string {
  return message.replace(/\bline (\d+)/, (_all, line: string) => `line ${Number(line) + offset}`)
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}
