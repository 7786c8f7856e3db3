import { scanFields, type ValuePart } from './bibtex-scan.js'
import { parseBibtex } from './citation-js.js'
import { importLimits } from './import-limits.js'
import { errorText, type SourceRecord, UnreadableImportError } from './source-record.js'

// An entry starts with `@type{` or `@type(` at the start of a line (BibTeX allows both).
const entryStart = /^[ \t]*@([A-Za-z]+)[ \t]*[{(]/gm
const skipped = new Set(['comment', 'preamble'])

interface Chunk {
  readonly type: string
  readonly text: string
  readonly line: number
}

interface Macro {
  /** Where the definition comes in the file: definitions are given in that order. */
  readonly order: number
  readonly text: string
  /** Characters once expanded (capped just above the per-field limit). */
  readonly size: number
  readonly uses: readonly string[]
}

/**
 * Read BibTeX and biblatex entry by entry, so that one malformed entry fails alone and the
 * others import. `@comment` and `@preamble` are skipped. `@string` macros are measured before
 * anything expands them: a field that would expand beyond {@link importLimits}
 * (`expandedField`) fails its record, and once the file's fields together pass
 * `expandedFile` the remaining records fail, so a macro chain (each macro ten times the one
 * before) cannot exhaust memory. Each entry is given only the macros it uses. Field names with
 * dots (`file.path`), which citation-js refuses, are read with hyphens instead.
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

  const lines = lineStarts(text)
  const chunks: Chunk[] = starts.map((start, i) => ({
    type: start.type,
    text: text.slice(start.offset, starts[i + 1]?.offset ?? text.length),
    line: lineAt(lines, start.offset),
  }))
  const macros = new Map<string, Macro>()
  for (const chunk of chunks) {
    if (chunk.type !== 'string') continue
    for (const field of scanFields(chunk.text, false)) {
      const uses = field.parts.flatMap((part) => (part.kind === 'macro' ? [part.name] : []))
      macros.set(field.name.toLowerCase(), {
        order: macros.size,
        text: chunk.text,
        size: expandedSize(field.parts, macros),
        uses,
      })
    }
  }

  const records: SourceRecord[] = []
  let fileSize = 0
  for (const chunk of chunks) {
    if (chunk.type === 'string' || skipped.has(chunk.type)) continue
    const index = records.length + 1
    const place = { index, line: chunk.line }
    const fields = scanFields(chunk.text, true)
    const sizes = fields.map((field) => ({
      name: field.name,
      size: expandedSize(field.parts, macros),
    }))
    const oversized = sizes.find((field) => field.size > importLimits.expandedField)
    if (oversized !== undefined) {
      records.push({
        ...place,
        ok: false,
        message: `Unexpected field \`${oversized.name}\` of ${oversized.size > importLimits.expandedField * 10 ? `more than ${importLimits.expandedField * 10}` : oversized.size} characters once its @string macros are expanded, expected at most ${importLimits.expandedField}`,
      })
      continue
    }
    fileSize += sizes.reduce((sum, field) => sum + field.size, 0)
    if (fileSize > importLimits.expandedFile) {
      records.push({
        ...place,
        ok: false,
        message: `Unexpected BibTeX whose fields expand to more than ${importLimits.expandedFile} characters by this entry, expected less: this entry and the ones after it are not read`,
      })
      continue
    }
    const used = macrosUsed(fields, macros)
    const prelude = used.join('\n')
    const entry = withoutDottedNames(chunk.text, fields)
    try {
      const items = parseBibtex(prelude === '' ? entry : `${prelude}\n${entry}`)
      const item = items[0]
      if (items.length !== 1 || item === undefined)
        records.push({
          ...place,
          ok: false,
          message: 'Unexpected BibTeX entry that yields no record, expected one `@type{key, ...}`',
        })
      else records.push({ ...place, ok: true, item })
    } catch (error) {
      const preludeLines = prelude === '' ? 0 : prelude.split('\n').length
      records.push({
        ...place,
        ok: false,
        message: `Unexpected BibTeX syntax: ${relocate(errorText(error), chunk.line - 1 - preludeLines)}`,
      })
    }
  }
  return records
}

/** Characters a value expands to, saturating just above what any limit needs. */
function expandedSize(parts: readonly ValuePart[], macros: ReadonlyMap<string, Macro>): number {
  const ceiling = importLimits.expandedFile + 1
  let size = 0
  for (const part of parts) {
    size += part.kind === 'text' ? part.length : (macros.get(part.name)?.size ?? part.name.length)
    if (size > ceiling) return ceiling
  }
  return size
}

/** The `@string` definitions an entry needs, macros used by macros included, in file order. */
function macrosUsed(
  fields: ReturnType<typeof scanFields>,
  macros: ReadonlyMap<string, Macro>,
): string[] {
  const pending = fields.flatMap((field) =>
    field.parts.flatMap((part) => (part.kind === 'macro' ? [part.name] : [])),
  )
  const seen = new Set<string>()
  while (pending.length > 0) {
    const name = pending.pop() ?? ''
    const macro = macros.get(name)
    if (macro === undefined || seen.has(name)) continue
    seen.add(name)
    pending.push(...macro.uses)
  }
  // Only the macros used are visited, so that many entries and many macros stay linear.
  const used = [...seen].flatMap((name) => macros.get(name) ?? [])
  used.sort((a, b) => a.order - b.order)
  return [...new Set(used.map((macro) => macro.text))]
}

/** citation-js refuses `.` in a field name: `file.path` is read as `file-path`. */
function withoutDottedNames(text: string, fields: ReturnType<typeof scanFields>): string {
  const dotted = fields.filter((field) => field.name.includes('.'))
  if (dotted.length === 0) return text
  let result = text
  for (const field of dotted.reverse())
    result =
      result.slice(0, field.start) +
      field.name.replace(/\./g, '-') +
      result.slice(field.start + field.name.length)
  return result
}

/** citation-js counts lines from the start of the text it was given: make them file lines. */
function relocate(message: string, offset: number): string {
  return message.replace(/\bline (\d+)/, (_all, line: string) => `line ${Number(line) + offset}`)
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/** The 1-based line of an offset, by binary search over the line starts. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] ?? 0) <= offset) low = middle
    else high = middle - 1
  }
  return low + 1
}
