import { stat } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from './io.js'

/** Resolve the content folder argument (default `content`) and check it is a folder. */
export async function resolveContentDir(
  cwd: string,
  argument: string | undefined,
): Promise<{ absolute: string; shown: string }> {
  const shown = argument ?? 'content'
  const absolute = path.resolve(cwd, shown)
  let isDirectory = false
  try {
    isDirectory = (await stat(absolute)).isDirectory()
  } catch {
    throw new UsageError(`Unexpected content folder \`${shown}\`: it does not exist`)
  }
  if (!isDirectory)
    throw new UsageError(`Unexpected content folder \`${shown}\`: it is not a folder`)
  return { absolute, shown: shown.replace(/\\/g, '/') }
}
