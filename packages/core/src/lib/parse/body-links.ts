import type { Root, Text } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

/** An inline `[[id]]` reference found in a body, with its offsets in the body text. */
export interface BodyLink {
  readonly target: string
  readonly start: number
  readonly end: number
}

const wikiLink = /\[\[([^[\]\n]+?)\]\]/g
const parser = unified().use(remarkParse)

/**
 * Find inline `[[id]]` references in a markdown body. The body is parsed with remark so that
 * brackets inside code spans and code blocks stay text. Bodies without `[[` cannot hold a
 * reference and skip the parse; the result is the same.
 *
 * @example
 * ```ts
 * findBodyLinks('As [[cmoc-2c]] says, `[[not-a-link]]`.') // [{ target: 'cmoc-2c', start: 3, end: 14 }]
 * ```
 */
export function findBodyLinks(body: string): BodyLink[] {
  if (!body.includes('[[')) return []
  const tree = parser.parse(body) as Root
  const links: BodyLink[] = []
  visit(tree, 'text', (node: Text) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    // Search the source slice, not the unescaped value, so offsets are exact.
    const source = body.slice(start, end)
    for (const match of source.matchAll(wikiLink)) {
      const target = match[1]?.trim() ?? ''
      const offset = start + (match.index ?? 0)
      links.push({ target, start: offset, end: offset + match[0].length })
    }
  })
  return links
}
