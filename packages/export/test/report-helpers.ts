import { readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  buildTraceReport,
  type KnowledgeBase,
  loadFromMemory,
  type TraceReport,
} from '@realist-kb/core'
import { listContentFiles, loadDirectory } from '@realist-kb/core/node'

/** Root of the repository, for the bundled review in content/. */
export const repositoryRoot = path.resolve(import.meta.dirname, '../../..')

/** Trace report of a fixture under packages/core/test/fixtures or packages/export/test/fixtures. */
export async function fixtureReport(
  name: string,
  from: 'core' | 'export' = 'core',
): Promise<TraceReport> {
  const base =
    from === 'core'
      ? path.join(repositoryRoot, 'packages/core/test/fixtures')
      : path.join(import.meta.dirname, 'fixtures')
  return buildTraceReport(await loadDirectory(path.join(base, name)))
}

/** Trace report of the bundled review. */
export async function bundledReport(): Promise<TraceReport> {
  return buildTraceReport(await loadDirectory(path.join(repositoryRoot, 'content')))
}

/**
 * The valid fixture plus a recommendation whose group does not exist: a report must still
 * list it (under no group).
 */
export async function looseEndsKnowledgeBase(): Promise<KnowledgeBase> {
  const folder = path.join(repositoryRoot, 'packages/core/test/fixtures/valid')
  const { files } = await listContentFiles(folder)
  const sources = await Promise.all(
    files.map(async (file) => ({
      path: file,
      text: await readFile(path.join(folder, file), 'utf8'),
    })),
  )
  sources.push({
    path: 'recommendations/rec-9-9.md',
    text: '---\nkind: recommendation\ngroup: nowhere\ntext: Loose end.\naudiences: [public]\ncmocs: [cmoc-1a]\n---\n',
  })
  const kb = loadFromMemory(sources)
  const report = buildTraceReport(kb)
  if (!report.recommendations.some((rec) => rec.id === 'rec-9-9' && rec.group === undefined))
    throw new Error('Unexpected report: rec-9-9 should be listed without a group')
  return kb
}
