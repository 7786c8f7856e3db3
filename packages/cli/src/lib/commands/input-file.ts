import { type FileHandle, open, readFile, stat } from 'node:fs/promises'
import { UsageError } from '../io.js'

/**
 * The bytes of the file `import` was given. Only a regular file is read (a pipe or a folder is a
 * usage error, and reading a pipe would wait for a writer); one that is missing or unreadable is
 * a usage error too, named as the user wrote it.
 */
export async function readInputFile(absolute: string, shown: string): Promise<Buffer> {
  try {
    if (!(await stat(absolute)).isFile())
      throw new UsageError(`Unexpected \`${shown}\`: not a file`)
    return await readFile(absolute)
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`Unexpected file \`${shown}\`: it does not exist or cannot be read`)
  }
}

// Reference exports are text; a REFI-QDA project is a zip archive whatever its name (a project
// saved as .zip, or sent without an extension). Four bytes tell them apart.
const zipSignature = [0x50, 0x4b, 0x03, 0x04]

/** Whether a file begins as a zip archive does; false when it cannot be read (reported later). */
export async function startsAsZip(file: string): Promise<boolean> {
  let handle: FileHandle | undefined
  try {
    // Only a regular file is opened: opening a pipe would wait for a writer.
    if (!(await stat(file)).isFile()) return false
    handle = await open(file, 'r')
    const start = Buffer.alloc(zipSignature.length)
    const { bytesRead } = await handle.read(start, 0, start.length, 0)
    return bytesRead === start.length && zipSignature.every((byte, index) => start[index] === byte)
  } catch {
    return false
  } finally {
    await handle?.close()
  }
}
