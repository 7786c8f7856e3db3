import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { diffKnowledgeBases, loadFromMemory } from '@realist-kb/core'
import { GitRevisionError, loadDirectory, loadGitRevision } from '@realist-kb/core/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTwoVersionRepo, snapshot, version1, version2 } from './helpers/two-version-repo.js'

let repo: string

beforeAll(() => {
  repo = createTwoVersionRepo()
})

afterAll(() => rmSync(repo, { recursive: true, force: true }))

describe('diffKnowledgeBases between two git revisions', () => {
  it('reports what each recommendation and CMOC gained and lost, and renames once', async () => {
    const before = snapshot(repo)
    const diff = diffKnowledgeBases(
      await loadGitRevision(repo, 'HEAD~1', 'content'),
      await loadGitRevision(repo, 'HEAD', 'content'),
    )
    expect(snapshot(repo)).toEqual(before)

    expect(diff.entities.added).toEqual([
      {
        kind: 'evidence',
        id: 'roe-2021-e2',
        file: 'studies/roe-2021.md',
        title: expect.any(String),
      },
    ])
    expect(diff.entities.removed).toEqual([])
    expect(diff.entities.renamed).toEqual([
      {
        kind: 'study',
        from: { kind: 'study', id: 'poe-2019', file: 'studies/poe-2019.md', title: 'Third' },
        to: {
          kind: 'study',
          id: 'poe-2019-report',
          file: 'studies/poe-2019-report.md',
          title: 'Third',
        },
      },
    ])

    expect(diff.recommendations).toEqual([
      {
        id: 'rec-1-1',
        title: 'Train together.',
        cmocs: { gained: [], lost: ['cmoc-1b'] },
        evidence: { gained: ['roe-2021-e2'], lost: ['poe-2019-report-e1', 'roe-2021-e1'] },
        studies: { gained: [], lost: ['poe-2019-report'] },
        basis: [{ target: 'cmoc-1a', from: 'stated', to: 'inferred' }],
        confidence: [{ cmoc: 'cmoc-1a', from: 'moderate', to: 'low' }],
      },
    ])
    expect(diff.cmocs).toEqual([
      {
        id: 'cmoc-1a',
        title: 'Experience motivates',
        evidence: { gained: ['roe-2021-e2'], lost: [] },
        studies: { gained: ['roe-2021'], lost: [] },
        basis: [],
        parts: [{ part: 'outcome', from: ['Motivation.'], to: ['Motivation to integrate.'] }],
        confidence: [
          { aspect: 'overall', from: 'moderate', to: 'low' },
          {
            aspect: 'adequacy',
            from: 'minor',
            to: 'moderate',
            explanation: { from: ['One rich study.'], to: ['Two thin studies.'] },
          },
        ],
        links: [{ relation: 'leadsTo', gained: ['cmoc-1b'], lost: [] }],
      },
      {
        id: 'cmoc-1b',
        title: 'Shared language',
        evidence: { gained: [], lost: [] },
        studies: { gained: [], lost: [] },
        basis: [],
        parts: [],
        status: { aspect: 'status', from: 'complete', to: 'incomplete' },
        confidence: [],
        links: [],
      },
    ])
    expect(diff.studies).toEqual([
      {
        id: 'doe-2020',
        title: 'First',
        appraisal: [
          {
            aspect: 'rigour',
            from: 'moderate',
            to: 'low',
            explanation: { from: ['Methods reported.'], to: ['Methods barely reported.'] },
          },
        ],
      },
    ])
    expect(diff.acknowledgements).toEqual([
      {
        kind: 'cmoc',
        id: 'cmoc-1a',
        title: 'Experience motivates',
        gained: [],
        lost: ['single-study-cmoc'],
        reworded: [],
      },
    ])
  })

  it('reports a judgement assessed for the first time, a study excluded and a reason reworded', () => {
    const load = (files: Record<string, string | undefined>) =>
      loadFromMemory(
        Object.entries(files).flatMap(([path, text]) =>
          text === undefined ? [] : [{ path, text }],
        ),
      )
    const before = load(version2)
    const after = load({
      ...version2,
      'cmocs/cmoc-1b.md': version2['cmocs/cmoc-1b.md']?.replace(
        'status: incomplete',
        'confidence:\n  coherence: { concern: serious, explanation: Teams disagree. }',
      ),
      'studies/roe-2021.md': version2['studies/roe-2021.md']?.replace(
        'title: Second',
        'title: Second\ninclusion: { status: excluded, basis: Out of scope. }',
      ),
      'cmocs/cmoc-1a.md': version2['cmocs/cmoc-1a.md']?.replace(
        'leadsTo: [cmoc-1b]',
        'conflictsWith: [cmoc-1b]',
      ),
    })
    const diff = diffKnowledgeBases(before, after)
    const cmoc1b = diff.cmocs.find((change) => change.id === 'cmoc-1b')
    expect(cmoc1b?.status).toEqual({ aspect: 'status', from: 'incomplete', to: 'complete' })
    expect(cmoc1b?.confidence).toEqual([
      {
        aspect: 'coherence',
        from: null,
        to: 'serious',
        explanation: { from: [], to: ['Teams disagree.'] },
      },
    ])
    expect(diff.cmocs.find((change) => change.id === 'cmoc-1a')?.links).toEqual([
      { relation: 'leadsTo', gained: [], lost: ['cmoc-1b'] },
      { relation: 'conflictsWith', gained: ['cmoc-1b'], lost: [] },
    ])
    expect(diff.studies).toEqual([
      {
        id: 'roe-2021',
        title: 'Second',
        appraisal: [],
        inclusion: {
          aspect: 'inclusion',
          from: null,
          to: 'excluded',
          explanation: { from: [], to: ['Out of scope.'] },
        },
      },
    ])
    const reworded = diffKnowledgeBases(
      load(version1),
      load({
        ...version1,
        'cmocs/cmoc-1a.md': version1['cmocs/cmoc-1a.md']?.replace('so far', 'to date'),
      }),
    )
    expect(reworded.acknowledgements).toEqual([
      expect.objectContaining({
        id: 'cmoc-1a',
        gained: [],
        lost: [],
        reworded: ['single-study-cmoc'],
      }),
    ])
    expect(reworded.cmocs).toEqual([])
  })

  it('reads the working tree as the new side and leaves it untouched', async () => {
    const before = snapshot(repo)
    const diff = diffKnowledgeBases(
      await loadGitRevision(repo, 'HEAD', 'content'),
      await loadDirectory(path.join(repo, 'content')),
    )
    expect(snapshot(repo)).toEqual(before)
    expect(diff.entities.added.map((entity) => entity.id)).toEqual(['staff'])
    expect(diff.recommendations).toEqual([])
    expect(diff.cmocs).toEqual([])
  })

  it('refuses a revision git does not know, by name', async () => {
    await expect(loadGitRevision(repo, 'no-such-tag', 'content')).rejects.toBeInstanceOf(
      GitRevisionError,
    )
    await expect(loadGitRevision(repo, 'HEAD', 'no-such-folder')).rejects.toBeInstanceOf(
      GitRevisionError,
    )
  })

  it('reports files of a revision that are too large or not UTF-8, as a folder does', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'rkb-git-files-'))
    try {
      const git = (...args: string[]) => execFileSync('git', args, { cwd: other, stdio: 'ignore' })
      git('init', '-q')
      mkdirSync(path.join(other, 'content/cmocs'), { recursive: true })
      writeFileSync(path.join(other, 'content/review.md'), version1['review.md'] ?? '')
      writeFileSync(path.join(other, 'content/cmocs/huge.md'), 'x'.repeat(5 * 1024 * 1024))
      writeFileSync(path.join(other, 'content/cmocs/latin.md'), Buffer.from([0x2d, 0xff, 0xfe]))
      git('add', '.')
      git('-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-q', '-m', 'v1')
      const kb = await loadGitRevision(other, 'HEAD', 'content')
      expect(kb.diagnostics.map((d) => [d.file, d.name])).toEqual(
        expect.arrayContaining([
          ['cmocs/huge.md', 'file-too-large'],
          ['cmocs/latin.md', 'unreadable-file'],
        ]),
      )
      expect(kb.graph.hasNode(kb.graph.getAttribute('review') ?? '')).toBe(true)
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })

  it('follows a renamed CMOC: its recommendation loses nothing, the rename is reported once', () => {
    const files = (cmocPath: string, cmocId: string) =>
      loadFromMemory(
        Object.entries({
          ...version1,
          'cmocs/cmoc-1b.md': undefined,
          [cmocPath]: version1['cmocs/cmoc-1b.md'],
          'recommendations/rec-1-1.md': version1['recommendations/rec-1-1.md']?.replace(
            'cmoc-1b',
            cmocId,
          ),
          'studies/roe-2021.md': version1['studies/roe-2021.md']?.replace('cmoc-1b', cmocId),
          'studies/poe-2019.md': version1['studies/poe-2019.md']?.replace('cmoc-1b', cmocId),
        }).flatMap(([path, text]) => (text === undefined ? [] : [{ path, text }])),
      )
    const diff = diffKnowledgeBases(
      files('cmocs/cmoc-1b.md', 'cmoc-1b'),
      files('cmocs/shared-language.md', 'shared-language'),
    )
    expect(diff.entities.renamed.map((r) => [r.from.id, r.to.id])).toEqual([
      ['cmoc-1b', 'shared-language'],
    ])
    expect(diff.entities.added).toEqual([])
    expect(diff.entities.removed).toEqual([])
    expect(diff.recommendations).toEqual([])
  })
})
