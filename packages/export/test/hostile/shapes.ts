import { XMLParser } from 'fast-xml-parser'
import type { Element, Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import rehypeParse from 'rehype-parse'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

/**
 * The structure of a Markdown document: node types, nesting and levels, without any text. Two
 * outputs whose texts differ but whose shapes are equal show that the text stayed text.
 *
 * @example
 * ```ts
 * markdownShape('# A *b*') // 'root(heading1(text,emphasis(text)))'
 * ```
 */
export function markdownShape(markdown: string): string {
  const tree = unified().use(remarkParse).parse(markdown) as MdastRoot
  const shape = (node: { type: string; depth?: number; children?: unknown[] }): string => {
    const children = (node.children ?? []) as { type: string }[]
    // Adjacent text nodes merge differently with different text: count them once.
    const parts = children
      .map(shape)
      .filter((part, index, all) => !(part === 'text' && all[index - 1] === 'text'))
    const name = `${node.type}${node.depth ?? ''}`
    return parts.length === 0 ? name : `${name}(${parts.join(',')})`
  }
  return shape(tree)
}

/**
 * The elements of an HTML document as a browser would build them.
 *
 * @example
 * ```ts
 * htmlElements('<p onclick="x">a</p>')[0]?.properties // { onClick: 'x' }
 * ```
 */
export function htmlElements(html: string): Element[] {
  const tree = unified().use(rehypeParse).parse(html) as HastRoot
  const found: Element[] = []
  visit(tree, 'element', (node: Element) => {
    found.push(node)
  })
  return found
}

/**
 * The structures of the elements of an XML document: for each element, its name, attribute
 * names and nested elements, without text or attribute values. Content decides how many nodes and
 * edges there are (an inline link adds an edge), never what an element looks like: every shape
 * of a hostile export must also be a shape of a plain one.
 *
 * @example
 * ```ts
 * xmlShapes('<a x="1"><b>t</b></a>') // Set { 'a[x](b(#text))', 'b(#text)' }
 * ```
 */
export function xmlShapes(xml: string): Set<string> {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    ignoreDeclaration: false,
    ignorePiTags: false,
  })
  const nodes = parser.parse(xml) as Record<string, unknown>[]
  const shapes = new Set<string>()
  const shape = (list: Record<string, unknown>[]): string =>
    // Repeated siblings of one shape count once, as the number of items is content's to decide.
    [
      ...new Set(
        list.map((node) => {
          const name = Object.keys(node).find((key) => key !== ':@') ?? '?'
          if (name === '#text') return '#text'
          const attributes = Object.keys(
            (node[':@'] as Record<string, unknown> | undefined) ?? {},
          ).sort()
          const children = node[name]
          const inner =
            Array.isArray(children) && children.length > 0
              ? `(${shape(children as Record<string, unknown>[])})`
              : ''
          const result = `${name}${attributes.length > 0 ? `[${attributes.join(',')}]` : ''}${inner}`
          shapes.add(result)
          return result
        }),
      ),
    ].join(',')
  shape(nodes)
  return shapes
}

/**
 * Lines of a text with every quoted string emptied: what is left is the syntax around the text.
 * Double-quoted strings may hold backslash escapes (DOT, YAML).
 *
 * @example
 * ```ts
 * syntaxLines('a [label="x\\"y"];') // ['a [label=""];']
 * ```
 */
export function syntaxLines(text: string): string[] {
  return text.replace(/"(?:[^"\\\n]|\\.)*"/g, '""').split('\n')
}
