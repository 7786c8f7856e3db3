import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { diffKnowledgeBases } from '@realist-kb/core'
import { GitRevisionError, loadDirectory, loadGitRevision } from '@realist-kb/core/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/** A small base, version 1: files by path. */
const version1: Record<string, string> = {
  'review.md': '---\nkind: review\ntitle: A small review\nauthors: [Doe J]\nyear: 2024\n---\n',
  'groups/coherence.md': '---\nkind: group\nname: Coherence\n---\n',
  'audiences/public.md': '---\nkind: audience\nname: The public\n---\n',
  'cmocs/cmoc-1a.md':
    '---\nkind: cmoc\ntitle: Experience motivates\ngroup: coherence\ncontext: Staff who saw it.\nmechanism: They value it.\noutcome: Motivation.\n---\n',
  'cmocs/cmoc-1b.md':
    '---\nkind: cmoc\ntitle: Shared language\ngroup: coherence\ncontext: Teams.\nmechanism: Common words.\noutcome: Fewer misunderstandings.\n---\n',
  'recommendations/rec-1-1.md':
    '---\nkind: recommendation\ngroup: coherence\ntext: Train together.\naudiences: [public]\ncmocs: [cmoc-1a, cmoc-1b]\n---\n',
  'studies/doe-2020.md':
    '---\nkind: study\ncitation:\n  authors: [Doe J]\n  year: 2020\n  title: First\nevidence:\n  - cmocs: [cmoc-1a]\n    relation: supports\n    point: Staff valued it.\n---\n',
  'studies/roe-2021.md':
    '---\nkind: study\ncitation:\n  authors: [Roe R]\n  year: 2021\n  title: Second\nevidence:\n  - cmocs: [cmoc-1b]\n    relation: supports\n    point: Words mattered.\n---\n',
  'studies/poe-2019.md':
    '---\nkind: study\ncitation:\n  authors: [Poe P]\n  year: 2019\n  title: Third\nevidence:\n  - cmocs: [cmoc-1b]\n    relation: refines\n    point: Only in teams.\n---\n',
}

/** Version 2: cmoc-1a gains a study, rec-1-1 loses cmoc-1b and infers cmoc-1a, a file is renamed. */
const version2: Record<string, string> = {
  ...version1,
  'cmocs/cmoc-1a.md': (version1['cmocs/cmoc-1a.md'] ?? '').replace(
    'Motivation.',
    'Motivation to integrate.',
  ),
  'recommendations/rec-1-1.md':
    '---\nkind: recommendation\ngroup: coherence\ntext: Train together.\naudiences: [public]\ncmocs:\n  - id: cmoc-1a\n    basis: inferred\n    rationale: Same wording.\n---\n',
  'studies/roe-2021.md':
    '---\nkind: study\ncitation:\n  authors: [Roe R]\n  year: 2021\n  title: Second\nevidence:\n  - cmocs: [cmoc-1b]\n    relation: supports\n    point: Words mattered.\n  - cmocs: [cmoc-1a]\n    relation: supports\n    point: Colleagues persuaded them.\n---\n',
}

let repo: string
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

function writeVersion(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, 'content', file)), { recursive: true })
    writeFileSync(path.join(repo, 'content', file), text)
  }
}

/** Every file of the repository (working tree and .git) with its bytes. */
function snapshot(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`
    if (entry.isDirectory())
      Object.assign(out, snapshot(path.join(dir, entry.name), `${relative}/`))
    else out[relative] = readFileSync(path.join(dir, entry.name)).toString('base64')
  }
  return out
}

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'rkb-diff-'))
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'test@example.org')
  git('config', 'user.name', 'Test')
  writeVersion(version1)
  git('add', '.')
  git('commit', '-q', '-m', 'v1')
  writeVersion(version2)
  git('mv', 'content/studies/poe-2019.md', 'content/studies/poe-2019-report.md')
  git('add', '.')
  git('commit', '-q', '-m', 'v2')
  // An uncommitted edit: the working tree is the default new side.
  writeFileSync(
    path.join(repo, 'content/audiences/staff.md'),
    '---\nkind: audience\nname: Staff\n---\n',
  )
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
      },
    ])
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
})
