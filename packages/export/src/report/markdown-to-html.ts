import type { Link, PhrasingContent, Root, Text } from 'mdast'
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

const wikiLink = /\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\]/g

/** Turn `[[id]]` in text (never in code) into in-report links `#id`. */
function remarkWikiLinks() {
  return (tree: Root): void => {
    const walk = (node: { children?: unknown[] }): void => {
      if (!Array.isArray(node.children)) return
      const children = node.children as (PhrasingContent | { type: string; children?: unknown[] })[]
      for (let index = 0; index < children.length; index++) {
        const child = children[index]
        if (child?.type === 'text') {
          const replaced = splitWikiLinks(child as Text)
          if (replaced.length !== 1 || replaced[0] !== child) {
            children.splice(index, 1, ...replaced)
            index += replaced.length - 1
          }
        } else if (
          child &&
          child.type !== 'inlineCode' &&
          child.type !== 'code' &&
          child.type !== 'link'
        ) {
          walk(child as { children?: unknown[] })
        }
      }
    }
    walk(tree)
  }
}

function splitWikiLinks(node: Text): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let last = 0
  for (const match of node.value.matchAll(wikiLink)) {
    const index = match.index ?? 0
    if (index > last) out.push({ type: 'text', value: node.value.slice(last, index) })
    const id = match[1] ?? ''
    const link: Link = { type: 'link', url: `#${id}`, children: [{ type: 'text', value: id }] }
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
const processor = unified()
  .use(remarkParse)
  .use(remarkWikiLinks)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify)

/**
 * Render markdown from content as safe HTML.
 *
 * @example
 * ```ts
 * markdownToHtml('See [[cmoc-2c]] <script>alert(1)</script>')
 * // '<p>See <a href="#cmoc-2c">cmoc-2c</a> </p>'
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
  return String(processor.processSync(markdown))
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

function plainParagraphsToHtml(markdown: string): string | undefined {
  const paragraphs = markdown.replace(/^\n+|\n+$/g, '').split(/\n{2,}/)
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
    for (const line of lines) {
      const plain = line.replace(codeSpan, 'x').replace(wikiLinkInText, 'x')
      if (!plainLine.test(plain) || plain.includes('  ')) return undefined
    }
    // Code spans split the paragraph: links are made only in the text between them.
    const html = paragraph
      .split(codeSpan)
      .map((part, index) =>
        index % 2 === 1
          ? `<code>${part}</code>`
          : part.replace(wikiLinkInText, '<a href="#$1">$1</a>'),
      )
      .join('')
    out.push(`<p>${html}</p>`)
  }
  return out.join('\n')
}
