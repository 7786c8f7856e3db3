import { type FSWatcher, watch } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'

/** Options of {@link TreeWatcher}. */
export interface TreeWatcherOptions {
  /**
   * Watch each folder on its own instead of relying on `recursive: true`. Default: on Linux,
   * where Node 20 emulates recursive watching with one watch per file, which loses a file once
   * an editor saves it by renaming a temporary file over it; a watch per folder sees every
   * later change by name.
   */
  readonly perFolder?: boolean
}

/**
 * Watches a folder and everything under it, reporting changed paths relative to it (`undefined`
 * when the platform gives no name). Hidden folders and `node_modules` are not watched.
 * Symbolic links to folders are not followed.
 *
 * @example
 * ```ts
 * const watcher = new TreeWatcher('/abs/content', (file) => pending.add(file))
 * await watcher.start()
 * watcher.close()
 * ```
 */
export class TreeWatcher {
  readonly #root: string
  readonly #onChange: (relative: string | undefined) => void
  readonly #onError: (error: Error) => void
  readonly #perFolder: boolean
  readonly #watchers = new Map<string, FSWatcher>()
  /** The inode of each folder watched: a folder deleted and made again under its name is another. */
  readonly #inodes = new Map<string, number>()
  #closed = false

  constructor(
    root: string,
    onChange: (relative: string | undefined) => void,
    onError: (error: Error) => void,
    options?: Readonly<TreeWatcherOptions> | null,
  ) {
    this.#root = root
    this.#onChange = onChange
    this.#onError = onError
    this.#perFolder = options?.perFolder ?? process.platform === 'linux'
  }

  /** Start watching. Throws when the root cannot be watched. */
  async start(): Promise<void> {
    if (this.#closed) return
    if (!this.#perFolder) {
      const watcher = watch(this.#root, { recursive: true }, (_event, file) =>
        this.#onChange(file === null ? undefined : String(file)),
      )
      watcher.on('error', this.#onError)
      this.#watchers.set('', watcher)
      return
    }
    this.#watchFolder('', undefined)
    await this.sync()
  }

  /**
   * Watch folders that appeared since the last call and stop watching those that are gone.
   * Returns the folders newly watched: files written there before their watch began are seen
   * only by checking those folders once more.
   */
  async sync(): Promise<string[]> {
    if (!this.#perFolder || this.#closed) return []
    const folders = await this.#folders()
    for (const [folder, watcher] of this.#watchers) {
      // Gone, or replaced (deleted and made again, as a branch switch does): the watch follows
      // the old folder, which nothing will change again.
      if (folder !== '' && folders.get(folder) !== this.#inodes.get(folder)) {
        watcher.close()
        this.#watchers.delete(folder)
        this.#inodes.delete(folder)
      }
    }
    const added: string[] = []
    for (const [folder, inode] of folders) {
      if (this.#watchers.has(folder)) continue
      this.#watchFolder(folder, inode)
      added.push(folder)
    }
    return added
  }

  /** Stop watching. */
  close(): void {
    this.#closed = true
    for (const watcher of this.#watchers.values()) watcher.close()
    this.#watchers.clear()
  }

  #watchFolder(folder: string, inode: number | undefined): void {
    if (this.#closed) return
    let watcher: FSWatcher
    try {
      watcher = watch(
        path.join(this.#root, ...folder.split('/').filter(Boolean)),
        (_event, file) => {
          if (file === null) this.#onChange(folder === '' ? undefined : folder)
          else this.#onChange(folder === '' ? String(file) : `${folder}/${String(file)}`)
        },
      )
    } catch (error) {
      // A folder that vanished before it could be watched: the change that removed it is
      // reported by its parent's watcher.
      if (folder === '') throw error
      return
    }
    watcher.on('error', (error) => {
      if (folder === '') this.#onError(error)
      else {
        watcher.close()
        this.#watchers.delete(folder)
        this.#inodes.delete(folder)
        this.#onChange(folder)
      }
    })
    this.#watchers.set(folder, watcher)
    if (inode !== undefined) this.#inodes.set(folder, inode)
  }

  /** Every folder under the root (relative) with its inode, hidden ones and `node_modules` excepted. */
  async #folders(): Promise<Map<string, number>> {
    const folders = new Map<string, number>()
    const walk = async (folder: string): Promise<void> => {
      const entries = await readdir(this.#absolute(folder), { withFileTypes: true }).catch(() => [])
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules')
          continue
        const child = folder === '' ? entry.name : `${folder}/${entry.name}`
        const info = await stat(this.#absolute(child)).catch(() => undefined)
        if (info === undefined) continue
        folders.set(child, info.ino)
        await walk(child)
      }
    }
    await walk('')
    return folders
  }

  #absolute(folder: string): string {
    return path.join(this.#root, ...folder.split('/').filter(Boolean))
  }
}
