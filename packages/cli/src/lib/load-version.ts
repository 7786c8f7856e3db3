import type { KnowledgeBase } from '@realist-kb/core'
import { GitRevisionError, loadVersion } from '@realist-kb/core/node'
import { UsageError } from './io.js'

/**
 * Load a content folder or a git revision (see `loadVersion`); a revision or folder that is
 * neither is the user's mistake: a usage error, exit 2.
 */
export async function loadVersionArgument(
  cwd: string,
  version: string,
  folder: string,
): Promise<KnowledgeBase> {
  try {
    return await loadVersion(cwd, version, folder)
  } catch (error) {
    if (error instanceof GitRevisionError) throw new UsageError(error.message)
    throw error
  }
}
