import { randomBytes } from 'node:crypto'
import { constants, copyFile, link, mkdir, rename, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The file to create exists already: nothing was written.
 *
 * @example
 * ```ts
 * try {
 *   await writeNewFile(file, text)
 * } catch (error) {
 *   if (error instanceof FileExistsError) console.error(`${file} exists: left as it is`)
 * }
 * ```
 */
export class FileExistsError extends Error {
  override readonly name = 'FileExistsError'
}

/**
 * Create a file that must not exist yet, atomically: the content goes to a hidden temporary file
 * in the same folder, which is then hard-linked to the final name. `link` fails when the name is
 * taken, so an existing file is never overwritten or truncated, and a reader never sees half a
 * file. Where the file system has no hard links, an exclusive copy (`COPYFILE_EXCL`) keeps the
 * never-overwrite promise. Missing folders are created.
 *
 * @example
 * ```ts
 * await writeNewFile('content/studies/doe-2020.md', '---\nkind: study\n...')
 * ```
 */
export async function writeNewFile(file: string, content: string): Promise<void> {
  const temporary = await writeTemporary(file, content)
  try {
    try {
      await link(temporary, file)
    } catch (error) {
      if (codeOf(error) === 'EEXIST') throw new FileExistsError(`${file} exists`)
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(codeOf(error)))
        throw error
      try {
        await copyFile(temporary, file, constants.COPYFILE_EXCL)
      } catch (copyError) {
        if (codeOf(copyError) === 'EEXIST') throw new FileExistsError(`${file} exists`)
        throw copyError
      }
    }
  } finally {
    await unlink(temporary).catch(() => undefined)
  }
}

/**
 * Replace a file (or create it) atomically: a hidden temporary file in the same folder, renamed
 * over the target, so that readers see the old file or the new one, never half of one. Callers
 * decide beforehand whether replacing is allowed.
 *
 * @example
 * ```ts
 * await replaceFile('schemas/study.schema.json', json)
 * ```
 */
export async function replaceFile(file: string, content: string): Promise<void> {
  const temporary = await writeTemporary(file, content)
  try {
    await rename(temporary, file)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
}

async function writeTemporary(file: string, content: string): Promise<string> {
  const folder = path.dirname(file)
  await mkdir(folder, { recursive: true })
  // Dot-prefixed, so that a loader or watcher running meanwhile skips it.
  const temporary = path.join(
    folder,
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  )
  await writeFile(temporary, content, { flag: 'wx' })
  return temporary
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : ''
}
