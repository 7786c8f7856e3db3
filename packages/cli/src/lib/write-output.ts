import { randomBytes } from 'node:crypto'
import { link, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from './io.js'
import { isOwnOutput, recordOutput } from './output-ledger.js'

/** Options of {@link writeOutput}. */
export interface WriteOutputOptions {
  /** Replace the file if it exists. Without it an existing file is never touched. */
  readonly force: boolean
}

/**
 * Write a command's output file safely. Parent folders are created. The content goes to a
 * temporary file in the same folder first, so that no reader, and no interrupted run, ever sees a
 * half-written file. Without `force` the temporary file is then hard-linked to `target`, which
 * fails if anything already exists there (checked and claimed in one step, so no race can
 * overwrite a file created in between); with `force`, or when `target` still holds exactly what
 * realist-kb last wrote there (recorded with its hash in a ledger beside it, so regenerating a
 * report works), it is renamed over `target`, replacing it atomically. Pass an absolute path (a relative one is resolved against the process's folder).
 *
 * Throws {@link UsageError} when it refuses (the target exists and `force` is off, or the target is
 * a folder) or when the file cannot be written (no permission, a file where a folder should be):
 * the caller chose the path, so the command exits 2 with the message.
 *
 * @example
 * ```ts
 * import { writeOutput } from './write-output.js'
 * await writeOutput('/tmp/kb/graph.gexf', gexf, { force: false })
 * ```
 */
export async function writeOutput(
  target: string,
  content: string | Uint8Array,
  options: Readonly<WriteOutputOptions>,
): Promise<void> {
  const existing = await lstat(target).catch(() => undefined)
  if (existing?.isDirectory())
    throw new UsageError(`Unexpected output \`${target}\`: it is a folder, expected a file path`)
  // A file realist-kb wrote and nobody edited since may be regenerated; anything else needs --force.
  const replace = existing !== undefined && (options.force || (await isOwnOutput(target)))
  if (existing && !replace) throw refusal(target)
  const folder = path.dirname(target)
  const temporary = path.join(
    folder,
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  )
  try {
    await mkdir(folder, { recursive: true })
    await writeFile(temporary, content, { flag: 'wx' })
    if (replace) await rename(temporary, target)
    else await claim(temporary, target)
    await recordOutput(target, content)
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`Cannot write \`${target}\`: ${describe(error)}`)
  } finally {
    // Gone already after a rename; a second name after a link. Never let cleanup hide the cause.
    await rm(temporary, { force: true }).catch(() => undefined)
  }
}

// Move the finished temporary file to `target` only if nothing is there.
async function claim(temporary: string, target: string): Promise<void> {
  try {
    await link(temporary, target)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw refusal(target)
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS')
      throw error
    if (await lstat(target).catch(() => undefined)) throw refusal(target)
    await rename(temporary, target)
  }
}

function refusal(target: string): UsageError {
  return new UsageError(
    `Unexpected existing file \`${target}\`, expected a new path: use --force to overwrite it`,
  )
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOTDIR') return 'a file stands where a folder is needed'
  if (code === 'EROFS') return 'the file system is read-only'
  if (code === 'ENOSPC') return 'no space left on the device'
  return error instanceof Error ? error.message : String(error)
}
