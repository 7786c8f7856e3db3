import { type FSWatcher, watch } from 'node:fs'
import { readdir } from 'node:fs/promises'
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
  /**
   * Folders whose watch reported the folder itself renamed or deleted: that watch follows the old
   * folder and goes deaf, even when a folder of the same name is made again at once (a branch
   * switch does this), so the next sync watches the folder afresh.
   */
  readonly #stale = new Set<string>()
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
    this.#watchFolder('')
    await this.sync()
  }

  /**
   * Watch folders that appeared since the last call, stop watching those that are gone, and watch
   * again those whose watch went stale.
   * Returns the folders newly watched: files written there before their watch began are seen
   * only by checking those folders once more.
   */
  async sync(): Promise<string[]> {
    if (!this.#perFolder || this.#closed) return []
    const folders = await this.#folders()
    for (const [folder, watcher] of this.#watchers) {
      if (folder !== '' && (!folders.has(folder) || this.#stale.has(folder))) {
        watcher.close()
        this.#watchers.delete(folder)
      }
    }
    this.#stale.clear()
    const added: string[] = []
    for (const folder of folders) {
      if (this.#watchers.has(folder)) continue
      this.#watchFolder(folder)
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

  #watchFolder(folder: string): void {
    if (this.#closed) return
    let watcher: FSWatcher
    try {
      watcher = watch(
        path.join(this.#root, ...folder.split('/').filter(Boolean)),
        (event, file) => {
          if (event === 'rename' && folder !== '' && file === path.posix.basename(folder))
            this.#stale.add(folder)
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
        this.#onChange(folder)
      }
    })
    this.#watchers.set(folder, watcher)
  }

  /** Every folder under the root (relative), hidden ones and `node_modules` excepted. */
  async #folders(): Promise<Set<string>> {
    const folders = new Set<string>()
    const walk = async (folder: string): Promise<void> => {
      const entries = await readdir(this.#absolute(folder), { withFileTypes: true }).catch(() => [])
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules')
          continue
        const child = folder === '' ? entry.name : `${folder}/${entry.name}`
        folders.add(child)
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
