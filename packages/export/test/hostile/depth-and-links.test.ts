import { buildTraceReport, loadFromMemory, maxMarkdownDepth } from '@realist-kb/core'
import { renderHtml } from '@realist-kb/export'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cpuTimed as timed } from '../../../core/test/helpers/cpu-time.js'
import { markdownToHtml } from '../../src/report/markdown-to-html.js'

// Generous for a slow machine; the quadratic paths these replace took minutes or crashed.
// Processor time, not the wall clock, which on a shared machine counts the wait for a core too.
const budgetMs = 20_000

describe('HTML rendering of deep or link-heavy bodies', () => {
  it('2,000 nested block quotes render as text, no crash', () => {
    const html = markdownToHtml(`${'>'.repeat(2_000)} [[cmoc-1a]] <`)
    expect(html.startsWith('<pre>&gt;&gt;')).toBe(true)
    expect(html).toContain('[[cmoc-1a]] &lt;</pre>')
  })

  it('quotes at the limit still render as markdown', () => {
    const html = markdownToHtml(`${'> '.repeat(maxMarkdownDepth)}x`)
    expect(html.match(/<blockquote>/g)).toHaveLength(maxMarkdownDepth)
  })

  it('100,000 wiki links in one paragraph: each a link, in time proportional to them', () => {
    const { ms, result } = timed(() => markdownToHtml('[[cmoc-1a]] '.repeat(100_000)))
    expect(result.match(/<a href="#kb-cmoc-1a">cmoc-1a<\/a>/g)).toHaveLength(100_000)
    expect(ms).toBeLessThan(budgetMs)
  })

  it('wiki links in code stay text, and markdown links still work', () => {
    expect(markdownToHtml('`[[a]]` [[b]] [x](#y) [[[c]]]')).toBe(
      '<p><code>[[a]]</code> <a href="#kb-b">b</a> <a href="#y">x</a> [<a href="#kb-c">c</a>]</p>',
    )
  })

  it('40,000 unclosed `[a](`: shown as text, not parsed in quadratic time', () => {
    const { ms, result } = timed(() => markdownToHtml('[a]('.repeat(40_000)))
    expect(result.startsWith('<pre>[a]([a](')).toBe(true)
    expect(ms).toBeLessThan(budgetMs)
  })
})

describe('HTML rendering of bodies micromark would read in quadratic time', () => {
  // Before the shared scan, each of these took minutes to render (80 KB of sibling lists: 74 s;
  // 80 KB of `*_`: more than 300 s). Past the budget the loader reports, the body is shown as
  // text; within it, as markdown. A hang shows as the test's timeout.
  const costly: Record<string, string> = {
    'sibling lists': '- x\n# h\n'.repeat(20_000),
    'underlined headings': 'a\n=\n'.repeat(40_000),
    'lazy lines in a quote': `> a\n${'b\n'.repeat(80_000)}`,
    'unmatched emphasis': '*_'.repeat(90_000),
  }
  it('each is shown as escaped text, links included', () => {
    for (const [name, body] of Object.entries(costly)) {
      const html = markdownToHtml(`${body}[[cmoc-1a]] <`)
      expect(html.startsWith('<pre>'), name).toBe(true)
      expect(html.endsWith('[[cmoc-1a]] &lt;</pre>'), name).toBe(true)
    }
  }, 60_000)

  it('the same markers, fewer of them, still render as markdown', () => {
    const html = markdownToHtml(`${'- x\n# h\n'.repeat(20)}a\n=\n${'*_ *a* '.repeat(20)}`)
    expect(html.match(/<ul>/g)).toHaveLength(20)
    expect(html).toContain('<h1>a</h1>')
    expect(html.match(/<em>a<\/em>/g)).toHaveLength(20)
  })
})

describe('no nesting depth makes rendering throw (fast-check)', () => {
  const units = ['>', '> ', '- ', '* ', '1. ', '> - ', '[', '[[a]] > ']
  it('block quotes, lists and brackets from 1 to 100,000 levels', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 1, max: 300 }) },
          { weight: 1, arbitrary: fc.integer({ min: 301, max: 100_000 }) },
        ),
        (unit, depth) => {
          expect(typeof markdownToHtml(`${unit.repeat(depth)}x [[a]]`)).toBe('string')
        },
      ),
      {
        numRuns: 30,
        examples: [
          ['>', 100_000],
          ['- ', 100_000],
          ['> - ', 2_000],
        ],
      },
    )
  }, 60_000)
})

describe('report ids live in their own namespace', () => {
  it('an entity named like a report element cannot take its id', () => {
    const ids = ['rkb-filter-search', 'rkb-recommendations', 'rkb-cmocs']
    // A recommendation and a CMOC, so that the page has the sections and controls named above.
    const kb = loadFromMemory([
      ...ids.map((id) => ({
        path: `audiences/${id}.md`,
        text: `---\nkind: audience\nname: ${id}\n---\nSee [[${id}]].\n`,
      })),
      {
        path: 'cmocs/cmoc-1.md',
        text: '---\nkind: cmoc\ntitle: T\ncontext: C\nmechanism: M\noutcome: O\n---\n',
      },
      {
        path: 'recommendations/rec-1.md',
        text: `---\nkind: recommendation\ntext: R\naudiences: [${ids.join(', ')}]\ncmocs: [cmoc-1]\n---\n`,
      },
    ])
    const html = renderHtml(buildTraceReport(kb))
    for (const id of ids) {
      expect(html.match(new RegExp(`id="${id}"`, 'g')), id).toHaveLength(1)
      expect(html).toContain(`id="kb-${id}"`)
    }
  })
})
