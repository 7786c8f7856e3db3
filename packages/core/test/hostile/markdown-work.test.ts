import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { costlyMarkdown, loadFromMemory, markdownWorkBudget, parseFile } from '@realist-kb/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { measureInChild } from './measure-in-child.js'

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

/** Load `unit × count` (then a link and a `<`, so the loader would parse it) in a child. */
function loadInChild(unit: string, count: number, first = '') {
  return measureInChild(
    'cmocs/cmoc-1a.md',
    `${JSON.stringify(matter + first)} + ${JSON.stringify(unit)}.repeat(${count}) + '[[cmoc-1a]] <\\n'`,
  )
}

describe('markers micromark reads in quadratic time are capped per body', () => {
  it(
    '20,000 sibling lists (160 KB): one error at the list past the budget, bounded memory',
    () => {
      const load = loadInChild('- x\n# h\n', 20_000)
      expect(load.outcome).toBe('ok')
      const costly = costlyMarkdown('- x\n# h\n'.repeat(20_000))
      expect(costly?.construct).toBe('containers')
      const line = bodyLine + countLines('- x\n# h\n', costly)
      expect(load.diagnostics).toContain(`markdown-too-costly ${line}:1`)
      expect(load.peakBytes).toBeLessThan(memoryBound(load.inputLength))
    },
    hangTimeout,
  )

  it(
    '80,000 lines continuing a quote lazily (160 KB): capped, bounded memory',
    () => {
      const load = loadInChild('b\n', 80_000, '> a\n')
      expect(load.outcome).toBe('ok')
      const costly = costlyMarkdown(`> a\n${'b\n'.repeat(80_000)}`)
      expect(costly?.construct).toBe('containers')
      expect(load.diagnostics).toContain(
        `markdown-too-costly ${bodyLine + countLines('> a\n', costly, 'b\n')}:1`,
      )
      expect(load.peakBytes).toBeLessThan(memoryBound(load.inputLength))
    },
    hangTimeout,
  )

  it(
    '40,000 underlined headings (160 KB): capped at an underline, bounded memory',
    () => {
      const load = loadInChild('a\n=\n', 40_000)
      expect(load.outcome).toBe('ok')
      const costly = costlyMarkdown('a\n=\n'.repeat(40_000))
      expect(costly?.construct).toBe('setext-headings')
      expect(load.diagnostics).toContain(
        `markdown-too-costly ${bodyLine + countLines('a\n=\n', costly)}:1`,
      )
      expect(load.peakBytes).toBeLessThan(memoryBound(load.inputLength))
    },
    hangTimeout,
  )

  it(
    '90,000 unmatched `*_` in one paragraph (180 KB): capped at a marker, bounded memory',
    () => {
      const load = loadInChild('*_', 90_000)
      expect(load.outcome).toBe('ok')
      const costly = costlyMarkdown('*_'.repeat(90_000))
      expect(costly?.construct).toBe('emphasis')
      expect(load.diagnostics).toContain(
        `markdown-too-costly ${bodyLine}:${(costly?.offset ?? 0) + 1}`,
      )
      expect(load.peakBytes).toBeLessThan(memoryBound(load.inputLength))
    },
    hangTimeout,
  )
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

  it('long lists, quotes and many paragraphs of emphasis stay within the budget', () => {
    const bodies = [
      '- item with *emphasis* and [[cmoc-1a]]\n'.repeat(5_000),
      '> quoted line with _emphasis_\n'.repeat(500),
      '1. step\n'.repeat(5_000),
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

/** Lines of `first + rest × n` before the offset `costly` names, n being large enough. */
function countLines(
  first: string,
  costly: ReturnType<typeof costlyMarkdown>,
  rest = first,
): number {
  const offset = costly?.offset ?? 0
  const text = first + rest.repeat(Math.ceil((offset + 1) / rest.length))
  return text.slice(0, offset).split('\n').length - 1
}
