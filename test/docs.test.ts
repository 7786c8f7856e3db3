import { readFile } from 'node:fs/promises'
import { catalogue } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
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
