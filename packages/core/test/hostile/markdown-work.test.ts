import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { costlyMarkdown, loadFromMemory, markdownWorkBudget, parseFile } from '@realist-kb/core'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { type ChildLoad, measureEachInChild } from './measure-in-child.js'

// Bodies whose markers cost micromark time that grows with the square of their number: before
// the scan, 80 KB of sibling lists took 74 s and 80 KB of `*_` did not finish in 300 s. Each is
// generated at a size where that cost would be minutes, and must now load in a child process
// whose heap is capped, in memory bounded by a small multiple of the input. No time is asserted:
// a hang shows as the child's (or the test's) timeout.

const matter =
  '---\nkind: cmoc\nid: cmoc-1a\ntitle: T\ngroup: g\ncontext: c\nmechanism:\n  resource: r\n  response: s\noutcome: o\n---\n'
const cmoc = (body: string): string => matter + body
const bodyLine = 12
const memoryBound = (inputLength: number): number => 50 * inputLength + 96 * 1024 * 1024
const hangTimeout = 60_000

const constructs = [
  { count: 20_000, name: 'sibling lists', first: '', unit: '- x\n# h\n', kind: 'containers' },
  {
    count: 80_000,
    name: 'lines continuing a quote lazily',
    first: '> a\n',
    unit: 'b\n',
    kind: 'containers',
  },
  {
    count: 40_000,
    name: 'underlined headings',
    first: '',
    unit: 'a\n=\n',
    kind: 'setext-headings',
  },
  {
    count: 90_000,
    name: 'unmatched `*_` in one paragraph',
    first: '',
    unit: '*_',
    kind: 'emphasis',
  },
] as const

describe('markers micromark reads in quadratic time are capped per body', () => {
  // One child process loads every file in turn (followed by a link and a `<`, so that the loader
  // would hand it to remark): its peak so far bounds each file's.
  let loads: ChildLoad[] = []
  beforeAll(() => {
    loads = measureEachInChild(
      constructs.map(({ first, unit, count }) => [
        'cmocs/cmoc-1a.md',
        `${JSON.stringify(matter + first)} + ${JSON.stringify(unit)}.repeat(${count}) + '[[cmoc-1a]] <\\n'`,
      ]),
    )
  }, hangTimeout)

  constructs.forEach(({ count, name, first, unit, kind }, index) => {
    it(`${count.toLocaleString('en')} ${name}: one error at the marker past the budget, bounded memory`, () => {
      const body = first + unit.repeat(count)
      const costly = costlyMarkdown(body)
      expect(costly?.construct).toBe(kind)
      const load = loads[index]
      expect(load?.outcome).toBe('ok')
      expect(load?.diagnostics).toContain(
        `markdown-too-costly ${placeOf(body, costly?.offset ?? 0)}`,
      )
      expect(load?.peakBytes).toBeLessThan(memoryBound(load?.inputLength ?? 0))
    })
  })
})

describe('what a costly body yields', () => {
  it('an error at the first marker past the budget; the entity kept, its links read as text', () => {
    const body = `See [[cmoc-1a]] and \`[[cmoc-2b]]\`.\n\n${'*a_ '.repeat(20_000)}`
    const parsed = parseFile({ path: 'cmocs/cmoc-1a.md', text: cmoc(body) })
    const costly = costlyMarkdown(body)
    expect(costly?.construct).toBe('emphasis')
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        code: 'RKB115',
        name: 'markdown-too-costly',
        severity: 'error',
        line: bodyLine + 2,
        column: (costly?.offset ?? 0) - body.indexOf('*') + 1,
        entity: 'cmoc-1a',
        message:
          'Unexpected emphasis marker past the markdown work a body may need, expected fewer `*` and `_` runs in one paragraph (the body is read as plain text)',
      }),
    ])
    expect(parsed.diagnostics[0]?.hint).toContain('Split this body')
    // Read as plain text, a link in code is a link too: no parser decides otherwise.
    const links = parsed.entities[0]?.links.filter((link) => link.field === 'body')
    expect(links?.map((link) => link.target)).toEqual(['cmoc-1a', 'cmoc-2b'])
  })

  it('below the marker cap, quotes a blank line closes are charged too', () => {
    // Each `>` after a blank line opens a new quote: 1,500 of them took seconds.
    const body = '> a\n\n'.repeat(1_500)
    expect(1_500).toBeLessThan(markdownWorkBudget.containerMarkers)
    expect(costlyMarkdown(body)?.construct).toBe('containers')
  })

  it('long lists, quotes and many paragraphs of emphasis stay within the budget', () => {
    const bodies = [
      '- item with *emphasis* and [[cmoc-1a]]\n'.repeat(2_000),
      '> quoted line with _emphasis_\n'.repeat(500),
      '> a\n\n'.repeat(100),
      '1. step\n'.repeat(2_000),
      'A paragraph with *one* __two__ and `code`.\n\n'.repeat(20_000),
      '- a\n  - b\n\n'.repeat(100),
    ]
    for (const body of bodies) expect(costlyMarkdown(body)).toBeUndefined()
  })

  it('the bundled review is read as markdown with a tenth of the budget', () => {
    const small = {
      blocks: markdownWorkBudget.blocks / 10,
      emphasis: markdownWorkBudget.emphasis / 10,
      containerMarkers: markdownWorkBudget.containerMarkers / 10,
    }
    const content = path.join(import.meta.dirname, '..', '..', '..', '..', 'content')
    // README files are not content: the loader skips them.
    const files = readdirSync(content, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.md') && path.basename(file) !== 'README.md',
    )
    expect(files.length).toBeGreaterThan(50)
    for (const file of files) {
      expect(costlyMarkdown(readFileSync(path.join(content, file), 'utf8'), small), file).toBe(
        undefined,
      )
    }
  })
})

describe('no repetition count makes loading hang or throw (fast-check)', () => {
  const units = ['- x\n# h\n', 'a\n=\n', '*_', 'a* ', '> a\nb\n', '- a\n  - b\n', '> a\n\nb\n\n']
  it(
    'each unit from 1 to 100,000 times: the file loads or says why, in its own file',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...units),
          fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 1, max: 300 }) },
            { weight: 1, arbitrary: fc.integer({ min: 301, max: 100_000 }) },
          ),
          (unit, count) => {
            const kb = loadFromMemory([
              { path: 'cmocs/cmoc-1a.md', text: cmoc(`${unit.repeat(count)}[[cmoc-1a]] <`) },
            ])
            const costly = kb.diagnostics.filter((d) => d.name === 'markdown-too-costly')
            expect(costly.length).toBeLessThanOrEqual(1)
            for (const diagnostic of costly) expect(diagnostic.file).toBe('cmocs/cmoc-1a.md')
          },
        ),
        {
          numRuns: 10,
          examples: [
            ['- x\n# h\n', 100_000],
            ['*_', 100_000],
          ],
        },
      )
    },
    hangTimeout,
  )
})

/** `line:column` in the file of an offset in its body. */
function placeOf(body: string, offset: number): string {
  const before = body.slice(0, offset)
  const lineStart = before.lastIndexOf('\n') + 1
  return `${bodyLine + before.split('\n').length - 1}:${offset - lineStart + 1}`
}
