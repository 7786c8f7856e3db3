import { loadFromMemory, maxMarkdownDepth, parseFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
import { measureInChild } from './measure-in-child.js'

const cmoc = (body: string): string =>
  '---\nkind: cmoc\nid: cmoc-1a\ntitle: T\ngroup: g\ncontext: c\nmechanism:\n  resource: r\n  response: s\noutcome: o\n---\n' +
  body
const bodyLine = 12

// Memory a load may need above the process it runs in: a small multiple of the input, plus
// the parsers' fixed cost. Before the limits, these inputs took gigabytes or threw.
const memoryBound = (inputLength: number): number => 50 * inputLength + 96 * 1024 * 1024

describe('markdown nested deeper than the limit', () => {
  it('10,000 nested block quotes: an error at the quote past the limit, no crash', () => {
    const kb = loadFromMemory([
      { path: 'cmocs/cmoc-1a.md', text: cmoc(`${'>'.repeat(10_000)} [[cmoc-1a]] <`) },
    ])
    const [diagnostic] = kb.diagnostics.filter((d) => d.file === 'cmocs/cmoc-1a.md')
    expect(diagnostic).toMatchObject({
      code: 'RKB113',
      name: 'nesting-too-deep',
      severity: 'error',
      line: bodyLine,
      column: maxMarkdownDepth + 1,
    })
    expect(diagnostic?.message).toBe(
      'Unexpected block quotes or lists nested more than 100 levels deep, expected fewer levels',
    )
    // The id stays declared: references to it are not reported as dangling.
    expect(kb.diagnostics.map((d) => d.name)).not.toContain('dangling-reference')
  })

  it('lists nested by indentation and by compact markers count the same', () => {
    const indented = Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')
    const compact = `${'- '.repeat(150)}x`
    for (const body of [indented, compact]) {
      const parsed = parseFile({ path: 'cmocs/cmoc-1a.md', text: cmoc(body) })
      expect(parsed.diagnostics.map((d) => d.name)).toEqual(['nesting-too-deep'])
    }
  })

  it('accepts content at the limit, and reads its links', () => {
    const body = `${'> '.repeat(maxMarkdownDepth)}[[cmoc-1a]] \`x\``
    const parsed = parseFile({ path: 'cmocs/cmoc-1a.md', text: cmoc(body) })
    expect(parsed.diagnostics).toEqual([])
    const bodyLinks = parsed.entities[0]?.links.filter((link) => link.field === 'body')
    expect(bodyLinks?.map((link) => link.target)).toEqual(['cmoc-1a'])
  })

  it('499 lists nested 2,000 deep in 2 MB: refused in bounded memory', () => {
    const load = measureInChild(
      'cmocs/cmoc-1a.md',
      `${JSON.stringify(cmoc(''))} + ('- '.repeat(2000) + 'x\\n\\n').repeat(499)`,
    )
    expect(load.outcome).toBe('ok')
    expect(load.diagnostics).toContain(`nesting-too-deep ${bodyLine}:201`)
    expect(load.peakBytes).toBeLessThan(memoryBound(load.inputLength))
  })

  it('lists at the limit: loaded in bounded memory', () => {
    // List markers are capped per body (RKB115, markdown-work.test.ts): twenty lists a hundred
    // deep reach that cap without passing it, so remark reads them all.
    const load = measureInChild(
      'cmocs/cmoc-1a.md',
      `${JSON.stringify(cmoc(''))} + ('- '.repeat(${maxMarkdownDepth}) + '[[cmoc-1a]] <\\n\\n').repeat(20)`,
    )
    expect(load.outcome).toBe('ok')
    expect(
      load.diagnostics.filter((d) => /^(nesting-too-deep|markdown-too-costly)/.test(d)),
    ).toEqual([])
    expect(load.peakBytes).toBeLessThan(memoryBound(load.inputLength))
  })
})

describe('YAML nested deeper than the limit', () => {
  it('a 190 KB line of `[[]`: one error, no crash', () => {
    const text = `---\nkind: audience\nname: A\nexamples: ${'[[]'.repeat(63_000)}\n---\n`
    const parsed = parseFile({ path: 'audiences/a.md', text })
    expect(parsed.diagnostics.map((d) => `${d.name} ${d.line}:${d.column}`)).toEqual([
      'malformed-yaml 4:306',
    ])
  })

  it('maps nested 150 deep by indentation: one error at the level past the limit', () => {
    let nested = ''
    for (let level = 0; level < 150; level++) nested += `\n${' '.repeat(level)}k${level}:`
    const text = `---\nkind: audience\nname: A${nested} leaf\n---\n`
    const parsed = parseFile({ path: 'audiences/a.md', text })
    // The 101st map opens on the line of its key, `k100`, at its indentation.
    expect(parsed.diagnostics.map((d) => `${d.name} ${d.line}:${d.column}`)).toEqual([
      'malformed-yaml 104:101',
    ])
  })

  it('2 MB of `[` on ten lines: refused in bounded memory', () => {
    const load = measureInChild(
      'audiences/a.md',
      `'---\\nkind: audience\\nname: A\\n' + ('x: ' + '['.repeat(199_990) + '\\n').repeat(10) + '---\\n'`,
    )
    expect(load.outcome).toBe('ok')
    expect(load.diagnostics).toContain('malformed-yaml 4:103')
    expect(load.peakBytes).toBeLessThan(memoryBound(load.inputLength))
  })
})
