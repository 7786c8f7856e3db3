import { lstat, readdir, realpath } from 'node:fs/promises'
import path from 'node:path'
import {
  type Diagnostic,
  IncrementalKnowledgeBase,
  isContentPath,
  type KnowledgeBase,
  type ParsedFile,
} from '@realist-kb/core'
import { type LoadDirectoryOptions, listContentFiles } from '@realist-kb/core/node'
import { type DiagnosticDiff, diffDiagnostics } from './diagnostic-diff.js'
import { fileSignature, readWatchedFile, type WatchedFile } from './read-content-file.js'

/** What one update did: the new knowledge base, the diagnostics diff, the files touched. */
export interface ValidationUpdate extends DiagnosticDiff {
  readonly kb: KnowledgeBase
  /** Files read and parsed again (relative, `/`-separated), sorted. */
  readonly reparsed: readonly string[]
  /** Files dropped because they no longer exist, sorted. */
  readonly dropped: readonly string[]
  /** Whether the whole folder was listed again (folders may have appeared or gone). */
  readonly relisted: boolean
}

/** What one update has to do, gathered from the changed paths. */
interface Plan {
  readonly read: Set<string>
  readonly drop: Set<string>
  readonly folders: Set<string>
  relist: boolean
}

/**
 * Keeps a knowledge base valid as files change, re-reading only what changed: one parsed file
 * is cached per content file, with the signature (inode, size, mtime) of the version read; a
 * change re-parses that file alone and updates the graph and diagnostics in place
 * (`IncrementalKnowledgeBase`: only the links and gaps the file can affect are rechecked).
 *
 * Watchers are not trusted to name every file: an editor that saves by writing a temporary file
 * and renaming it over the original may be reported under the temporary name only. So a change
 * to anything that is not a content file (a temporary file, a deleted path) checks the
 * signatures of the content files in its folder, and a new folder, a symbolic link, a file in a
 * folder not seen before or a change without a path lists the whole folder again (that listing,
 * core's, also decides which links are safe to follow). Knows nothing of file watchers, so it can
 * be tested without one.
 *
 * @example
 * ```ts
 * const validator = new IncrementalValidator('content')
 * await validator.start()
 * const { added, removed } = await validator.update(['cmocs/cmoc-1a.md'])
 * ```
 */
export class IncrementalValidator {
  readonly #options: Readonly<LoadDirectoryOptions> | null | undefined
  readonly #files = new Map<string, WatchedFile>()
  /** Folders holding content files at the last listing (`''` is the root). */
  #folders = new Set<string>([''])
  #root: string
  #problems: Diagnostic[] = []
  #kb: KnowledgeBase | undefined
  #live: IncrementalKnowledgeBase | undefined
  #liveProblems = ''
  /** Files read or dropped since the graph was last brought up to date. */
  readonly #dirty = new Set<string>()

  constructor(root: string, options?: Readonly<LoadDirectoryOptions> | null) {
    this.#root = path.resolve(root)
    this.#options = options
  }

  /** Read every content file and build the knowledge base. */
  async start(): Promise<KnowledgeBase> {
    this.#root = await realpath(this.#root)
    this.#files.clear()
    await this.update([undefined])
    return this.#kb as KnowledgeBase
  }

