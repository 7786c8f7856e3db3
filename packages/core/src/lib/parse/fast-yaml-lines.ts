/**
 * The lines of a frontmatter text as the fast YAML parser reads them (see fast-yaml.ts): blank and
 * comment lines left out, and the lines of each block scalar kept as its text.
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
    // line ending in `>`, `|` or `-` can start one: the pattern is tried on those alone.
    const last = text.charCodeAt(end - 1)
    if (last !== 62 /* > */ && last !== 124 /* | */ && last !== 45 /* - */) continue
    const header = blockHeader.exec(text.slice(content, end))
    if (header) {
      const [, dashes = '', key] = header
      const parent = content + dashes.length - (key === undefined ? 2 : 0) - line.start
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

// A line whose value is a block scalar with no indentation indicator, no keep chomping and no
// comment: `key: >-`, `- |`, `- key: >`. Others are left to `yaml` by the value's `>` or `|`.
const blockHeader = /^((?:- )*)(?:([A-Za-z_][A-Za-z0-9_-]*): )?[>|]-?$/
