import { rmSync } from 'node:fs'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTwoVersionRepo, snapshot } from '../../core/test/helpers/two-version-repo.js'
import { memoryIo } from './cli-io.js'

let repo: string

beforeAll(() => {
  repo = createTwoVersionRepo()
})

afterAll(() => rmSync(repo, { recursive: true, force: true }))

describe('realist-kb diff', () => {
  it('prints per recommendation and per CMOC what changed, as text', async () => {
    const before = snapshot(repo)
    const io = memoryIo(repo)
    expect(await main(['diff', 'HEAD~1', 'HEAD'], io)).toBe(0)
    expect(snapshot(repo)).toEqual(before)
    const out = io.out()
    expect(out).toContain('Changes from HEAD~1 to HEAD\n')
    expect(out).toContain(
      'Renamed\n  study poe-2019 -> poe-2019-report (studies/poe-2019.md -> studies/poe-2019-report.md)\n',
    )
    expect(out).toContain('Recommendation rec-1-1: Train together.\n  CMOCs lost: cmoc-1b\n')
    expect(out).toContain('  basis of cmoc-1a: stated -> inferred\n')
    expect(out).toContain(
      'CMOC cmoc-1a: Experience motivates\n  outcome was: Motivation.\n  outcome now: Motivation to integrate.\n  evidence gained: roe-2021-e2\n  studies gained: roe-2021\n',
    )
  })

  it('prints judgement changes: confidence, links, status, appraisal and acknowledged gaps', async () => {
    const text = memoryIo(repo)
    expect(await main(['diff', 'HEAD~1', 'HEAD'], text)).toBe(0)
    expect(text.out()).toContain('  confidence of cmoc-1a: moderate -> low\n')
    expect(text.out()).toContain(
      '  now leads to: cmoc-1b\n  confidence overall: moderate -> low\n  confidence adequacy: minor -> moderate, explanation now: Two thin studies.\n',
    )
    expect(text.out()).toContain(
      'CMOC cmoc-1b: Shared language\n  status: complete -> incomplete\n',
    )
    expect(text.out()).toContain(
      'Study doe-2020: First\n  appraisal rigour: moderate -> low, explanation now: Methods barely reported.\n',
    )
    expect(text.out()).toContain(
      'Acknowledged gaps\n  cmoc cmoc-1a no longer acknowledges: single-study-cmoc\n',
    )

    const md = memoryIo(repo)
    expect(await main(['diff', 'HEAD~1', 'HEAD', '--format', 'md'], md)).toBe(0)
    expect(md.out()).toContain('## Study doe-2020: First\n\n- appraisal rigour: moderate -&gt; low')
    expect(md.out()).toContain('- confidence of cmoc-1a: moderate -&gt; low\n')

    const json = memoryIo(repo)
    expect(await main(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], json)).toBe(0)
    const parsed = JSON.parse(json.out())
    expect(parsed.studies).toEqual([
      expect.objectContaining({
        id: 'doe-2020',
        appraisal: [expect.objectContaining({ aspect: 'rigour', from: 'moderate', to: 'low' })],
      }),
    ])
    expect(parsed.cmocs[1]).toMatchObject({
      id: 'cmoc-1b',
      status: { from: 'complete', to: 'incomplete' },
    })
    expect(parsed.acknowledgements).toEqual([
      expect.objectContaining({ id: 'cmoc-1a', lost: ['single-study-cmoc'] }),
    ])

    const html = memoryIo(repo)
    expect(await main(['report', 'content', '--since', 'HEAD~1'], html)).toBe(0)
    expect(html.out()).toContain('<a href="#kb-doe-2020">Study doe-2020: First</a>')
    expect(html.out()).toContain('<li>confidence overall: moderate -&gt; low</li>')
    expect(html.out()).toContain('<li>cmoc cmoc-1a no longer acknowledges: single-study-cmoc</li>')
  })

  it('compares a revision with the working tree by default, in versioned JSON', async () => {
    const io = memoryIo(repo)
    expect(await main(['diff', 'HEAD', '--format', 'json'], io)).toBe(0)
    const json = JSON.parse(io.out())
    expect(json).toMatchObject({ version: 1, from: 'HEAD', to: 'content (working tree)' })
    expect(json.entities.added.map((entity: { id: string }) => entity.id)).toEqual(['staff'])
  })

  it('compares two folders, in Markdown; no change still exits 0', async () => {
    const io = memoryIo(repo)
    expect(await main(['diff', 'content', 'content', '--format', 'md'], io)).toBe(0)
    expect(io.out()).toBe('# Changes from content to content\n\nNo changes.\n')
  })

  it('exits 2 for a bad revision or folder', async () => {
    const bad = memoryIo(repo)
    expect(await main(['diff', 'no-such-tag'], bad)).toBe(2)
    expect(bad.err()).toContain('Unexpected revision `no-such-tag`')
    const outside = memoryIo(path.dirname(repo))
    expect(await main(['diff', 'HEAD', '--dir', 'nowhere'], outside)).toBe(2)
  })

  it("adds a What's new section to the HTML report with --since", async () => {
    const io = memoryIo(repo)
    expect(await main(['report', 'content', '--since', 'HEAD~1'], io)).toBe(0)
    const html = io.out()
    expect(html).toContain('<h2 id="rkb-whats-new">What&#39;s new</h2>')
    expect(html).toContain('<a href="#kb-rec-1-1">Recommendation rec-1-1: Train together.</a>')
    expect(html).toContain('<li>CMOCs lost: cmoc-1b</li>')
    const md = memoryIo(repo)
    expect(await main(['report', 'content', '--since', 'HEAD~1', '--format', 'md'], md)).toBe(0)
    expect(md.out()).toContain("## What's new\n\nChanges since HEAD~1.\n")
    expect(md.out()).toContain(
      '### [Recommendation rec-1-1: Train together.](#rec-1-1)\n\n- CMOCs lost: cmoc-1b\n',
    )
    const plain = memoryIo(repo)
    await main(['report', 'content'], plain)
    expect(plain.out()).not.toContain('rkb-whats-new')
  })
})