  /**
   * Take changed paths into account (relative to the root, as a watcher reports them;
   * `undefined` for "something changed, unknown where") and rebuild.
   */
  async update(changed: Iterable<string | undefined>): Promise<ValidationUpdate> {
    const before = this.#kb?.diagnostics ?? []
    const plan: Plan = { read: new Set(), drop: new Set(), folders: new Set(), relist: false }
    for (const raw of changed) await this.#classify(raw, plan)
    if (!plan.relist) for (const folder of plan.folders) await this.#checkFolder(folder, plan)
    if (plan.relist) await this.#relist(plan)

    for (const file of plan.drop) if (this.#files.delete(file)) this.#dirty.add(file)
    const reparsed: string[] = []
    const results = await Promise.all(
      [...plan.read].map(
        async (file) => [file, await readWatchedFile(this.#root, file, this.#options)] as const,
      ),
    )
    for (const [file, result] of results) {
      if (result === undefined) {
        if (this.#files.delete(file)) {
          plan.drop.add(file)
          this.#dirty.add(file)
        }
        continue
      }
      this.#files.set(file, result)
      this.#dirty.add(file)
      plan.drop.delete(file)
      reparsed.push(file)
    }
    const kb = this.#rebuild()
    return {
      kb,
      ...diffDiagnostics(before, kb.diagnostics),
      reparsed: reparsed.sort(),
      dropped: [...plan.drop].sort(),
      relisted: plan.relist,
    }
  }

  async #classify(raw: string | undefined, plan: Plan): Promise<void> {
    const relative = raw === undefined ? '' : normalise(raw)
    if (relative === '' || relative === '.') {
      plan.relist = true
      return
    }
    const info = await lstat(this.#absolute(relative)).catch(() => undefined)
    const hidden = relative.split('/').some((part) => part.startsWith('.'))
    if (info?.isFile() && isContentPath(relative)) {
      // A file in a folder the last listing did not walk may sit behind a link: let it decide.
      if (this.#folders.has(folderOf(relative))) plan.read.add(relative)
      else plan.relist = true
    } else if (!hidden && (info?.isDirectory() || info?.isSymbolicLink())) {
      plan.relist = true
    } else {
      // Gone, or not content (a temporary file of a save by rename): check its folder's files.
      if (info === undefined)
        for (const file of this.#files.keys())
          if (file === relative || file.startsWith(`${relative}/`)) plan.drop.add(file)
      plan.folders.add(folderOf(relative))
    }
  }

  /** Compare the signatures of the content files directly in `folder` with those read. */
  async #checkFolder(folder: string, plan: Plan): Promise<void> {
    if (!this.#folders.has(folder)) return
    const entries = await readdir(this.#absolute(folder), { withFileTypes: true }).catch(
      () => undefined,
    )
    if (entries === undefined) {
      // The folder itself is gone: so is everything under it.
      for (const file of this.#files.keys())
        if (folder === '' || file.startsWith(`${folder}/`)) plan.drop.add(file)
      return
    }
    const present = new Set<string>()
    for (const entry of entries) {
      const file = folder === '' ? entry.name : `${folder}/${entry.name}`
      if (!isContentPath(file)) continue
      if (entry.isSymbolicLink() && !this.#files.has(file)) {
        plan.relist = true // a new link: the listing decides whether it may be followed
        return
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue
      present.add(file)
      const cached = this.#files.get(file)
      if (cached === undefined || (await fileSignature(this.#absolute(file))) !== cached.signature)
        plan.read.add(file)
    }
    for (const file of this.#files.keys())
      if (folderOf(file) === folder && !present.has(file)) plan.drop.add(file)
  }

  /** List the whole folder: drop what is gone, read what is new or changed. */
  async #relist(plan: Plan): Promise<void> {
    const { files, problems } = await listContentFiles(this.#root)
    this.#problems = problems
    this.#folders = new Set(['', ...files.map(folderOf)])
    const present = new Set(files)
    for (const file of this.#files.keys()) if (!present.has(file)) plan.drop.add(file)
    // Only files the listing holds are read: anything else was refused (a link outside).
    for (const file of plan.read) if (!present.has(file)) plan.read.delete(file)
    await Promise.all(
      files.map(async (file) => {
        const cached = this.#files.get(file)
        if (
          cached === undefined ||
          (await fileSignature(this.#absolute(file))) !== cached.signature
        )
          plan.read.add(file)
      }),
    )
  }

  #rebuild(): KnowledgeBase {
    const problems = JSON.stringify(this.#problems)
    if (!this.#live || problems !== this.#liveProblems) {
      // First run, or the listing's own problems changed (rare): build from every cached parse.
      this.#live = new IncrementalKnowledgeBase([
        ...[...this.#files.values()].map((file) => file.parsed),
        ...this.#problemFiles(),
      ])
      this.#liveProblems = problems
    } else {
      for (const file of this.#dirty) {
        const cached = this.#files.get(file)
        if (cached) this.#live.update(cached.parsed)
        else this.#live.remove(file)
      }
    }
    this.#dirty.clear()
    this.#kb = this.#live.knowledgeBase
    return this.#kb
  }

  #problemFiles(): ParsedFile[] {
    return this.#problems.map((diagnostic) => ({
      path: diagnostic.file,
      entities: [],
      declared: [],
      diagnostics: [diagnostic],
    }))
  }

  #absolute(relative: string): string {
    return path.join(this.#root, ...relative.split('/'))
  }
}

function normalise(raw: string): string {
  return raw
    .split(path.sep)
    .join('/')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '')
}

function folderOf(file: string): string {
  const slash = file.lastIndexOf('/')
  return slash === -1 ? '' : file.slice(0, slash)
}
