import { readFile } from 'node:fs/promises'
import { catalogue } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
import { withContentFormatTables } from '../scripts/content-format-doc.js'
import { renderDiagnosticsDoc } from '../scripts/diagnostics-doc.js'
import { withFormatsTable } from '../scripts/formats-doc.js'

describe('docs/diagnostics.md', () => {
  it('is current with the catalogue (run `pnpm docs:diagnostics`)', async () => {
    const committed = await readFile(new URL('../docs/diagnostics.md', import.meta.url), 'utf8')
    expect(committed).toBe(renderDiagnosticsDoc())
  })

  it('has unique, well-formed codes', () => {
    const codes = Object.values(catalogue).map((entry) => entry.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) expect(code).toMatch(/^RKB\d{3}$/)
  })
})

describe('the formats table of docs/cli.md', () => {
  it('is current with the exporter registry (run `pnpm docs:formats`)', async () => {
    const page = await readFile(new URL('../docs/cli.md', import.meta.url), 'utf8')
    expect(page).toBe(withFormatsTable(page))
  })
})

describe('the field tables of docs/content-format.md', () => {
  it('are current with the kind schemas (run `pnpm docs:content-format`)', async () => {
    const page = await readFile(new URL('../docs/content-format.md', import.meta.url), 'utf8')
    expect(page).toBe(withContentFormatTables(page))
  })

  it('document every field of every kind, each with a meaning', async () => {
    const page = await readFile(new URL('../docs/content-format.md', import.meta.url), 'utf8')
    for (const field of [
      'acknowledged[].reason',
      'status',
      'groups',
      'parent',
      'role',
      'label',
      'designNote',
      'reported.figures[].stage',
      'gapMap.dimensions',
      'theory.groups.singular',
      'confidence.overall.level',
      'appraisal.rigour.justification',
      'leadsTo',
      'nestedIn',
      'refines',
      'conflictsWith',
      'rameses',
      'includes',
    ])
      expect(page).toContain(`| \`${field}\``)
    const rows = page.split('\n').filter((line) => /^\| `[^`]+` +\|/.test(line))
    const meaningless = rows.filter((row) => row.split(' | ')[3]?.trim() === '')
    expect(meaningless).toEqual([])
  })
})
