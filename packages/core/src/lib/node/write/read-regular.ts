import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'

// Never follow a link, never wait on a FIFO or a terminal: a special file is refused by fstat
// before a byte is read.
const readFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

/** Open `file` for reading if it is a regular file, else `undefined` (absent, link, device...). */
async function openRegular(file: string): Promise<FileHandle | undefined> {
  let handle: FileHandle
  try {
    handle = await open(file, readFlags)
  } catch {
    return undefined
  }
  if ((await handle.stat()).isFile()) return handle
  await handle.close()
  return undefined
}

/**
 * The bytes of a regular file, at most `limit` of them, or `undefined` when it is absent, not a
 * regular file, or larger than `limit`.
 */
export async function readRegularFile(file: string, limit: number): Promise<Buffer | undefined> {
  const handle = await openRegular(file)
  if (handle === undefined) return undefined
  try {
    if ((await handle.stat()).size > limit) return undefined
    const bytes = await handle.readFile()
    return bytes.length > limit ? undefined : bytes
  } finally {
    await handle.close()
  }
}

/** The SHA-256 of a regular file, read in chunks, or `undefined` when it is not one. */
export async function hashRegularFile(file: string): Promise<string | undefined> {
  const handle = await openRegular(file)
  if (handle === undefined) return undefined
  try {
    const hash = createHash('sha256')
    const buffer = Buffer.allocUnsafe(64 * 1024)
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) return hash.digest('hex')
      hash.update(buffer.subarray(0, bytesRead))
    }
  } finally {
    await handle.close()
  }
}
