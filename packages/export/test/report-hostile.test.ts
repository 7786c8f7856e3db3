import { renderHtml, renderMarkdown } from '@realist-kb/export'
import type { Element, Root } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { fixtureReport } from './report-helpers.js'

/** The elements of an HTML document as a browser would build them. */
function elements(html: string): Element[] {
  const tree = unified().use(rehypeParse).parse(html) as Root
  const found: Element[] = []
  visit(tree, 'element', (node: Element) => {
    found.push(node)
  })
  return found
}

describe('hostile content renders inert', () => {
  it('HTML: no injected script, handler, javascript: URL, style or iframe', async () => {
    const html = renderHtml(await fixtureReport('hostile', 'export'))
    const all = elements(html)
    const tags = all.map((element) => element.tagName)
    expect(tags.filter((tag) => tag === 'script')).toHaveLength(1) // the report's own, at the end
    expect(tags.filter((tag) => tag === 'style')).toHaveLength(1)
    expect(tags).not.toContain('iframe')
    expect(tags).not.toContain('img')
    for (const element of all) {
      for (const [name, value] of Object.entries(element.properties)) {
        expect(name, `${element.tagName} has an event handler`).not.toMatch(/^on/i)
        expect(String(value), `${element.tagName}.${name}`).not.toMatch(/^\s*javascript:/i)
      }
    }
    // Raw HTML from content is dropped (and ids from content would be prefixed by the
    // sanitizer), so content cannot clobber a report anchor.
    expect(html.match(/id="rkb-recommendations"/g)).toHaveLength(1)
    // An inline [[id]] link still reaches its target.
    expect(html).toContain('<a href="#kb-rec-1-1">rec-1-1</a>')
    expect(html).toContain('&lt;script&gt;alert(8)&lt;/script&gt;')
  })

  it('Markdown: no raw HTML from content', async () => {
    const markdown = renderMarkdown(await fixtureReport('hostile', 'export'))
    expect(markdown).not.toMatch(/<(script|img|iframe|svg|b )/i)
  })

  // CSV formulas: the fixture's formula sits in a field the CSV does not write, so this file
  // cannot test it; hostile/every-format.test.ts puts formulas in every field of every format.
})
