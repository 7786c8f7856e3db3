/**
 * A fast parser for the plain subset of YAML that content files use almost always: block maps and
 * sequences indented with spaces, one-line flow sequences, plain and quoted scalars (double quotes
 * with the escapes JSON has), plain folded and literal block scalars, blank lines, comments (the
 * TODO comments of the files `realist-kb import` and `new` write) and CRLF line ends. It gives the
 * same data as `yaml` (1.2, core schema) and the same node ranges, or `undefined` for anything
 * outside the subset (anchors, tags, block scalars with indicators or uneven lines, comment lines
 * indented past the lines around them, other escapes, lone CRs, tabs, multi-line flow or plain
 * scalars, duplicate keys, nesting past 32 levels...), which then goes to `yaml` itself. A
 * differential test compares the two on generated corpora, the fixtures and the bundled review,
 * as they are and with comments and block scalars put in at random.
 */

import {
  keyColonAt,
  type Line,
  OutsideSubset,
  type RawLine,
  splitLines,
} from './fast-yaml-lines.js'

/** A node of the fast tree, with `yaml`-compatible `[start, end]` offsets. */
export type FastNode =
  | { readonly type: 'scalar'; readonly value: unknown; readonly range: readonly [number, number] }
  | {
      readonly type: 'seq'
      readonly items: readonly FastNode[]
      readonly range: readonly [number, number]
    }
  | {
      readonly type: 'map'
      readonly pairs: readonly FastPair[]
      readonly range: readonly [number, number]
    }

/** A key and its value in a fast map. */
export interface FastPair {
  readonly key: string
  readonly keyRange: readonly [number, number]
  readonly value: FastNode
}

