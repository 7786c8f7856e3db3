import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** A small base, version 1: files by path. */
export const version1: Record<string, string> = {
  'review.md': '---\nkind: review\ntitle: A small review\nauthors: [Doe J]\nyear: 2024\n---\n',
  'groups/coherence.md':
    '---\nkind: group\nname: Coherence\ndescription: Making sense of the work.\n---\n',
  'audiences/public.md': '---\nkind: audience\nname: The public\n---\n',
  'cmocs/cmoc-1a.md': [
    '---',
    'kind: cmoc',
    'title: Experience motivates',
    'group: coherence',
    'context: Staff who saw it.',
    'mechanism: They value it.',
    'outcome: Motivation.',
    'confidence:',
    '  adequacy: { concern: minor, explanation: One rich study. }',
    '  overall: { level: moderate, explanation: Thin but consistent. }',
    'acknowledged:',
    '  - { gap: single-study-cmoc, reason: Only one study so far. }',
    '---',
    '',
  ].join('\n'),
  'cmocs/cmoc-1b.md':
    '---\nkind: cmoc\ntitle: Shared language\ngroup: coherence\ncontext: Teams.\nmechanism: Common words.\noutcome: Fewer misunderstandings.\n---\n',
  'recommendations/rec-1-1.md':
    '---\nkind: recommendation\ngroup: coherence\ntext: Train together.\naudiences: [public]\ncmocs: [cmoc-1a, cmoc-1b]\n---\n',
  'studies/doe-2020.md':
    '---\nkind: study\ncitation:\n  authors: [Doe J]\n  year: 2020\n  title: First\nappraisal:\n  rigour: { level: moderate, justification: Methods reported. }\nevidence:\n  - cmocs: [cmoc-1a]\n    relation: supports\n    point: Staff valued it.\n---\n',
  'studies/roe-2021.md':
    '---\nkind: study\ncitation:\n  authors: [Roe R]\n  year: 2021\n  title: Second\nevidence:\n  - cmocs: [cmoc-1b]\n    relation: supports\n    point: Words mattered.\n---\n',
  'studies/poe-2019.md':
    '---\nkind: study\ncitation:\n  authors: [Poe P]\n  year: 2019\n  title: Third\nevidence:\n  - cmocs: [cmoc-1b]\n    relation: refines\n    point: Only in teams.\n---\n',
}

/**
 * Version 2: cmoc-1a gains a study, rec-1-1 loses cmoc-1b and infers cmoc-1a, a file is renamed;
 * and judgements change: cmoc-1a's confidence drops and it now leads to cmoc-1b, its single-study
 * acknowledgement goes, cmoc-1b becomes incomplete, doe-2020's rigour is downgraded.
 */
export const version2: Record<string, string> = {
  ...version1,
  'cmocs/cmoc-1a.md': (version1['cmocs/cmoc-1a.md'] ?? '')
    .replace('Motivation.', 'Motivation to integrate.\nleadsTo: [cmoc-1b]')
    .replace(
      'concern: minor, explanation: One rich study.',
      'concern: moderate, explanation: Two thin studies.',
    )
    .replace('level: moderate, explanation: Thin', 'level: low, explanation: Thin')
    .replace(/acknowledged:\n.*\n/, ''),
  'cmocs/cmoc-1b.md': (version1['cmocs/cmoc-1b.md'] ?? '').replace(
    'group: coherence',
    'group: coherence\nstatus: incomplete',
  ),
  'studies/doe-2020.md': (version1['studies/doe-2020.md'] ?? '').replace(
    'level: moderate, justification: Methods reported.',
    'level: low, justification: Methods barely reported.',
  ),
  'recommendations/rec-1-1.md':
    '---\nkind: recommendation\ngroup: coherence\ntext: Train together.\naudiences: [public]\ncmocs:\n  - id: cmoc-1a\n    basis: inferred\n    rationale: Same wording.\n---\n',
  'studies/roe-2021.md':
    '---\nkind: study\ncitation:\n  authors: [Roe R]\n  year: 2021\n  title: Second\nevidence:\n  - cmocs: [cmoc-1b]\n    relation: supports\n    point: Words mattered.\n  - cmocs: [cmoc-1a]\n    relation: supports\n    point: Colleagues persuaded them.\n---\n',
}

function writeVersion(repo: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, 'content', file)), { recursive: true })
    writeFileSync(path.join(repo, 'content', file), text)
  }
}

/** Every file of the repository (working tree and .git) with its bytes. */
export function snapshot(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`
    if (entry.isDirectory())
      Object.assign(out, snapshot(path.join(dir, entry.name), `${relative}/`))
    else out[relative] = readFileSync(path.join(dir, entry.name)).toString('base64')
  }
  return out
}

/**
 * A git repository in a temporary folder with two commits of a small base under `content/`
 * (see {@link version1} and {@link version2}; `poe-2019.md` is renamed by the second) and one
 * uncommitted new audience. Returns its path; the caller removes it.
 */
export function createTwoVersionRepo(): string {
  const repo = mkdtempSync(path.join(tmpdir(), 'rkb-diff-'))
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'test@example.org')
  git('config', 'user.name', 'Test')
  git('config', 'commit.gpgsign', 'false')
  writeVersion(repo, version1)
  git('add', '.')
  git('commit', '-q', '-m', 'v1')
  writeVersion(repo, version2)
  git('mv', 'content/studies/poe-2019.md', 'content/studies/poe-2019-report.md')
  git('add', '.')
  git('commit', '-q', '-m', 'v2')
  // An uncommitted edit: the working tree is the default new side.
  writeFileSync(
    path.join(repo, 'content/audiences/staff.md'),
    '---\nkind: audience\nname: Staff\n---\n',
  )
  return repo
}
