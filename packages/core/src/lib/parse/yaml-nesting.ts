const space = 32
const newline = 10

/**
 * Offset of the first list or map nested deeper than `limit` in YAML text, estimated in one
 * linear pass before `yaml` builds anything: `yaml`'s parser keeps a stack per open flow
 * collection, and 2 MB of `[` took 2.6 GB and 40 s to parse. Block levels are counted from the
 * indentation of the lines that hold content and from compact entries on one line (`- - x`);
 * flow levels from `[` and `{` that open a value, outside quotes and comments; the lines of a
 * block scalar are skipped. It is an estimate: a staircase of continuation lines, each indented
 * further, counts as levels. Text it lets through is checked exactly on the syntax tree.
 */
export function tooDeepYaml(text: string, limit: number): number | undefined {
  // Indentation of the open block levels, innermost last.
  const indents: number[] = []
  let flow = 0
  let index = 0
  const length = text.length
  let blockScalarIndent = -1
  while (index < length) {
    const lineEnd = endOfLine(text, index)
    let indent = 0
    while (text.charCodeAt(index + indent) === space) indent++
    const first = index + indent
    if (blockScalarIndent !== -1) {
      // The lines of a `|` or `>` scalar are text, however they are indented.
      if (first === lineEnd || indent > blockScalarIndent) {
        index = lineEnd + 1
        continue
      }
      blockScalarIndent = -1
    }
    let position = first
    if (flow === 0 && first < lineEnd && text.charCodeAt(first) !== 35 /* # */) {
      while (indents.length > 0 && (indents.at(-1) ?? 0) > indent) indents.pop()
      if (indents.length === 0 || (indents.at(-1) ?? 0) < indent) indents.push(indent)
      // Compact entries: `- - x`, `? - x`, `- key: - x` each open one more level.
      for (;;) {
        const code = text.charCodeAt(position)
        const next = text.charCodeAt(position + 1)
        if ((code === 45 || code === 63) && (next === space || position + 1 === lineEnd)) {
          position += 2
          while (text.charCodeAt(position) === space) position++
          indents.push(position - index)
          if (indents.length > limit) return position
          continue
        }
        break
      }
      if (indents.length > limit) return first
    }
    // The rest of the line: flow collections, quoted scalars and comments.
    while (position < lineEnd) {
      const code = text.charCodeAt(position)
      if (code === 91 || code === 123) {
        // [ or { opens a collection in flow context, or as the start of a block value.
        if (flow > 0 || startsValue(text, position, index)) {
          flow++
          if (indents.length + flow > limit) return position
        }
      } else if ((code === 93 || code === 125) && flow > 0) {
        flow--
      } else if (code === 34 || code === 39) {
        if (flow > 0 || startsValue(text, position, index)) {
          position = endOfQuoted(text, position)
          continue
        }
      } else if (code === 35 && (position === index || isBlank(text.charCodeAt(position - 1)))) {
        break
      } else if (
        flow === 0 &&
        (code === 124 || code === 62) &&
        startsValue(text, position, index) &&
        /^[|>][0-9+-]*\s*(#.*)?$/.test(text.slice(position, lineEnd))
      ) {
        blockScalarIndent = indent
        break
      }
      position++
    }
    index = Math.max(lineEnd, position) + 1
  }
  return undefined
}

/** Is the character at `position` the first of a value: after `: `, `- `, `? ` or indentation? */
function startsValue(text: string, position: number, lineStart: number): boolean {
  let before = position - 1
  while (before >= lineStart && text.charCodeAt(before) === space) before--
  if (before < lineStart) return true
  const code = text.charCodeAt(before)
  return (code === 58 || code === 45 || code === 63) && before < position - 1
}

/** Offset just past a quoted scalar opened at `start` (it may run over lines). */
function endOfQuoted(text: string, start: number): number {
  const quote = text.charCodeAt(start)
  let position = start + 1
  while (position < text.length) {
    const code = text.charCodeAt(position)
    if (quote === 34 && code === 92) {
      position += 2 // a backslash escape in double quotes
      continue
    }
    if (code === quote) {
      // '' is an escaped quote inside single quotes.
      if (quote === 39 && text.charCodeAt(position + 1) === 39) {
        position += 2
        continue
      }
      return position + 1
    }
    position++
  }
  return position
}

function endOfLine(text: string, index: number): number {
  const end = text.indexOf('\n', index)
  return end === -1 ? text.length : end
}

function isBlank(code: number): boolean {
  return code === space || code === 9 || code === newline || code === 13
}
