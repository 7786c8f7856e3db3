import type { Root, Text } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

/**
 * An inline `[[id]]` reference found in a body, with its offsets in the body text.
 *
 * @example
 * ```ts
 * const [link]: BodyLink[] = findBodyLinks('See [[cmoc-2c]].')
 * link?.target // 'cmoc-2c'
 * ```
 */
export interface BodyLink {
  readonly target: string
  readonly start: number
  readonly end: number
}

const wikiLink = /\[\[([^[\]\n]+?)\]\]/g
const parser = unified().use(remarkParse)

// Anything that can put a `[[...]]` outside a plain text node, or split it across nodes: code
// (backticks, fences, indented lines), raw HTML and autolinks (`<`), links and definitions right
// after a bracket (`](`, `][`, `]:`), and escapes or entities.
const unsafeForPlainScan = /[`<\\&\t]|~~~|\]\(|\]\[|\]:|^ {4}/m
// Inside a match, emphasis markers could split the text node.
const splittingInsideMatch = /[*_!]/

/**
 * Find inline `[[id]]` references in a markdown body. Brackets inside code spans and code blocks
 * are text, not links: such bodies are parsed with remark and only text nodes are searched. A body
 * with no construct that could hide or split a link is scanned directly; a test checks that both
 * ways agree on generated corpora.
 *
 * @example
 * ```ts
 * findBodyLinks('As [[cmoc-2c]] says, `[[not-a-link]]`.') // [{ target: 'cmoc-2c', start: 3, end: 14 }]
 * ```
 */
export function findBodyLinks(body: string): BodyLink[] {
  if (!body.includes('[[')) return []
  if (!unsafeForPlainScan.test(body)) {
    const links = scanText(body, 0)
    if (links.every((link) => !splittingInsideMatch.test(body.slice(link.start, link.end))))
      return links
  }
  return findBodyLinksWithRemark(body)
}

/**
 * The reference implementation: parse the body with remark and search every text node.
 *
 * @example
 * ```ts
 * findBodyLinksWithRemark('`[[x]]` and [[y]]') // [{ target: 'y', start: 12, end: 17 }]
 * ```
 */
export function findBodyLinksWithRemark(body: string): BodyLink[] {
  if (!body.includes('[[')) return []
  const tree = parser.parse(body) as Root
  const links: BodyLink[] = []
  visit(tree, 'text', (node: Text) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    // Search the source slice, not the unescaped value, so offsets are exact.
    links.push(...scanText(body.slice(start, end), start))
  })
  return links
}

function scanText(source: string, offset: number): BodyLink[] {
  const links: BodyLink[] = []
  for (const match of source.matchAll(wikiLink)) {
    const target = match[1]?.trim() ?? ''
    const start = offset + (match.index ?? 0)
    links.push({ target, start, end: start + match[0].length })
  }
  return links
}
