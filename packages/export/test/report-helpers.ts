import path from 'node:path'
import { buildTraceReport, type TraceReport } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'

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
