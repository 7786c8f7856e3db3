/**
 * Deepest nesting of block quotes and lists a markdown body may have. Content needs a handful of
 * levels. Markdown parsers and the tree walks after them recurse once per level, and micromark's
 * cost for nested containers grows faster than their size: bodies past this limit are refused
 * before any parser sees them.
 *
 * @example
 * ```ts
 * import { maxMarkdownDepth } from '@realist-kb/core'
 * const fits = (depth: number): boolean => depth <= maxMarkdownDepth
 * ```
 */
export const maxMarkdownDepth = 100

const space = 32
const tab = 9
const quote = 62 // >
const newline = 10

/**
 * Offset of the first block quote or list marker nested deeper than {@link maxMarkdownDepth} in a
 * markdown body, or `undefined` when the body is within the limit. One linear pass, no parser:
 * each line's leading run of container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) counts one level
 * each, and its indentation one level per two columns, because an open list carries its items'
 * content two columns or more to the right. The count is never lower than the nesting markdown
 * gives the line, so a body this accepts is within the limit for every parser.
 *
 * @example
 * ```ts
 * import { tooDeepMarkdown } from '@realist-kb/core'
 * tooDeepMarkdown('> quoted\n- item') // undefined
 * tooDeepMarkdown('>'.repeat(150)) // 100: the 101st `>`
 * ```
 */
export function tooDeepMarkdown(body: string, limit = maxMarkdownDepth): number | undefined {
  let index = 0
  const length = body.length
  while (index < length) {
    let depth = 0
    let columns = 0
    // The leading run of one line: whitespace and container markers, in any order.
    for (;;) {
      const code = body.charCodeAt(index)
      if (code === space || code === tab) {
        columns += code === tab ? 4 : 1
        index++
        continue
      }
      const marker = markerLength(body, index)
      if (marker === 0) break
      depth += 1 + (columns >> 1)
      columns = 0
      if (depth > limit) return index
      index += marker
    }
    // A line of indentation alone carries the lists open above it; after a marker, the space
    // before the text opens nothing.
    if (depth === 0 && columns >> 1 > limit) return index
    const next = body.indexOf('\n', index)
    if (next === -1) return undefined
    index = next + 1
  }
  return undefined
}

/** Length of the container marker at `index` (`>`, a bullet or an ordinal), or 0. */
export function markerLength(body: string, index: number): number {
  const code = body.charCodeAt(index)
  if (code === quote) return 1
  let end = index
  if (code === 45 || code === 42 || code === 43) {
    end = index + 1 // - * +
  } else {
    while (end - index < 9 && isDigit(body.charCodeAt(end))) end++
    if (end === index) return 0
    const delimiter = body.charCodeAt(end)
    if (delimiter !== 46 && delimiter !== 41) return 0 // . )
    end++
  }
  // A bullet or ordinal opens a list only before whitespace or the end of the line.
  const after = body.charCodeAt(end)
  return Number.isNaN(after) ||
    after === space ||
    after === tab ||
    after === newline ||
    after === 13
    ? end - index
    : 0
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}
