import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** A content folder in a fresh temporary folder, with a sibling folder outside it. */
export interface TempContent {
  /** The content folder. */
  readonly root: string
  /** A folder next to the content folder: content must never reach into it. */
  readonly outside: string
  /** Remove everything. */
  cleanup(): Promise<void>
}

/**
 * Create a temporary content folder holding `files` (relative path to text or bytes), and a
 * sibling folder `outside` holding `outsideFiles`.
 *
 * @example
 * ```ts
 * const temp = await tempContent({ 'audiences/a.md': '---\nkind: audience\nname: A\n---\n' })
 * try { await loadDirectory(temp.root) } finally { await temp.cleanup() }
 * ```
 */
export async function tempContent(
  files: Readonly<Record<string, string | Uint8Array>>,
  outsideFiles: Readonly<Record<string, string>> = {},
): Promise<TempContent> {
  const base = await mkdtemp(path.join(tmpdir(), 'rkb-hostile-'))
  const root = path.join(base, 'content')
  const outside = path.join(base, 'outside')
  await mkdir(root)
  await mkdir(outside)
  for (const [relative, content] of Object.entries(files)) await put(root, relative, content)
  for (const [relative, content] of Object.entries(outsideFiles))
    await put(outside, relative, content)
  return { root, outside, cleanup: () => rm(base, { recursive: true, force: true }) }
}

async function put(folder: string, relative: string, content: string | Uint8Array): Promise<void> {
  const target = path.join(folder, ...relative.split('/'))
  await mkdir(path.dirname(target), { recursive: true })
  await writeFile(target, content)
}
