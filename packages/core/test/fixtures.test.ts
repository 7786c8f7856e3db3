import { readdirSync } from 'node:fs'
import path from 'node:path'
import { formatDiagnostics } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { describe, expect, it } from 'vitest'

const fixtures = path.join(import.meta.dirname, 'fixtures')
const names = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

// Folders without a diagnostic of their own name show a valid variant of the format.
const validVariants = new Set(['valid', 'evidence-file'])
// `hostile-*` folders hold broken and malicious files, each checked in test/hostile/; here their
// reports are pinned like any other.
const isHostile = (name: string): boolean => name.startsWith('hostile-')

describe('fixture knowledge bases', () => {
  it('covers every behaviour', () => {
    expect(names.length).toBeGreaterThanOrEqual(18)
  })

  for (const name of names) {
    it(`${name}: reports as expected`, async () => {
      const kb = await loadDirectory(path.join(fixtures, name))
      expect(kb.graph.order).toBeGreaterThan(0)
      const report = formatDiagnostics(kb.diagnostics, { root: name })
      await expect(report).toMatchFileSnapshot(path.join(fixtures, name, 'expected.txt'))
      if (validVariants.has(name)) {
        expect(kb.diagnostics).toEqual([])
      } else {
        if (!isHostile(name)) expect(kb.diagnostics.map((d) => d.name)).toContain(name)
        for (const diagnostic of kb.diagnostics) {
          expect(diagnostic.line).toBeGreaterThanOrEqual(1)
          expect(diagnostic.column).toBeGreaterThanOrEqual(1)
          expect(diagnostic.code).toMatch(/^RKB\d{3}$/)
          expect(diagnostic.hint.length).toBeGreaterThan(0)
        }
      }
    })
  }

  it('never evaluates a JavaScript frontmatter fence', async () => {
    const flag = '__realistKbExecuted'
    await loadDirectory(path.join(fixtures, 'unsupported-frontmatter-language'))
    expect((globalThis as Record<string, unknown>)[flag]).toBeUndefined()
  })
})
