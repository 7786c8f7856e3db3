import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import { copyFile, link, lstat, open, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import { folderInside } from './folder-inside.js'
import { ledgerLockName, ledgerName, recordedHash, recordInLedger } from './ledger.js'
import { hashRegularFile, readRegularFile } from './read-regular.js'
import {
  done,
  isTemporaryName,
  sweepStaleTemporaries,
  temporaryName,
  trackUntilDone,
} from './temporaries.js'
import { WriteRefusedError } from './write-refused-error.js'

/**
 * One piece of content: text (written as UTF-8) or bytes.
 *
 * @example
 * ```ts
 * const chunks: WriteChunk[] = ['id,title\n', new TextEncoder().encode('cmoc-1a,Trust\n')]
 * ```
 */
export type WriteChunk = string | Uint8Array

/**
 * What {@link writeFileAtomic} writes: text, bytes, or an iterable (sync or async) of chunks, so
 * a large output can be written as it is produced instead of built whole in memory.
 *
 * @example
 * ```ts
 * function* rows(): Generator<string> {
 *   yield 'id,title\n'
 *   yield 'cmoc-1a,Trust\n'
 * }
 * const content: WriteContent = rows()
 * ```
 */
export type WriteContent = WriteChunk | Iterable<WriteChunk> | AsyncIterable<WriteChunk>

/**
 * Options of {@link writeFileAtomic}.
 *
 * @example
 * ```ts
 * const options: WriteFileOptions = { root: 'content', force: false }
 * ```
 */
export interface WriteFileOptions {
  /**
   * The folder the write must stay inside (default: the target's own folder). Every folder
   * between it and the target is walked without following a link out of it; missing folders are
   * created.
   */
  readonly root?: string | undefined
  /** Replace an existing regular file, whoever wrote it. Links and special files never are. */
  readonly force?: boolean | undefined
  /**
   * Keep the outputs ledger beside the target (`.realist-kb-outputs.json`): the file written is
   * recorded with its SHA-256, and a file the ledger records, unchanged since, may be replaced
   * without `force` (so regenerating a report works, and a file someone else wrote is kept).
   */
  readonly ledger?: boolean | undefined
  /**
   * Whether an existing regular file may be replaced, judged from its content (at most 16 MiB,
   * read without following a link): for files that carry a mark of their own.
   */
  readonly replaceIf?: ((current: Uint8Array) => boolean) | undefined
}

/** The most of an existing file read to let `replaceIf` judge it. */
const judgeLimit = 16 * 1024 * 1024
/** Content is written in blocks of about this size. */
const blockSize = 1024 * 1024

/**
 * Write a file atomically and safely, the one way realist-kb writes every file. The content goes
 * to a hidden temporary file in the target's folder, is flushed to disk (`fdatasync`), then takes the
 * target's name in one step: a reader, or an interrupted run, sees the old file or the new one,
 * never half of one. The temporary file is removed if the write fails, and on SIGTERM or SIGINT;
 * one left by a killed run is swept by the next write into that folder.
 *
 * Refused with a {@link WriteRefusedError} before anything is read or written: a path ending in a
 * separator; realist-kb's own ledger, lock or temporary names; a folder on the way that is a link
 * out of `root` or not a folder; a target that is a link, folder, FIFO, device, socket or
 * terminal (even with `force`); an existing file unless `force`, `ledger` or `replaceIf` allow
 * replacing it. Without those, the name is claimed with a hard link, which fails if anything
 * appeared there meanwhile. Other failures (no permission, disk full) reject with the system
 * error.
 *
 * @example
 * ```ts
 * import { writeFileAtomic } from '@realist-kb/core/node'
 * await writeFileAtomic('report/traceability.html', html, { ledger: true })
 * await writeFileAtomic('content/studies/doe-2020.md', text, { root: 'content' })
 * ```
 */
export async function writeFileAtomic(
  target: string,
  content: WriteContent,
  options?: Readonly<WriteFileOptions> | null,
): Promise<void> {
  const { folder, name } = await placeOf(target, options ?? {}, true)
  await sweepStaleTemporaries(folder)
  const file = path.join(folder, name)
  const replace = await mayReplace(file, folder, name, options ?? {})
  const hash = await writeThenMove(folder, name, content, replace)
  if (options?.ledger) await recordInLedger(folder, name, hash, replaceLedger)
}

/**
 * Check, without writing or creating anything, that {@link writeFileAtomic} would accept `target`
 * with these options: it throws the same {@link WriteRefusedError}. For a command that writes
 * several files and must refuse before the first.
 *
 * @example
 * ```ts
 * for (const name of names) await checkWriteTarget(path.join('schemas', name), { replaceIf })
 * ```
 */
export async function checkWriteTarget(
  target: string,
  options?: Readonly<WriteFileOptions> | null,
): Promise<void> {
  const { folder, name } = await placeOf(target, options ?? {}, false)
  await mayReplace(path.join(folder, name), folder, name, options ?? {})
}

/** The folder (walked, and created when `create`) and the file name of `target`. */
async function placeOf(
  target: string,
  options: Readonly<WriteFileOptions>,
  create: boolean,
): Promise<{ folder: string; name: string }> {
  if (/[\\/]$/.test(target))
    throw new WriteRefusedError(
      'folder-path',
      target,
      `Unexpected path \`${target}\` ending in a separator, expected a file name`,
    )
  const absolute = path.resolve(target)
  const name = path.basename(absolute)
  if (name === ledgerName || name === ledgerLockName || isTemporaryName(name))
    throw new WriteRefusedError(
      'reserved-name',
      target,
      `Unexpected path \`${target}\` naming realist-kb's own ${name === ledgerName ? 'ledger of outputs' : name === ledgerLockName ? 'ledger lock' : 'temporary file'}, expected another file name`,
    )
  const root = path.resolve(options.root ?? path.dirname(absolute))
  const relative = path.relative(root, path.dirname(absolute))
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative))
    throw new WriteRefusedError(
      'outside',
      target,
      `Unexpected path \`${target}\` outside \`${root}\`, expected a file inside it`,
    )
  return { folder: await folderInside(root, relative, create), name }
}

