import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { isContentPath } from '../content-path.js'
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { codeOf } from './read-content-file.js'

const skippedFolders = new Set(['node_modules'])

/**
 * The content files under `root` (relative, `/`-separated, sorted) and problems met on the way.
 * Symlinks are followed only when they resolve inside `root`; loops are cut.
 *
 * @example
 * ```ts
 * import { listContentFiles } from '@realist-kb/core/node'
 * const { files, problems } = await listContentFiles('/path/to/content')
 * console.log(files) // ['audiences/public.md', 'cmocs/cmoc-1a.md', ...]
 * ```
 */
export async function listContentFiles(
  root: string,
): Promise<{ files: string[]; problems: Diagnostic[] }> {
  const files: string[] = []
  const problems: Diagnostic[] = []
  const visited = new Set<string>()
  const walk = async (absolute: string, relative: string): Promise<void> => {
    let real: string
    try {
      real = await realpath(absolute)
    } catch {
      problems.push(unsafe(relative, 'Unexpected broken symbolic link, expected a file or folder'))
      return
    }
    if (real !== root && !real.startsWith(root + path.sep)) {
      problems.push(
        unsafe(
          relative,
          'Unexpected link to a path outside the content folder, expected content inside it',
        ),
      )
      return
    }
    if (visited.has(real)) return
    visited.add(real)
    let entries: import('node:fs').Dirent[]
    try {
      entries = await readdir(absolute, { withFileTypes: true })
    } catch (error) {
      problems.push(
        createDiagnostic('unreadable-file', {
          file: relative || '.',
          position: { line: 1, column: 1 },
          message: `Unexpected unreadable folder (${codeOf(error)}), expected a readable folder`,
        }),
      )
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.name.startsWith('.') || skippedFolders.has(entry.name)) continue
      const childAbsolute = path.join(absolute, entry.name)
      const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`
      let isDirectory = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        try {
          const target = await realpath(childAbsolute)
          if (target !== root && !target.startsWith(root + path.sep)) {
            if (isContentPath(childRelative) || (await stat(childAbsolute)).isDirectory())
              problems.push(
                unsafe(
                  childRelative,
                  'Unexpected link to a path outside the content folder, expected content inside it',
                ),
              )
            continue
          }
          const info = await stat(childAbsolute)
          // A link to a folder inside the content folder is not walked: the folder it names is
          // read once, under its own name. Walked first (`audiences/zz -> ../cmocs` sorts
          // before `cmocs/`), it took the real folder's place.
          if (info.isDirectory()) continue
          isDirectory = false
          isFile = info.isFile()
        } catch {
          problems.push(
            unsafe(
              childRelative,
              'Unexpected broken or looping symbolic link, expected a file or folder',
            ),
          )
          continue
        }
      }
      if (isDirectory) await walk(childAbsolute, childRelative)
      else if (isFile && isContentPath(childRelative)) files.push(childRelative)
    }
  }
  await walk(root, '')
  files.sort()
  return { files, problems }
}

/** An `unsafe-path` diagnostic at the start of `file`. */
export function unsafe(file: string, message: string): Diagnostic {
  return createDiagnostic('unsafe-path', { file, position: { line: 1, column: 1 }, message })
}
