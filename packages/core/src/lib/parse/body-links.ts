import type { Nodes, Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

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
// after a bracket (`](`, `][`, `]:`), escapes or entities, and four spaces anywhere (after a list
// or quote marker they start indented code). Looked for one by one with `includes`, which scans
// at memory speed: one pattern with these alternatives took six times as long over the bodies of
// 10,000 studies (215 ms against 35 ms), and every body with a link is scanned.
const unsafeForPlainScan = ['`', '<', '\\', '&', '\t', '~~~', '](', '][', ']:', '    ']

function hasUnsafeForPlainScan(body: string): boolean {
  for (const text of unsafeForPlainScan) if (body.includes(text)) return true
  return false
}

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
  if (!hasUnsafeForPlainScan(body)) {
    const links = scanText(body, 0)
    if (links.every((link) => !splittingInsideMatch.test(body.slice(link.start, link.end))))
      return links
  } else if (!unsafeBesidesCode.test(body)) {
    const links = scanAroundCode(body)
    if (links) return links
  }
  return findBodyLinksWithRemark(body)
}

// Bodies whose only markdown construct is code: fences at the start of a line and code spans.
const unsafeBesidesCode = /[<\\&\t]|~~~|\]\(|\]\[|\]:|^ +\S|^[#>*+=_|-]|^\d+[.)]/m
const fenceLine = /^(`{3,})([^`]*)$/

/**
 * Links outside code, for a body where code is the only construct: fenced blocks (at column 0)
 * and code spans (paired backtick runs of equal length within a paragraph) are blanked with
 * offsets kept, then the text is scanned. `undefined` when a match touches code or emphasis, or
 * anything looks unusual: the caller then asks remark.
 */
function scanAroundCode(body: string): BodyLink[] | undefined {
  const blank = new Uint8Array(body.length)
  let paragraphStart = -1
  let fence: string | undefined
  let offset = 0
  const closeParagraph = (end: number): void => {
    if (paragraphStart !== -1) blankCodeSpans(body, paragraphStart, end, blank)
    paragraphStart = -1
  }
  for (const line of body.split('\n')) {
    const end = offset + line.length
    if (fence !== undefined) {
      // Every line of a fenced block, fences included, is code.
      blank.fill(1, offset, end)
      if (line.startsWith(fence) && /^`+\s*$/.test(line)) fence = undefined
    } else {
      const opening = fenceLine.exec(line)
      if (opening?.[1]) {
        closeParagraph(offset)
        blank.fill(1, offset, end) // the info string is not text either
        fence = opening[1]
      } else if (line.trim() === '') {
        closeParagraph(offset)
      } else if (paragraphStart === -1) {
        paragraphStart = offset
      }
    }
    offset = end + 1
  }
  closeParagraph(body.length)
  const links: BodyLink[] = []
  for (const link of scanText(body, 0)) {
    let inCode = 0
    for (let index = link.start; index < link.end; index++) inCode += blank[index] ?? 0
    if (inCode === link.end - link.start) continue // wholly inside code: text, not a link
    // Partly in code, or emphasis inside: the nodes would split it; let remark decide.
    if (inCode > 0 || splittingInsideMatch.test(body.slice(link.start, link.end))) return undefined
    links.push(link)
  }
  return links
}

/** Mark code spans in `body[start, end)`: a backtick run closes at the next run of equal length. */
function blankCodeSpans(body: string, start: number, end: number, blank: Uint8Array): void {
  let index = start
  while (index < end) {
    const open = body.indexOf('`', index)
    if (open === -1 || open >= end) return
    let runEnd = open
    while (runEnd < end && body.charCodeAt(runEnd) === 96) runEnd++
    const length = runEnd - open
    let search = runEnd
    let closed = -1
    while (search < end) {
      const next = body.indexOf('`', search)
      if (next === -1 || next >= end) break
      let nextEnd = next
      while (nextEnd < end && body.charCodeAt(nextEnd) === 96) nextEnd++
      if (nextEnd - next === length) {
        closed = nextEnd
        break
      }
      search = nextEnd
    }
    if (closed === -1) {
      index = runEnd // an unmatched run is literal text
      continue
    }
    blank.fill(1, open, closed)
    index = closed
  }
}

/**
 * Every `[[id]]` of a body read as plain text, code included: for bodies markdown would take too
 * long to parse.
 */
export function findBodyLinksInText(body: string): BodyLink[] {
  return body.includes('[[') ? scanText(body, 0) : []
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
  const tree = parser.parse(maskBrackets(body)) as Root
  const links: BodyLink[] = []
  // Depth-first in document order on an explicit stack: nesting cannot overflow it.
  const pending: Nodes[] = [tree]
  while (pending.length > 0) {
    const node = pending.pop() as Nodes
    if (node.type === 'text') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) continue
      // Search the source slice, not the unescaped value, so offsets are exact.
      for (const link of scanText(body.slice(start, end), start)) links.push(link)
    } else if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--)
        pending.push(node.children[index] as Nodes)
    }
  }
  return links
}

// remark matches each `]` against the `[`s before it in the same paragraph, so one long
// paragraph of brackets took minutes to parse. A wiki link is never a markdown link: brackets are
// masked with characters markdown gives no meaning, one for one, so every offset stays exact and
// code, HTML and escapes are still recognised. (A `[[id]]` written as a markdown link's text or
// target is then found as a link too.)
function maskBrackets(body: string): string {
  return body.replace(/[[\]]/g, (bracket) => (bracket === '[' ? '\uE000' : '\uE001'))
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
