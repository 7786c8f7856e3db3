/**
 * The lines of a frontmatter text as the fast YAML parser reads them (see fast-yaml.ts): blank and
 * comment lines left out, and the lines of each block scalar kept as its text; and where a key
 * line's key ends.
 */

/** Why the subset parser stopped; the caller falls back to `yaml`. */
export class OutsideSubset extends Error {}

/** A line of the structure: a key, a list item or a value. */
export interface Line {
  readonly start: number
  readonly indent: number
  /** Offset of the first non-space character. */
  readonly content: number
  /** Offset of the line end (the `\n` or the `\r` of `\r\n`, or the text end). */
  readonly end: number
  /** Offset where the next line starts (after the `\n`), or the text end. */
  readonly next: number
  /** The lines of the block scalar this line starts, if it starts one. */
  block?: readonly RawLine[]
}

/** One line of the text: where it starts, its first non-space character, its end and the next. */
export interface RawLine {
  readonly start: number
  readonly content: number
  readonly end: number
  readonly next: number
}

function rawLine(text: string, start: number): RawLine {
  const newline = text.indexOf('\n', start)
  const end =
    newline === -1 ? text.length : text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline
  let content = start
  while (content < end && text.charCodeAt(content) === 32) content++
  return { start, content, end, next: newline === -1 ? text.length : newline + 1 }
}

/** The lines of the structure, or {@link OutsideSubset} for comments `yaml` reads otherwise. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  // The frontmatter text starts with the newline after the opening fence: one empty line is fine.
  if (text.startsWith('\n')) start = 1
  else if (text.startsWith('\r\n')) start = 2
  // Blank and comment lines hold no data. `yaml` counts a comment indented past the lines around
  // it into the range of the block before it (in ways that differ at the end of the text): such
  // comments are left to `yaml`, and the others change no range.
  let deepestComment = -1
  while (start < text.length) {
    // Read in place, not through rawLine: this loop runs for every line of every file.
    const newline = text.indexOf('\n', start)
    const next = newline === -1 ? text.length : newline + 1
    const end =
      newline === -1 ? text.length : text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline
    let content = start
    while (content < end && text.charCodeAt(content) === 32) content++
    if (content === end || text.charCodeAt(content) === 35 /* # */) {
      if (content !== end) deepestComment = Math.max(deepestComment, content - start)
      start = next
      continue
    }
    if (deepestComment > Math.max(content - start, lines.at(-1)?.indent ?? 0))
      throw new OutsideSubset()
    deepestComment = -1
    const line: Line = { start, indent: content - start, content, end, next }
    lines.push(line)
    start = next
    // The lines of a block scalar are its text, `#` included, not lines of the structure. Only a
    // line ending in `>`, `|` or `-` can start one: the header is read on those alone.
    const last = text.charCodeAt(end - 1)
    if (last !== 62 /* > */ && last !== 124 /* | */ && last !== 45 /* - */) continue
    const parent = blockScalarParent(text, line.start, content, end)
    if (parent !== -1) {
      const block: RawLine[] = []
      while (start < text.length) {
        const inBlock = rawLine(text, start)
        if (inBlock.content !== inBlock.end && inBlock.content - inBlock.start <= parent) break
        block.push(inBlock)
        start = inBlock.next
      }
      line.block = block
    }
  }
  if (deepestComment > 0) throw new OutsideSubset()
  return lines
}

/**
 * The column of the key or list item whose value is the block scalar this line starts (its text
 * from `content` to `end`), or -1 when it starts none: `key: >-`, `- |`, `- key: >`, with no
 * indentation indicator, no keep chomping and no comment. Others are left to `yaml` by the
 * value's `>` or `|`.
 */
function blockScalarParent(text: string, lineStart: number, content: number, end: number): number {
  let at = content
  while (text.startsWith('- ', at)) at += 2
  // The last item's dash, or the key after it.
  let parent = at - 2
  const colon = keyColonAt(text, at, end)
  if (colon !== -1) {
    parent = at
    at = colon + 2
  } else if (at === content) return -1
  if (at >= end) return -1
  const indicator = text.charCodeAt(at)
  if (indicator !== 62 /* > */ && indicator !== 124 /* | */) return -1
  return end === at + 1 || (end === at + 2 && text.charCodeAt(at + 1) === 45)
    ? parent - lineStart
    : -1
}

/**
 * Where the colon of a key line's key starting at `at` is, or -1 when the line does not start
 * with one: a plain key of letters, digits, `_` and `-` (a letter or `_` first), then `:` and a
 * space or the line's end. Read by hand, not with a pattern on a slice of the line: this runs
 * for every key of every file.
 */
export function keyColonAt(text: string, at: number, lineEnd: number): number {
  if (at >= lineEnd || !isKeyStart(text.charCodeAt(at))) return -1
  let position = at + 1
  while (position < lineEnd && isKeyPart(text.charCodeAt(position))) position++
  if (position >= lineEnd || text.charCodeAt(position) !== 58 /* : */) return -1
  return position + 1 === lineEnd || text.charCodeAt(position + 1) === 32 ? position : -1
}

function isKeyStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95
}

function isKeyPart(code: number): boolean {
  return isKeyStart(code) || (code >= 48 && code <= 57) || code === 45
}
