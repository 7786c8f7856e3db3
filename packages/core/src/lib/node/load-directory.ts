import type { KnowledgeBase } from '../graph/types.js'
import { ContentFolder, type LoadDirectoryOptions } from './content-folder.js'

/**
 * Read every content file under `directory` and build the knowledge base: a
 * {@link ContentFolder} opened for one look. Never throws for content problems: unreadable files,
 * symlinks leading outside the folder and files too large to read become diagnostics like any
 * other.
 *
 * @example
 * ```ts
 * import { loadDirectory } from '@realist-kb/core/node'
 * const kb = await loadDirectory('content')
 * console.log(kb.graph.order, kb.diagnostics.length)
 * ```
 */
export async function loadDirectory(
  directory: string,
  options?: Readonly<LoadDirectoryOptions> | null,
): Promise<KnowledgeBase> {
  return (await ContentFolder.open(directory, options)).knowledgeBase
}