/**
 * Whether the write replaces what is at `file` (true) or claims a free name (false); throws when
 * what is there may not be replaced. Looks with `lstat`, so nothing is followed or read before a
 * link or special file is refused.
 */
async function mayReplace(
  file: string,
  folder: string,
  name: string,
  options: Readonly<WriteFileOptions>,
): Promise<boolean> {
  let info: Awaited<ReturnType<typeof lstat>>
  try {
    info = await lstat(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
  if (!info.isFile()) throw notAFile(file, info)
  if (options.force) return true
  if (options.ledger) {
    const recorded = await recordedHash(folder, name)
    if (recorded !== undefined && recorded === (await hashRegularFile(file))) return true
  }
  if (options.replaceIf) {
    const current = await readRegularFile(file, judgeLimit)
    if (current !== undefined && options.replaceIf(current)) return true
  }
  throw exists(file)
}

function notAFile(
  file: string,
  info: {
    isSymbolicLink(): boolean
    isDirectory(): boolean
    isFIFO(): boolean
    isSocket(): boolean
  },
): WriteRefusedError {
  const what = info.isSymbolicLink()
    ? 'link'
    : info.isDirectory()
      ? 'folder'
      : info.isFIFO()
        ? 'FIFO'
        : info.isSocket()
          ? 'socket'
          : 'device'
  const why =
    what === 'link'
      ? 'a link is never written through or replaced'
      : what === 'folder'
        ? 'name a file inside it'
        : 'a device, terminal, FIFO or socket is never written to or replaced'
  return new WriteRefusedError(
    'not-a-file',
    file,
    `Unexpected ${what} at \`${file}\`, expected a regular file or a new path: ${why}`,
  )
}

function exists(file: string): WriteRefusedError {
  return new WriteRefusedError(
    'exists',
    file,
    `Unexpected existing file \`${file}\`, expected a new path or a file realist-kb wrote`,
  )
}

/**
 * Write `content` to a temporary file beside `name`, flush it, then rename it over the target
 * (`replace`) or link it to the free name. Resolves to the content's SHA-256.
 */
async function writeThenMove(
  folder: string,
  name: string,
  content: WriteContent,
  replace: boolean,
): Promise<string> {
  const file = path.join(folder, name)
  const temporary = path.join(folder, temporaryName(name))
  trackUntilDone(temporary)
  try {
    const hash = await writeTemporary(temporary, content)
    if (replace) await rename(temporary, file)
    else await claim(temporary, file)
    return hash
  } finally {
    // Gone after a rename; a second name after a link. Never let cleanup hide the cause.
    await unlink(temporary).catch(() => undefined)
    done(temporary)
  }
}

/** Write every chunk to a new file (never an existing one: `wx`), flush it; the SHA-256. */
async function writeTemporary(temporary: string, content: WriteContent): Promise<string> {
  const hash = createHash('sha256')
  const handle = await open(temporary, 'wx')
  try {
    let pending: Buffer[] = []
    let size = 0
    const flush = async (): Promise<void> => {
      if (size === 0) return
      const block = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, size)
      pending = []
      size = 0
      await handle.writeFile(block)
    }
    for await (const chunk of chunksOf(content)) {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk, 'utf8')
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      hash.update(bytes)
      pending.push(bytes)
      size += bytes.length
      if (size >= blockSize) await flush()
    }
    await flush()
    // fdatasync: the data and the size, which is all a reader of the renamed file needs.
    await handle.datasync()
  } finally {
    await handle.close()
  }
  return hash.digest('hex')
}

function chunksOf(content: WriteContent): Iterable<WriteChunk> | AsyncIterable<WriteChunk> {
  return typeof content === 'string' || content instanceof Uint8Array ? [content] : content
}

/** Give the finished temporary file the target's name, only if nothing is there. */
async function claim(temporary: string, file: string): Promise<void> {
  try {
    await link(temporary, file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw exists(file)
    // Some file systems (FAT, some network shares) have no hard links: an exclusive copy still
    // never overwrites (O_EXCL, which does not follow a link either).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS')
      throw error
    try {
      await copyFile(temporary, file, constants.COPYFILE_EXCL)
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') throw exists(file)
      throw copyError
    }
  }
}

/** Write the ledger: it is realist-kb's own file, replaced when it is a regular file. */
async function replaceLedger(file: string, text: string): Promise<void> {
  const info = await lstat(file).catch(() => undefined)
  if (info !== undefined && !info.isFile()) throw notAFile(file, info)
  await writeThenMove(path.dirname(file), path.basename(file), text, true)
}
