/** One piece of a BibTeX field value: literal text (its length) or a `@string` macro. */
export type ValuePart =
  | { readonly kind: 'text'; readonly length: number }
  | { readonly kind: 'macro'; readonly name: string }

/** A field of a BibTeX entry as written: its name, where the name is, and its value's pieces. */
export interface ScannedField {
  readonly name: string
  /** Offset of the name in the entry text. */
  readonly start: number
  readonly parts: readonly ValuePart[]
}

/**
 * The fields of one BibTeX entry (`@type{key, name = value # value, ...}`) or `@string`
 * definition (`@string{name = value}`), read without expanding anything: what import needs to
 * bound `@string` expansion before citation-js expands it, and to find field names that
 * citation-js does not accept. Reads what it can and stops at the first thing that is not
 * BibTeX, leaving citation-js to report it. Linear in the entry's length.
 *
 * @example
 * ```ts
 * scanFields('@article{a, title = "The " # j}', false)
 * // [{ name: 'title', start: 12, parts: [{ kind: 'text', length: 4 }, { kind: 'macro', name: 'j' }] }]
 * ```
 */
export function scanFields(text: string, hasKey: boolean): ScannedField[] {
  const open = text.search(/[{(]/)
  if (open === -1) return []
  let at = open + 1
  if (hasKey) {
    const comma = text.indexOf(',', at)
    if (comma === -1) return []
    at = comma + 1
  }
  const fields: ScannedField[] = []
  for (;;) {
    at = skip(text, at, /[\s,]/)
    const nameMatch = /[^\s=,{}()"#]+/y
    nameMatch.lastIndex = at
    const name = nameMatch.exec(text)?.[0]
    if (name === undefined) return fields
    const start = at
    at = skip(text, at + name.length, /\s/)
    if (text[at] !== '=') return fields
    const parts: ValuePart[] = []
    at = skip(text, at + 1, /\s/)
    for (;;) {
      const part = readPart(text, at)
      if (part === undefined) return fields
      parts.push(part.part)
      at = skip(text, part.end, /\s/)
      if (text[at] !== '#') break
      at = skip(text, at + 1, /\s/)
    }
    fields.push({ name, start, parts })
  }
}

function readPart(text: string, at: number): { part: ValuePart; end: number } | undefined {
  const char = text[at]
  if (char === '{') {
    let depth = 0
    for (let i = at; i < text.length; i++) {
      if (text[i] === '{') depth++
      else if (text[i] === '}' && --depth === 0)
        return { part: { kind: 'text', length: i - at - 1 }, end: i + 1 }
    }
    return undefined
  }
  if (char === '"') {
    let depth = 0
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] === '{') depth++
      else if (text[i] === '}') depth--
      else if (text[i] === '"' && depth === 0 && text[i - 1] !== '\\')
        return { part: { kind: 'text', length: i - at - 1 }, end: i + 1 }
    }
    return undefined
  }
  const word = /[^\s,{}()"#=]+/y
  word.lastIndex = at
  const value = word.exec(text)?.[0]
  if (value === undefined) return undefined
  const end = at + value.length
  return /^\d+$/.test(value)
    ? { part: { kind: 'text', length: value.length }, end }
    : { part: { kind: 'macro', name: value.toLowerCase() }, end }
}

function skip(text: string, at: number, pattern: RegExp): number {
  let i = at
  while (i < text.length && pattern.test(text[i] ?? '')) i++
  return i
}
