import { parseFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
import { cpuTimed } from '../helpers/cpu-time.js'
import { codesOf, diagnosticsOf, loadFixture } from './helpers.js'

describe('empty and partial files (fixtures/hostile-empty-and-partial)', () => {
  it('reports every file that is not an entity, and loads the rest', async () => {
    const kb = await loadFixture('hostile-empty-and-partial')
    expect(codesOf(kb, 'audiences/empty.md')).toEqual(['RKB102 missing-frontmatter'])
    expect(codesOf(kb, 'audiences/blank.md')).toEqual(['RKB102 missing-frontmatter'])
    expect(codesOf(kb, 'audiences/body-before-fence.md')).toEqual(['RKB102 missing-frontmatter'])
    expect(codesOf(kb, 'audiences/one-fence.md')).toEqual(['RKB102 missing-frontmatter'])
    expect(codesOf(kb, 'audiences/fences-only.md')).toEqual(['RKB103 unknown-kind'])
    const [unterminated] = diagnosticsOf(kb, 'audiences/unterminated.md')
    expect(unterminated).toMatchObject({ code: 'RKB102', line: 6, column: 1 })
    expect(unterminated?.message).toMatch(/closing the frontmatter/)
    expect(kb.graph.nodes().sort()).toEqual(['dashes-in-body', 'frontmatter-only', 'review'])
  })

  it('reads a file that is only frontmatter, without a final newline', async () => {
    const kb = await loadFixture('hostile-empty-and-partial')
    expect(codesOf(kb, 'audiences/frontmatter-only.md')).toEqual([])
    expect(kb.graph.getNodeAttributes('frontmatter-only')).toMatchObject({ body: '' })
  })

  it('treats `---` lines after the frontmatter as body text, never as a second frontmatter', async () => {
    const kb = await loadFixture('hostile-empty-and-partial')
    const entity = kb.graph.getNodeAttributes('dashes-in-body')
    expect(entity.data).toEqual({ kind: 'audience', name: 'Dashes in the body' })
    expect(entity.body).toContain('---\nkind: cmoc\nname: not read as frontmatter\n---')
  })
})

describe('byte order marks and line endings (fixtures/hostile-line-endings)', () => {
  it('reads BOM, CRLF and mixed endings alike, and places body links exactly', async () => {
    const kb = await loadFixture('hostile-line-endings')
    for (const id of ['bom', 'crlf', 'mixed', 'bom-crlf']) {
      expect(codesOf(kb, `audiences/${id}.md`), id).toEqual([])
      expect(kb.graph.getNodeAttributes(id).kind).toBe('audience')
    }
    const place = (id: string): [string, number, number][] =>
      kb.graph
        .getNodeAttributes(id)
        .links.map((link) => [link.target, link.place.line, link.place.column])
    expect(place('bom')).toEqual([['crlf', 6, 5]])
    expect(place('crlf')).toEqual([['bom', 6, 5]])
    expect(place('mixed')).toEqual([
      ['bom', 6, 5],
      ['crlf', 7, 5],
    ])
    expect(place('bom-crlf')).toEqual([['mixed', 5, 5]])
    expect(kb.graph.getNodeAttributes('crlf').data).toMatchObject({ name: 'Windows line endings' })
  })

  it('does not take a lone CR for a line break (safe choice: reported, not guessed)', async () => {
    const kb = await loadFixture('hostile-line-endings')
    const [diagnostic] = diagnosticsOf(kb, 'audiences/cr-only.md')
    expect(diagnostic).toMatchObject({ code: 'RKB102', name: 'missing-frontmatter', line: 1 })
  })
})

describe('size limits', () => {
  const audience = '---\nkind: audience\nname: A\n---\n'

  it('refuses a file over the size limit with a clear message, without parsing it', () => {
    const text = `${audience}${'word '.repeat(450_000)}\n`
    const { ms, result } = cpuTimed(() => parseFile({ path: 'audiences/a.md', text }))
    const [diagnostic, ...rest] = result.diagnostics
    expect(ms).toBeLessThan(1000)
    expect(rest).toEqual([])
    expect(diagnostic).toMatchObject({ code: 'RKB109', name: 'file-too-large', line: 1 })
    expect(diagnostic?.message).toBe(
      `Unexpected file of ${text.length} characters, expected at most 2000000`,
    )
  })

  it('refuses a very long line, naming the line', () => {
    const text = `${audience}short\n${'x'.repeat(250_000)}\n`
    const [diagnostic, ...rest] = parseFile({ path: 'audiences/a.md', text }).diagnostics
    expect(rest).toEqual([])
    expect(diagnostic).toMatchObject({ code: 'RKB109', line: 6, column: 1 })
    expect(diagnostic?.message).toBe('Unexpected line longer than 200000 characters')
  })

  it('takes lower limits from the options', () => {
    const long = parseFile(
      { path: 'audiences/a.md', text: `${audience}${'x'.repeat(90)}` },
      {
        maxFileSize: 100,
        maxLineLength: 50,
      },
    )
    expect(long.diagnostics.map((d) => d.code)).toEqual(['RKB109'])
  })

  it('refuses text with a NUL character as binary', () => {
    const [diagnostic] = parseFile({
      path: 'audiences/a.md',
      text: `${audience}\u0000`,
    }).diagnostics
    expect(diagnostic).toMatchObject({ code: 'RKB100', name: 'unreadable-file' })
  })

  it('reads a fence word after a lone CR as gray-matter does: `---\\rjs` names `js`', () => {
    for (const [text, column] of [
      ['---\rjs\nkind: audience\nname: A\n---\n', 5],
      ['---  \r javascript\nkind: audience\nname: A\n---\n', 8],
    ] as const) {
      const parsed = parseFile({ path: 'audiences/a.md', text })
      expect(parsed.diagnostics.map((d) => `${d.name} ${d.line}:${d.column}`)).toEqual([
        `unsupported-frontmatter-language 1:${column}`,
      ])
      expect(parsed.diagnostics[0]?.message).toMatch(
        /^Unexpected frontmatter language `(js|javascript)`/,
      )
    }
  })
})