const loneCarriageReturn = /\r(?!\n)/
const plainStart = /^[^-?:,[\]{}#&*!|>'"%@`\s]|^-(?=\S)/
// The characters a null (`~`, `null`), a boolean or a number of the core schema can start with.
const typedStart = '~nNtTfF+-.0123456789'
const nullPlain = /^(?:~|null|Null|NULL)$/
const boolPlain = /^(?:true|True|TRUE|false|False|FALSE)$/
const intPlain = /^[-+]?[0-9]+$/
// Numbers the core schema reads in forms the subset does not take on (floats, octal, hex, inf, nan).
const otherNumberPlain =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/

/**
 * Parse `text` if it lies in the subset; `undefined` otherwise.
 *
 * @example
 * ```ts
 * parseFastYaml('\nkind: cmoc\ncmocs: [cmoc-1a]')?.type // 'map'
 * ```
 */
export function parseFastYaml(text: string): FastNode | undefined {
  // Lines end in LF or CRLF (a base checked out on Windows); a lone CR, or a tab, goes to `yaml`.
  if ((text.includes('\r') && loneCarriageReturn.test(text)) || text.includes('\t'))
    return undefined
  try {
    const lines = splitLines(text)
    if (lines.length === 0) return undefined
    const parser = new SubsetParser(text, lines)
    const first = lines[0] as Line
    const node = parser.block(first.content, first.indent)
    // Frontmatter is a map; anything else is reported by the full parser.
    if (parser.index !== lines.length || node.type !== 'map') return undefined
    return node
  } catch (error) {
    // A RangeError (past one of V8's limits, which the depth cap should keep away) leaves the
    // text to `yaml`'s path too, which reports what it finds as a diagnostic.
    if (error instanceof OutsideSubset || error instanceof RangeError) return undefined
    throw error
  }
}

/** The plain JavaScript value of a fast node, as `yaml`'s `toJS` would give it. */
export function fastToJs(node: FastNode): unknown {
  switch (node.type) {
    case 'scalar':
      return node.value
    case 'seq':
      return node.items.map(fastToJs)
    case 'map': {
      const out: Record<string, unknown> = {}
      for (const pair of node.pairs) out[pair.key] = fastToJs(pair.value)
      return out
    }
  }
}

/**
 * The deepest nesting of block maps and sequences the subset takes. Content needs about six
 * levels; deeper text goes to `yaml`'s path, which refuses text nested past `maxYamlDepth` (100)
 * before parsing it. So this parser needs no pass of its own to measure depth first, and its
 * recursion stays shallow whatever the input.
 */
const maxSubsetDepth = 32

class SubsetParser {
  index = 0
  private depth = 0

  constructor(
    private readonly text: string,
    private readonly lines: readonly Line[],
  ) {}

  /** A block collection whose entries start at column `indent` of the current line. */
  block(at: number, indent: number): FastNode {
    const line = this.line()
    return this.text.startsWith('- ', at) ? this.sequence(indent, at) : this.map(indent, at, line)
  }

  private line(): Line {
    const line = this.lines[this.index]
    if (!line) throw new OutsideSubset()
    return line
  }

  private map(indent: number, firstKeyAt: number, firstLine: Line): FastNode {
    this.enter()
    const pairs: FastPair[] = []
    const seen = new Set<string>()
    let keyAt = firstKeyAt
    let line = firstLine
    let end = line.next
    for (;;) {
      const colon = keyColonAt(this.text, keyAt, line.end)
      if (colon === -1) throw new OutsideSubset()
      const key = this.text.slice(keyAt, colon)
      if (key === '__proto__' || seen.has(key)) throw new OutsideSubset()
      seen.add(key)
      const keyRange = [keyAt, colon] as const
      const valueAt = colon + 2
      this.index++
      let value: FastNode
      if (valueAt >= line.end || this.commentOnly(valueAt, line.end)) {
        // `key:` with the value on the following, more indented lines.
        const child = this.lines[this.index]
        if (!child || child.indent <= indent) throw new OutsideSubset()
        value = this.block(child.content, child.indent)
      } else {
        value = this.inline(valueAt, line)
        const following = this.lines[this.index]
        if (following && following.indent > indent) throw new OutsideSubset() // multi-line scalar
      }
      pairs.push({ key, keyRange, value })
      // A value on the key's line ends with that line; a block below it, or a block scalar, with
      // its own last line.
      end = Math.max(line.next, value.range[1])
      const following = this.lines[this.index]
      if (!following || following.indent < indent) break
      if (following.indent > indent || this.text.startsWith('-', following.content))
        throw new OutsideSubset()
      line = following
      keyAt = following.content
    }
    this.depth--
    return { type: 'map', pairs, range: [firstKeyAt, end] }
  }

  /** One more level of nesting; past {@link maxSubsetDepth}, the text is left to `yaml`. */
  private enter(): void {
    this.depth++
    if (this.depth > maxSubsetDepth) throw new OutsideSubset()
  }

  private sequence(indent: number, firstDashAt: number): FastNode {
    this.enter()
    const items: FastNode[] = []
    let dashAt = firstDashAt
    let end = 0
    for (;;) {
      const line = this.line()
      const itemAt = dashAt + 2
      if (keyColonAt(this.text, itemAt, line.end) !== -1) {
        // `- key: value` starts a map whose keys sit at the item's column.
        const item = this.map(itemAt - line.start, itemAt, line)
        items.push(item)
        end = item.range[1]
      } else {
        this.index++
        const item = this.inline(itemAt, line)
        items.push(item)
        end = Math.max(line.next, item.range[1])
        const following = this.lines[this.index]
        if (following && following.indent > indent) throw new OutsideSubset()
      }
      const following = this.lines[this.index]
      if (!following || following.indent < indent) break
      if (following.indent > indent || !this.text.startsWith('- ', following.content))
        throw new OutsideSubset()
      dashAt = following.content
    }
    this.depth--
    return { type: 'seq', items, range: [firstDashAt, end] }
  }

  /** Whether `key: # comment` leaves nothing but a comment: the value is on the lines below. */
  private commentOnly(valueAt: number, lineEnd: number): boolean {
    // Most values start with neither: no slice and no pattern for them.
    const first = this.text.charCodeAt(valueAt)
    if (first !== 35 /* # */ && first !== 32) return false
    return commentOnlyRest.test(this.text.slice(valueAt, lineEnd))
  }

  /** A value that starts on the rest of a line: a flow sequence, a scalar or a block scalar. */
  private inline(start: number, line: Line): FastNode {
    const trimmed = withoutComment(this.text.slice(start, line.end))
    if (trimmed === '') throw new OutsideSubset()
    if (line.block !== undefined && blockIndicator.test(trimmed))
      return blockScalar(this.text, start, trimmed, line.block)
    if (trimmed.startsWith('[')) return this.flowSequence(start, start + trimmed.length)
    return scalar(trimmed, start, false)
  }

  private flowSequence(start: number, end: number): FastNode {
    if (this.text.charCodeAt(end - 1) !== 93 /* ] */) throw new OutsideSubset()
    const inner = this.text.slice(start + 1, end - 1)
    if (/[[\]{}]/.test(inner)) throw new OutsideSubset()
    const items: FastNode[] = []
    if (inner.trim() !== '') {
      let offset = start + 1
      for (const part of flowItems(inner)) {
        const leading = part.length - part.trimStart().length
        const value = part.trim()
        if (value === '') throw new OutsideSubset()
        items.push(scalar(value, offset + leading, true))
        offset += part.length + 1
      }
    }
    return { type: 'seq', items, range: [start, end] }
  }
}

/**
 * The items of a flow sequence's inside: split at its commas, not at those in quotes. A quote
 * opens a quoted item only as its first character (`[patients' homes]` is a plain item).
 */
function flowItems(inner: string): string[] {
  const items: string[] = []
  let from = 0
  let quote = ''
  let started = false
  for (let at = 0; at < inner.length; at++) {
    const character = inner.charAt(at)
    if (quote !== '') {
      if (character === quote) quote = ''
      else if (character === '\\' && quote === '"') at++
    } else if (character === ',') {
      items.push(inner.slice(from, at))
      from = at + 1
      started = false
    } else if (!started && (character === '"' || character === "'")) {
      quote = character
      started = true
    } else if (character !== ' ') started = true
  }
  if (quote !== '') throw new OutsideSubset()
  items.push(inner.slice(from))
  return items
}

const blockIndicator = /^[>|]-?$/

/**
 * A block scalar whose lines all start at one column, with no trailing spaces and no blank line
 * at its end: folded (`>`, lines joined by a space, a blank line a line break) or literal (`|`),
 * with its last line break kept (clip) or not (`-`). Anything else is left to `yaml`.
 */
function blockScalar(
  text: string,
  start: number,
  indicator: string,
  block: readonly RawLine[],
): FastNode {
  const first = block[0]
  const last = block.at(-1)
  if (first === undefined || last === undefined || first.content === first.end)
    throw new OutsideSubset()
  if (last.content === last.end) throw new OutsideSubset()
  const indent = first.content - first.start
  const texts: string[] = []
  for (const line of block) {
    if (line.content === line.end) {
      // Blank: only an empty line (spaces would be text of a literal, or indentation).
      if (line.end !== line.start) throw new OutsideSubset()
      texts.push('')
      continue
    }
    if (line.content - line.start !== indent || text.charCodeAt(line.end - 1) === 32)
      throw new OutsideSubset()
    texts.push(text.slice(line.content, line.end))
  }
  let value: string
  if (indicator.startsWith('|')) value = texts.join('\n')
  else {
    value = texts[0] ?? ''
    let blanks = 0
    for (const line of texts.slice(1)) {
      if (line === '') blanks++
      else {
        value += blanks === 0 ? ` ${line}` : `${'\n'.repeat(blanks)}${line}`
        blanks = 0
      }
    }
  }
  if (!indicator.endsWith('-')) value += '\n'
  return { type: 'scalar', value, range: [start, last.next] }
}

/**
 * The value written on the rest of a line, without the comment after it and the spaces before
 * that: a comment starts at a `#` after a space, past a quoted scalar's closing quote or a flow
 * sequence's `]`. Anything else after those is left to `yaml`.
 */
function withoutComment(raw: string): string {
  const first = raw.charAt(0)
  let end: number
  if (first === '"' || first === "'" || first === '[') {
    const close = first === '[' ? raw.indexOf(']', 1) : closingQuote(raw, 0)
    if (close === -1) throw new OutsideSubset()
    end = close + 1
    if (end < raw.length && !trailingComment.test(raw.slice(end))) throw new OutsideSubset()
  } else {
    const comment = raw.indexOf(' #')
    end = comment === -1 ? raw.length : comment
  }
  // The spaces before the end dropped by hand: a pattern anchored at the end is tried from every
  // space of the value.
  while (end > 0 && raw.charCodeAt(end - 1) === 32) end--
  return end === raw.length ? raw : raw.slice(0, end)
}

/**
 * Where the quoted scalar opening at `open` closes, or -1: the next quote of its kind, past any
 * backslash escape in double quotes (a doubled single quote ends the scalar here and leaves the
 * rest to `yaml`).
 */
function closingQuote(text: string, open: number): number {
  const quote = text.charAt(open)
  let at = text.indexOf(quote, open + 1)
  // In double quotes, a quote after an odd number of backslashes is escaped.
  while (quote === '"' && at !== -1 && backslashesBefore(text, at) % 2 === 1)
    at = text.indexOf(quote, at + 1)
  return at
}

function backslashesBefore(text: string, at: number): number {
  let count = 0
  while (text.charCodeAt(at - count - 1) === 92 /* \\ */) count++
  return count
}

/** A double-quoted scalar with JSON's escapes, or {@link OutsideSubset} for any other escape. */
function jsonString(source: string): string {
  try {
    const value: unknown = JSON.parse(source)
    if (typeof value === 'string') return value
  } catch {
    // An escape JSON does not have (`\x41`, `\ `...): `yaml` reads it, or says what is wrong.
  }
  throw new OutsideSubset()
}

// Spaces, then nothing or a comment.
const trailingComment = /^ +(?:#.*)?$/
// What is left of `key: # comment`: the value is on the lines below.
const commentOnlyRest = /^ *#/

function scalar(source: string, start: number, inFlow: boolean): FastNode {
  const range = [start, start + source.length] as const
  const first = source.charAt(0)
  if (first === '"' || first === "'") {
    if (source.length < 2 || closingQuote(source, 0) !== source.length - 1)
      throw new OutsideSubset()
    const body = source.slice(1, -1)
    if (!body.includes('\\')) return { type: 'scalar', value: body, range }
    // Single quotes take no escapes in the subset; double quotes the escapes JSON has too (what
    // `realist-kb import` writes), which YAML reads the same way.
    if (first === "'") throw new OutsideSubset()
    return { type: 'scalar', value: jsonString(source), range }
  }
  if (
    !plainStart.test(source) ||
    source.includes(': ') ||
    source.includes(' #') ||
    source.endsWith(':')
  )
    throw new OutsideSubset()
  if (inFlow && /[,[\]{}]/.test(source)) throw new OutsideSubset()
  // Most plain values are words or titles, which no null, boolean or number starts like.
  if (!typedStart.includes(first)) return { type: 'scalar', value: source, range }
  if (nullPlain.test(source)) return { type: 'scalar', value: null, range }
  if (boolPlain.test(source))
    return { type: 'scalar', value: source.charAt(0).toLowerCase() === 't', range }
  if (intPlain.test(source)) {
    const value = Number(source)
    if (!Number.isSafeInteger(value)) throw new OutsideSubset()
    return { type: 'scalar', value, range }
  }
  if (otherNumberPlain.test(source)) throw new OutsideSubset()
  return { type: 'scalar', value: source, range }
}

/** Maps with more pairs than this are looked up through an index rather than scanned. */
const indexedPairs = 32

// Each large map's pairs by key, built on first use: a file with many problems looks up many
// keys, and scanning every pair for each made a hostile file of many thousand keys take minutes.
// Small maps, the rule, are scanned: an entry here lives until a full garbage collection, and
// indexing every map kept each file's whole tree alive that long (a third of a load's peak memory).
const pairIndexes = new WeakMap<FastNode, Map<string, FastPair>>()

function pairWithKey(node: Extract<FastNode, { type: 'map' }>, key: string): FastPair | undefined {
  if (node.pairs.length <= indexedPairs) return node.pairs.find((pair) => pair.key === key)
  let index = pairIndexes.get(node)
  if (index === undefined) {
    index = new Map()
    // The first pair wins, as `find` does.
    for (const pair of node.pairs) if (!index.has(pair.key)) index.set(pair.key, pair)
    pairIndexes.set(node, index)
  }
  return index.get(key)
}

/**
 * The `[start, end]` of the node at `path` (of its key when `keyOf`), or of the deepest node on
 * the way that exists: the same walk `positionAt` makes over a `yaml` document.
 *
 * @example
 * ```ts
 * locateFast(tree, ['cmocs', 0], false) // [offset, offset]
 * ```
 */
export function locateFast(
  root: FastNode,
  path: readonly PropertyKey[],
  keyOf: boolean,
): readonly [number, number] {
  let node = root
  let keyRange: readonly [number, number] | undefined
  for (const key of path) {
    let next: FastNode | undefined
    if (node.type === 'map') {
      const pair = pairWithKey(node, String(key))
      keyRange = pair?.keyRange
      next = pair?.value
    } else if (node.type === 'seq' && typeof key === 'number') {
      next = node.items[key]
      keyRange = undefined
    }
    if (next === undefined) break
    node = next
  }
  return keyOf && keyRange ? keyRange : node.range
}
