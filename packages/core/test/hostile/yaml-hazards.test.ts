import { parseFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
import { codesOf, diagnosticsOf, loadFixture } from './helpers.js'

const file = (matter: string): { path: string; text: string } => ({
  path: 'audiences/a.md',
  text: `---\nkind: audience\nname: A\n${matter}\n---\n`,
})

// Nesting in every YAML style, as deep as the size limits allow (2,000,000 characters, lines of
// 200,000): deep enough to overflow any recursive parser.
const deep: Record<string, string> = {
  'flow lists': `examples: ${'['.repeat(90_000)}${']'.repeat(90_000)}`,
  'flow lists over lines': `examples: ${'[\n'.repeat(20_000)}${']\n'.repeat(20_000)}`,
  'flow maps': `examples: ${'{a: '.repeat(30_000)}1${'}'.repeat(30_000)}`,
  'compact lists': `examples:\n  ${'- '.repeat(90_000)}x`,
  'block maps': Array.from({ length: 1_900 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
  'block lists': `examples:\n${Array.from({ length: 1_900 }, (_, i) => `${' '.repeat(i + 1)}-`).join('\n')} x`,
}

describe('YAML hazards (fixtures/hostile-yaml)', () => {
  it('reports nesting too deep to parse, in a message that says so', async () => {
    const kb = await loadFixture('hostile-yaml')
    for (const name of ['deep-flow', 'deep-map', 'deep-compact']) {
      // One report, at the first list or map past the limit: the same on every run, however
      // deep the caller's stack.
      const [diagnostic, ...rest] = diagnosticsOf(kb, `audiences/${name}.md`)
      expect(rest, name).toEqual([])
      expect(diagnostic, name).toMatchObject({ code: 'RKB101', name: 'malformed-yaml' })
      expect(diagnostic?.message, name).toBe(
        'Unexpected frontmatter nested more than 100 levels deep, expected fewer levels of lists and maps',
      )
    }
    expect(diagnosticsOf(kb, 'audiences/deep-flow.md')[0]).toMatchObject({ line: 4, column: 110 })
  })

  it('stops alias expansion bombs, and allows ordinary aliases', async () => {
    const kb = await loadFixture('hostile-yaml')
    const [bomb] = diagnosticsOf(kb, 'audiences/alias-bomb.md')
    expect(bomb).toMatchObject({ code: 'RKB101', name: 'malformed-yaml' })
    expect(bomb?.message).toMatch(/alias/i)
    expect(kb.graph.getNodeAttributes('alias-small').data).toMatchObject({
      examples: ['Aliases within the cap are fine', 'Aliases within the cap are fine'],
    })
  })

  it('reports duplicate keys at the repeated key', async () => {
    const kb = await loadFixture('hostile-yaml')
    const [duplicate, ...rest] = diagnosticsOf(kb, 'audiences/duplicate-keys.md')
    expect(rest).toEqual([])
    expect(duplicate).toMatchObject({ code: 'RKB101', line: 4, column: 1 })
    expect(duplicate?.message).toMatch(/`name`/)
  })

  it('treats merge keys, __proto__ and complex keys as unknown fields, polluting nothing', async () => {
    const kb = await loadFixture('hostile-yaml')
    expect(codesOf(kb, 'audiences/merge-key.md')).toEqual([
      'RKB104 invalid-field',
      'RKB104 invalid-field',
    ])
    expect(codesOf(kb, 'audiences/proto-key.md')).toEqual([
      'RKB104 invalid-field',
      'RKB104 invalid-field',
    ])
    expect(codesOf(kb, 'audiences/complex-key.md')).toEqual(['RKB104 invalid-field'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('reports frontmatter that is not a map, and YAML directives', async () => {
    const kb = await loadFixture('hostile-yaml')
    expect(codesOf(kb, 'audiences/not-a-map.md')).toEqual(['RKB101 malformed-yaml'])
    expect(codesOf(kb, 'audiences/directive.md')).toEqual(['RKB101 malformed-yaml'])
    // A document-end marker (`...`) before the closing fence is valid YAML.
    expect(codesOf(kb, 'audiences/second-document.md')).toEqual([])
  })

  for (const [name, matter] of Object.entries(deep)) {
    it(`never throws on ${name} nested as deep as the limits allow`, () => {
      const input = file(matter)
      expect(input.text.length).toBeLessThanOrEqual(2_000_000)
      const parsed = parseFile(input)
      expect(parsed.entities).toEqual([])
      expect(parsed.diagnostics.length).toBeGreaterThan(0)
      for (const diagnostic of parsed.diagnostics) expect(diagnostic.severity).toBe('error')
      if (name !== 'flow lists over lines')
        expect(parsed.diagnostics.map((d) => d.message)).toEqual([
          'Unexpected frontmatter nested more than 100 levels deep, expected fewer levels of lists and maps',
        ])
    })
  }
})
