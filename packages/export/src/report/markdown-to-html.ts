import { costlyMarkdown, tooDeepMarkdown } from '@realist-kb/core'
import type { Link, Nodes, PhrasingContent, Root, Text } from 'mdast'
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { anchorId } from '../html/anchor-id.js'
import { escapeHtml } from './escape.js'

// Wiki links are masked before remark parses a body: micromark matches every `]` against the
// `[`s before it in its paragraph, so 50,000 `[[id]]` in one paragraph took 52 s. The masks are
// private-use characters markdown gives no meaning; bodies that hold them already are not masked.
const wikiLink = /\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\]/g
const open = '\uE000'
const close = '\uE001'
const maskedLink = /\uE000([a-z0-9]+(?:-[a-z0-9]+)*)\uE001/g

/**
 * Turn `[[id]]` in text (never in code or inside a link) into in-report links, masked or not.
 * Masks left in code, URLs and titles are turned back into brackets.
 */
function remarkWikiLinks(options: { readonly masked: boolean }) {
  const pattern = options.masked ? maskedLink : wikiLink
  const unmask = (value: string): string =>
    options.masked && value.includes(open) ? value.replace(maskedLink, '[[$1]]') : value
  return (tree: Root): void => {
    // Depth-first on an explicit stack: nesting cannot overflow it. Each parent's children are
    // rebuilt once, so a paragraph of many links costs time in proportion to them.
    const pending: { node: Nodes; inLink: boolean }[] = [{ node: tree, inLink: false }]
    while (pending.length > 0) {
      const { node, inLink } = pending.pop() as { node: Nodes; inLink: boolean }
      if ('value' in node && typeof node.value === 'string') node.value = unmask(node.value)
      if ('url' in node) node.url = unmask(node.url)
      if ('title' in node && typeof node.title === 'string') node.title = unmask(node.title)
      if ('alt' in node && typeof node.alt === 'string') node.alt = unmask(node.alt)
      if (!('children' in node)) continue
      const within = inLink || node.type === 'link' || node.type === 'linkReference'
      const children: Nodes[] = []
      for (const child of node.children as Nodes[]) {
        if (child.type === 'text' && !within) {
          for (const part of splitWikiLinks(child, pattern)) children.push(part)
        } else {
          children.push(child)
          pending.push({ node: child, inLink: within })
        }
      }
      ;(node as { children: Nodes[] }).children = children
    }
  }
}

function splitWikiLinks(node: Text, pattern: RegExp): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let last = 0
  for (const match of node.value.matchAll(pattern)) {
    const index = match.index ?? 0
    if (index > last) out.push({ type: 'text', value: node.value.slice(last, index) })
    const id = match[1] ?? ''
    const link: Link = {
      type: 'link',
      url: `#${anchorId(id)}`,
      children: [{ type: 'text', value: id }],
    }
    out.push(link)
    last = index + match[0].length
  }
  if (out.length === 0) return [node]
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) })
  return out
}

// Raw HTML in content is dropped (remark-rehype without allowDangerousHtml) and the result is
// sanitized with the GitHub-like default schema: no script, no event handlers, no javascript:
// URLs. The sanitizer prefixes ids from content with `user-content-`, so report anchors (set by
// the templates, not by content) cannot be clobbered, and `#id` links from content still reach them.
// Images are dropped too: the report is self-contained and must make no external request.
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'img'),
}
/** Most `]` outside wiki links a body may hold and still be rendered as markdown. */
const maxBrackets = 1_000

function bracketsBeyondLimit(markdown: string): boolean {
  let count = 0
  for (let index = markdown.indexOf(']'); index !== -1; index = markdown.indexOf(']', index + 1))
    count++
  if (count <= maxBrackets) return false
  let wiki = 0
  for (const _link of markdown.matchAll(wikiLink)) wiki += 2
  return count - wiki > maxBrackets
}

const processorOf = (masked: boolean) =>
  unified()
    .use(remarkParse)
    .use(remarkWikiLinks, { masked })
    .use(remarkRehype)
    .use(rehypeSanitize, schema)
    .use(rehypeStringify)
const maskingProcessor = processorOf(true)
// For the rare body that holds the mask characters itself: slower on many links, still right.
const plainProcessor = processorOf(false)

/**
 * Render markdown from content as safe HTML.
 *
 * @example
 * ```ts
 * markdownToHtml('See [[cmoc-2c]] <script>alert(1)</script>')
 * // '<p>See <a href="#kb-cmoc-2c">cmoc-2c</a> </p>'
 * ```
 */
