import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { afterAll, describe, expect, it } from 'vitest'
import { version1 } from '../../core/test/helpers/two-version-repo.js'
import { memoryIo } from './cli-io.js'

const dir = mkdtempSync(path.join(tmpdir(), 'rkb-flow-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function writeBase(review: string): void {
  for (const [file, text] of Object.entries({ ...version1, 'review.md': review })) {
    mkdirSync(path.dirname(path.join(dir, 'content', file)), { recursive: true })
    writeFileSync(path.join(dir, 'content', file), text)
  }
}

describe('the PRISMA 2020 flow from the command line', () => {
  it('export --format prisma-csv writes the figures of review.md; the report draws them', async () => {
    writeBase(
      '---\nkind: review\ntitle: A small review\nauthors: [Doe J]\nyear: 2024\nreported:\n  figures:\n    - { label: Records screened, value: 300, stage: screened }\n    - { label: Documents included, value: 3, stage: included }\n---\n',
    )
    const io = memoryIo(dir)
    expect(await main(['export', 'content', '--format', 'prisma-csv'], io)).toBe(0)
    // Read back in full by the export package's tests; here, that the command writes it.
    expect(io.out()).toMatch(/^records_screened,.*,300$/m)
    expect(io.out()).toMatch(/^new_studies,.*,3$/m)
    expect(io.out()).toMatch(/^dbr_assessed,.*,NA$/m)

    const report = memoryIo(dir)
    expect(await main(['report', 'content'], report)).toBe(0)
    expect(report.out()).toContain('<h2 id="rkb-flow">Flow of documents</h2>')
  })

  it('refuses a stage outside the vocabulary, with its place', async () => {
    writeBase(
      '---\nkind: review\ntitle: A small review\nauthors: [Doe J]\nyear: 2024\nreported:\n  figures:\n    - { label: Screened, value: 300, stage: screening }\n---\n',
    )
    const io = memoryIo(dir)
    expect(await main(['validate', 'content'], io)).toBe(1)
    expect(io.out()).toMatch(
      / {2}8:45-8:54 +error +Unexpected `screening` in `reported\.figures\[0\]\.stage`/,
    )
    expect(io.out()).toContain('hint: did you mean `screened`?')
  })
})
