import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { ParsedFile } from '@realist-kb/core'
import { type FileStat, type LoadDirectoryOptions, readContentFile } from '@realist-kb/core/node'

/** A file read and parsed, with the signature of the version read. */
export interface WatchedFile {
  readonly parsed: ParsedFile
  /** Inode, size and modification time: changes whenever the file is written or replaced. */
  readonly signature: string
}

/**
 * Read and parse one content file with core's reader (the same checks, limits and diagnostics
 * as a full load), and note its signature. `undefined` when the file no longer exists (deleted
 * between the event and the read).
 *
 * @example
 * ```ts
 * const read = await readWatchedFile('/abs/content', 'cmocs/cmoc-1a.md')
 * read?.parsed.diagnostics
 * ```
 */
export async function readWatchedFile(
  root: string,
  relative: string,
  options?: Readonly<LoadDirectoryOptions> | null,
): Promise<WatchedFile | undefined> {
  const read = readContentFile(root, relative, options)
  if (read === undefined) return undefined
  // A file that could not be opened has no stat of its own: its path's signature stands in, so
  // that it is read again only once it changes.
  const signature =
    read.stat === undefined
      ? ((await fileSignature(path.join(root, ...relative.split('/')))) ?? '')
      : signatureOf(read.stat)
  return { parsed: read.parsed, signature }
}

/**
 * The signature of a file as it is now (`undefined` if it is gone): compare it with the one
 * noted when the file was read to know whether it changed, whatever a watcher said.
 *
 * @example
 * ```ts
 * (await fileSignature('/abs/content/cmocs/cmoc-1a.md')) !== cached.signature
 * ```
 */
export async function fileSignature(absolute: string): Promise<string | undefined> {
  return stat(absolute).then(signatureOf, () => undefined)
}

function signatureOf(info: FileStat): string {
  return `${info.ino}:${info.size}:${info.mtimeMs}`
}