export function markdownToHtml(markdown: string): string {
  if (markdown.trim() === '') return ''
  return plainParagraphsToHtml(markdown) ?? markdownToHtmlWithUnified(markdown)
}

/**
 * The reference rendering: the whole unified pipeline.
 *
 * @example
 * ```ts
 * markdownToHtmlWithUnified('*a*') // '<p><em>a</em></p>'
 * ```
 */
export function markdownToHtmlWithUnified(markdown: string): string {
  if (markdown.trim() === '') return ''
  // remark-rehype, the sanitizer and the serializer recurse once per level: a body nested past
  // the loader's limit (a report built from another source) is shown as text.
  // micromark matches each `]` against the openings before it in its paragraph, in time that
  // grows with the square of their number (40,000 `[a](` took 21 s): a body with more brackets
  // than any prose needs is shown as text too. Wiki links are masked first and do not count.
  // The same holds for the other markers whose cost grows with the square of their number
  // (sibling lists, underlined headings, unmatched emphasis): the loader's scan decides.
  if (
    tooDeepMarkdown(markdown) !== undefined ||
    bracketsBeyondLimit(markdown) ||
    costlyMarkdown(markdown) !== undefined
  )
    return `<pre>${escapeHtml(markdown)}</pre>`
  if (markdown.includes(open) || markdown.includes(close))
    return String(plainProcessor.processSync(markdown))
  return String(maskingProcessor.processSync(markdown.replace(wikiLink, `${open}$1${close}`)))
}

// Prose with no markdown syntax at all: letters first on every line, a small set of characters
// with no meaning in markdown or HTML, [[id]] links, code spans of the same characters (and
// brackets) on one line, and fenced code blocks of such lines standing alone between blank lines.
// Such text renders as plain paragraphs and code, which is what unified would produce (a test
// compares both); a report of 10,000 studies then does not pay a full markdown parse per body.
const plainLine = /^[A-Za-z(][A-Za-z0-9 .,;:'"?()%/-]*[A-Za-z0-9.,;:'"?)%]$|^[A-Za-z]$/
const wikiLinkInText = /\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\]/g
const codeCharacters = String.raw`A-Za-z0-9.,;:?()%/\[\]-`
// One backtick each side and no other next to them (runs of backticks pair by length), no space
// at either end (CommonMark would strip one), never empty.
const codeSpan = new RegExp(
  `(?<!\`)\`([${codeCharacters}](?:[ ${codeCharacters}]*[${codeCharacters}])?)\`(?!\`)`,
  'g',
)
const codeLine = new RegExp(`^[${codeCharacters}](?:[ ${codeCharacters}]*[${codeCharacters}])?$`)
const fence = '```'

// The text without the line feeds at either end: found from the ends, where a pattern with an
// end anchor (/\n+$/) is tried at every character of a long body.
function withoutOuterNewlines(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && text.charCodeAt(start) === lineFeed) start++
  while (end > start && text.charCodeAt(end - 1) === lineFeed) end--
  return start === 0 && end === text.length ? text : text.slice(start, end)
}

const lineFeed = 10

function plainParagraphsToHtml(markdown: string): string | undefined {
  const paragraphs = withoutOuterNewlines(markdown).split(/\n{2,}/)
  const out: string[] = []
  for (const paragraph of paragraphs) {
    const lines = paragraph.split('\n')
    if (lines[0] === fence) {
      const code = lines.slice(1, -1)
      if (lines.length < 2 || lines.at(-1) !== fence || !code.every((line) => codeLine.test(line)))
        return undefined
      out.push(`<pre><code>${code.map((line) => `${line}\n`).join('')}</code></pre>`)
      continue
    }
    // Most prose has no code span and no link: those replacements are skipped, not run for nothing.
    const hasCode = paragraph.includes('`')
    const hasLink = paragraph.includes('[[')
    for (const line of lines) {
      let plain = line
      if (hasCode) plain = plain.replace(codeSpan, 'x')
      if (hasLink) plain = plain.replace(wikiLinkInText, 'x')
      if (!plainLine.test(plain) || plain.includes('  ')) return undefined
    }
    const links = (text: string): string =>
      hasLink
        ? text.replace(
            wikiLinkInText,
            (_link, id: string) => `<a href="#${anchorId(id)}">${id}</a>`,
          )
        : text
    // Code spans split the paragraph: links are made only in the text between them.
    const html = hasCode
      ? paragraph
          .split(codeSpan)
          .map((part, index) => (index % 2 === 1 ? `<code>${part}</code>` : links(part)))
          .join('')
      : links(paragraph)
    out.push(`<p>${html}</p>`)
  }
  return out.join('\n')
}
