import path from 'node:path'
import { type WriteContent, WriteRefusedError, writeFileAtomic } from '@realist-kb/core/node'
import { UsageError } from './io.js'

/** Options of {@link writeOutput}. */
export interface WriteOutputOptions {
  /** Replace a regular file realist-kb did not write. Links and devices are never replaced. */
  readonly force: boolean
  /** The folder a relative `target` is resolved against (default: the process's folder). */
  readonly cwd?: string | undefined
}

/**
 * Write a command's output file (`--out`) through the one atomic writer of
 * `@realist-kb/core/node`, keeping the outputs ledger beside it: a file realist-kb wrote and
 * nobody edited since is regenerated freely, anything else needs `force`; a link, folder,
 * device, FIFO, socket or terminal at `target`, a path ending in a separator and the ledger's own
 * name are refused. Content may be text, bytes or an iterable of chunks (streamed).
 *
 * Throws {@link UsageError} when it refuses or when the file cannot be written (no permission, a
 * file where a folder should be): the user chose the path, so the command exits 2 with the
 * message.
 *
 * @example
 * ```ts
 * import { writeOutput } from './write-output.js'
 * await writeOutput('out/graph.gexf', gexf, { force: false, cwd: io.cwd })
 * ```
 */
export async function writeOutput(
  target: string,
  content: WriteContent,
  options: Readonly<WriteOutputOptions>,
): Promise<void> {
  // Resolving drops a trailing separator, which must still be refused: keep it.
  const trailing = /[\\/]$/.test(target) ? path.sep : ''
  const absolute = path.resolve(options.cwd ?? process.cwd(), target) + trailing
  try {
    await writeFileAtomic(absolute, content, { force: options.force, ledger: true })
  } catch (error) {
    if (error instanceof WriteRefusedError)
      throw new UsageError(
        error.reason === 'exists' ? `${error.message}: use --force to overwrite it` : error.message,
      )
    throw new UsageError(`Cannot write \`${absolute}\`: ${describe(error)}`)
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOTDIR') return 'a file stands where a folder is needed'
  if (code === 'EROFS') return 'the file system is read-only'
  if (code === 'ENOSPC') return 'no space left on the device'
  return error instanceof Error ? error.message : String(error)
}
