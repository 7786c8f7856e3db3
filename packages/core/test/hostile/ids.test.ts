import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadFromMemory } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { describe, expect, it } from 'vitest'
import { codesOf, diagnosticsOf, loadFixture } from './helpers.js'

const audience = (name: string, extra = ''): string =>
  `---\nkind: audience\nname: ${name}\n${extra}---\n`

describe('ids are kebab-case ASCII (fixtures/hostile-ids)', () => {
  it('reports ids that look like paths, and never uses them', async () => {
    const kb = await loadFixture('hostile-ids')
    const [diagnostic] = diagnosticsOf(kb, 'audiences/path-id.md')
    expect(diagnostic).toMatchObject({ code: 'RKB107', line: 3, column: 5 })
    expect(diagnostic?.message).toBe('Unexpected id `../../etc/passwd`, expected a kebab-case id')
    expect(kb.graph.nodes().some((id) => id.includes('/') || id.includes('.'))).toBe(false)
    expect(codesOf(kb, 'audiences/dot-id.md')).toEqual(['RKB107 invalid-id'])
    expect(diagnosticsOf(kb, 'audiences/dot-id.md')[0]?.hint).toBe(
      'Use lowercase ASCII letters, digits and single hyphens, e.g. `cmoc-2c`.',
    )
  })

  it('names the invisible culprit of an accented or look-alike id', async () => {
    const kb = await loadFixture('hostile-ids')
    const message = (file: string): string | undefined =>
      diagnosticsOf(kb, `audiences/${file}.md`)[0]?.message
    // Composed and decomposed accents print the same: the code point tells them apart.
    expect(message('accent-nfc')).toBe(
      'Unexpected id `café` (U+00E9 is not ASCII), expected a kebab-case id',
    )
    expect(message('accent-nfd')).toBe(
      'Unexpected id `cafe\u0301` (U+0301 is not ASCII), expected a kebab-case id',
    )
    expect(message('homoglyph')).toMatch(/U\+0440 is not ASCII/)
    expect(codesOf(kb, 'audiences/upper-id.md')).toEqual(['RKB107 invalid-id'])
    expect(codesOf(kb, 'audiences/numeric-id.md')).toEqual(['RKB104 invalid-field'])
  })

  it('reports body links that look like paths or differ only by case as dangling', async () => {
    const kb = await loadFixture('hostile-ids')
    const targets = diagnosticsOf(kb, 'audiences/public.md').map((d) => [d.code, d.message])
    for (const target of [
      '../x',
      '../../etc/passwd',
      '/etc/passwd',
      'https://example.org',
      'PUBLIC',
    ])
      expect(targets).toContainEqual([
        'RKB201',
        `Unexpected reference \`${target}\`, expected the id of an entity`,
      ])
    expect(kb.graph.outDegree('public')).toBe(0)
  })
})

describe('file names differing only by case or Unicode normalisation', () => {
  it('in memory: only the kebab-case ASCII name is an id, the others are reported', () => {
    const kb = loadFromMemory([
      { path: 'audiences/Cmoc-1a.md', text: audience('Upper') },
      { path: 'audiences/cmoc-1a.md', text: audience('Lower') },
      { path: 'audiences/caf\u00e9.md', text: audience('NFC') },
      { path: 'audiences/cafe\u0301.md', text: audience('NFD') },
    ])
    expect(kb.graph.nodes()).toEqual(['cmoc-1a'])
    expect(codesOf(kb, 'audiences/Cmoc-1a.md')).toEqual(['RKB107 invalid-id'])
    expect(diagnosticsOf(kb, 'audiences/caf\u00e9.md')[0]?.message).toMatch(/U\+00E9/)
    expect(diagnosticsOf(kb, 'audiences/cafe\u0301.md')[0]?.message).toMatch(/U\+0301/)
  })

  it('on disk: the same, whatever the file system does with such names', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'rkb-names-'))
    try {
      const names = ['Cmoc-1a.md', 'cmoc-1a.md', 'caf\u00e9.md', 'cafe\u0301.md']
      for (const name of names) await writeFile(path.join(root, name), audience(name))
      // A case-insensitive or normalising file system keeps fewer names: test what is there.
      const kept = await readdir(root)
      const kb = await loadDirectory(root)
      for (const name of kept) {
        const codes = codesOf(kb, name)
        if (name === 'cmoc-1a.md') expect(codes.filter((c) => c.startsWith('RKB107'))).toEqual([])
        else expect(codes, name).toContain('RKB107 invalid-id')
      }
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
