import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { KnowledgeBase } from '../../graph/types.js'
import type { LoadDirectoryOptions } from '../content-folder.js'
import { loadDirectory } from '../load-directory.js'
import { loadGitRevision } from './read-git-revision.js'

/**
 * Load one side of a comparison: `version` is a content folder when one exists at that path
 * (relative to `cwd`), else a git revision of the repository around `cwd`, whose `folder` is
 * read from the object store (see {@link loadGitRevision}). Throws `GitRevisionError` when it is
 * neither.
 *
 * @example
 * ```ts
 * import { diffKnowledgeBases, loadVersion } from '@realist-kb/core/node'
 * const diff = diffKnowledgeBases(
 *   await loadVersion(process.cwd(), 'v1.0', 'content'),
 *   await loadVersion(process.cwd(), 'content', 'content'),
 * )
 * ```
 */
export async function loadVersion(
  cwd: string,
  version: string,
  folder: string,
  options?: Readonly<LoadDirectoryOptions> | null,
): Promise<KnowledgeBase> {
  const absolute = path.resolve(cwd, version)
  const isFolder = await stat(absolute).then(
    (found) => found.isDirectory(),
    () => false,
  )
  return isFolder
    ? loadDirectory(absolute, options)
    : loadGitRevision(cwd, version, folder, options)
}
