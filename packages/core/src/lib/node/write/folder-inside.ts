import { lstat, mkdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { WriteRefusedError } from './write-refused-error.js'

/**
 * Make sure the folder `relative` below `root` exists and stays inside `root`, walking it one
 * component at a time with `lstat` (which never follows a link): a missing folder is created, a
 * link is followed only when it resolves to a folder inside `root` (as the loader reads links),
 * and anything else (a link out of the root, a broken link, a file where a folder is needed) is
 * refused before anything is written. `root` itself is the caller's choice, links included; it is
 * created when missing. With `create` off nothing is created: the walk stops at the first missing
 * folder. Returns the folder's path.
 */
export async function folderInside(root: string, relative: string, create = true): Promise<string> {
  if (create) await mkdir(root, { recursive: true })
  const realRoot = await realpath(root).catch(() => undefined)
  if (realRoot === undefined) return root
  let folder = root
  for (const part of relative.split(path.sep).filter((part) => part !== '')) {
    folder = path.join(folder, part)
    let info = await lstat(folder).catch(() => undefined)
    if (info === undefined) {
      if (!create) return folder
      await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error
      })
      info = await lstat(folder)
    }
    if (info.isSymbolicLink()) await checkLinkInside(folder, realRoot)
    else if (!info.isDirectory())
      throw new WriteRefusedError(
        'outside',
        folder,
        `Unexpected \`${folder}\` that is not a folder, expected a folder to write into`,
      )
  }
  return folder
}

async function checkLinkInside(link: string, realRoot: string): Promise<void> {
  const real = await realpath(link).catch(() => undefined)
  const inside = real !== undefined && (real === realRoot || real.startsWith(realRoot + path.sep))
  if (!inside || !(await stat(real).catch(() => undefined))?.isDirectory())
    throw new WriteRefusedError(
      'outside',
      link,
      `Unexpected link \`${link}\` to ${real === undefined ? 'nothing' : `\`${real}\``}, expected a folder inside \`${realRoot}\``,
    )
}
