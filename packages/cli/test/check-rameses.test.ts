import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { describe, expect, it } from 'vitest'
import { memoryIo } from './cli-io.js'

const root = path.join(import.meta.dirname, '../../..')

describe('realist-kb check rameses', () => {
  it('prints the checklist of the bundled review: every check passes, item 7 is unaccounted', async () => {
    const io = memoryIo(root)
    expect(await main(['check', 'rameses', 'content'], io)).toBe(0)
    expect(io.out()).toContain(
      ' 8. Searching processes\n    reported at: Methods, "Study selection", para 1;',
    )
    expect(io.out()).toContain(
      '12. Document flow diagram\n    reported at: Results, para 1; Fig. 1\n    check: passed, a flow of documents to 164 included',
    )
    expect(io.out()).toContain(' 7. Scoping the literature\n    reported at: not stated\n')
    expect(io.out()).toContain(
      '0 automatic checks failed; 1 items neither stated nor shown (items 7).',
    )
  })

  it('exits 1 when an automatic check fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rkb-rameses-'))
    try {
      cpSync(path.join(root, 'content'), dir, { recursive: true })
      const review = path.join(dir, 'review.md')
      writeFileSync(review, readFileSync(review, 'utf8').replace(': a realist synthesis', ''))
      const io = memoryIo(root)
      expect(await main(['check', 'rameses', dir], io)).toBe(1)
      expect(io.out()).toContain(' 1. Title\n    reported at: Title\n    check: failed')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('gives the same checklist as versioned JSON', async () => {
    const io = memoryIo(root)
    await main(['check', 'rameses', 'content', '--format', 'json'], io)
    const json = JSON.parse(io.out())
    expect(json.version).toBe(1)
    expect(json.rows).toHaveLength(19)
    expect(json.failed).toEqual([])
    expect(json.unaccounted).toEqual([7])
  })

  it('names the standard it checks, or exits 2', async () => {
    const io = memoryIo(root)
    expect(await main(['check', 'consort', 'content'], io)).toBe(2)
    expect(io.err()).toContain('Unexpected standard `consort`, expected one of rameses')
  })
})
