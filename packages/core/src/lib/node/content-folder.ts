import { createHash } from 'node:crypto'
import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { folderOf, isContentPath } from '../content-path.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { IncrementalKnowledgeBase } from '../graph/incremental.js'
import type { KnowledgeBase, KnowledgeGraph } from '../graph/types.js'
import { checkFolder, checkLimit, checkParseOptions } from '../options.js'
import type { ParsedFile, ParseOptions } from '../parse/parse-file.js'
import { pushTo } from '../push-to.js'
import { type DiagnosticDiff, diffDiagnostics } from '../reporter/diagnostic-diff.js'
import {
  cacheFilesFor,
  loadKey,
  readParsedCache,
  readSnapshot,
  type Snapshot,
  writeCaches,
} from './cache.js'
import { failed } from './failed-file.js'
import { listContentFiles } from './list-content-files.js'
import {
  ContentFileReader,
  type ContentRead,
  defaultMaxFileBytes,
  type FileStat,
} from './read-content-file.js'
import { isRestorable, restoreGraph, storeGraph } from './stored-graph.js'

/**
 * Options of {@link ContentFolder.open} and `loadDirectory`.
 *
 * @example
 * ```ts
 * import { loadDirectory, type LoadDirectoryOptions } from '@realist-kb/core/node'
 * const options: LoadDirectoryOptions = { maxFileBytes: 1024 * 1024 }
 * const kb = await loadDirectory('content', options)
 * ```
 */
export interface LoadDirectoryOptions extends ParseOptions {
  /** Largest file read, in bytes. Default 4 MiB: larger files are reported, not read. */
  readonly maxFileBytes?: number
  /**
   * A folder for a persistent cache keyed by file content (e.g. `node_modules/.cache/realist-kb`).
   * Unchanged files are not parsed again, and when nothing changed the knowledge base itself is
   * restored. The result is the same as without a cache.
   */
  readonly cacheDirectory?: string
}

/**
 * What one {@link ContentFolder.update} did: the knowledge base after it, the diagnostics that
 * appeared and went away, and the files it touched.
 *
 * @example
 * ```ts
 * const { added, removed, reparsed } = await folder.update(['cmocs/cmoc-1a.md'])
 * ```
 */
export interface ContentUpdate extends DiagnosticDiff {
  readonly knowledgeBase: KnowledgeBase
  /** Files read and parsed again (relative, `/`-separated), sorted. */
  readonly reparsed: readonly string[]
  /** Files dropped because they no longer exist (or are no longer content), sorted. */
  readonly dropped: readonly string[]
  /** Whether the whole folder was listed again (folders may have appeared, gone or moved). */
  readonly relisted: boolean
}

/** A content file as last read: its parse (once parsed) and the signature of the version read. */
interface KnownFile {
  parsed: ParsedFile | undefined
  readonly signature: string
  /**
   * The SHA-256 of the bytes read (hex), or for a file that could not be read, its problem:
   * the key of the cache's entries and the file's part of {@link ContentFolder.contentHash}.
   */
  readonly hash: string
}

/** What one update has to do, gathered from the changed paths. */
interface Plan {
  readonly read: Set<string>
  readonly drop: Set<string>
  readonly folders: Set<string>
  relist: boolean
}

/**
 * The parser, imported when a file is first parsed: a load restored from the cache parses
 * nothing, and a command line that starts often then loads none of the parser's modules.
 */
let parser: Promise<typeof import('./parse-read.js')> | undefined
const loadParser = (): Promise<typeof import('./parse-read.js')> =>
  (parser ??= import('./parse-read.js'))

/**
 * The incremental graph and its checks (which import every kind's schema, and with them zod), for
 * the same reason: a load restored from the cache's snapshot builds no graph of its own.
 */
let incremental: Promise<typeof import('../graph/incremental.js')> | undefined
const loadIncremental = (): Promise<typeof import('../graph/incremental.js')> =>
  (incremental ??= import('../graph/incremental.js'))
const newIncremental = async (files: readonly ParsedFile[]): Promise<IncrementalKnowledgeBase> =>
  new (await loadIncremental()).IncrementalKnowledgeBase(files)

/** Files read between two turns of the event loop: about a millisecond's work each time. */
const batchSize = 64

/**
 * A content folder, loaded once and kept up to date: the one loader of realist-kb. It owns the
 * listing policy (which files are content, which links may be followed), the reader (limits,
 * UTF-8, no link out of the folder), the signature of every file read (inode, size, mtime), the
 * persistent cache and the incremental graph. `loadDirectory` is `open` then `knowledgeBase`;
 * commands that run once, watch mode and a server all load through it and get the same
 * diagnostics.
 *
 * {@link ContentFolder.update} takes the paths a watcher reported (or none: "something changed")
 * and re-reads only what changed. Watchers are not trusted to name every file: a change to
 * anything that is not a content file checks the signatures of the content files in its folder,
 * and a new, removed or renamed folder, a symbolic link or a change without a path lists the
 * whole folder again. The state after each update equals a fresh load of the folder (a test
 * makes random edits, deletions and renames on disk and compares).
 *
 * @example
 * ```ts
 * import { ContentFolder } from '@realist-kb/core/node'
 * const folder = await ContentFolder.open('content')
 * folder.knowledgeBase.diagnostics.length
 * const { added, removed } = await folder.update(['cmocs/cmoc-1a.md'])
 * ```
 */
export class ContentFolder {
  /** The folder as `realpath` gives it. */
  readonly root: string
  readonly #options: Readonly<LoadDirectoryOptions>
  readonly #files = new Map<string, KnownFile>()
  /** Folders holding content files at the last listing (`''` is the root). */
  #folders = new Set<string>([''])
  /** The listing's own problems (links out, unreadable folders), as one pseudo-file per path. */
  #problems = new Map<string, ParsedFile>()
  #live: IncrementalKnowledgeBase | undefined
  /** {@link ContentFolder.contentHash}, made on first need after each change. */
  #contentHash: string | undefined
  // Set by the first load, which `open` awaits before handing the folder out.
  #knowledgeBase!: KnowledgeBase

  private constructor(root: string, options: Readonly<LoadDirectoryOptions>) {
    this.root = root
    this.#options = options
  }

  /**
   * Read every content file under `directory` (through the cache, when `cacheDirectory` is
   * given) and build the knowledge base. Never throws for content problems: unreadable files,
   * links leading outside the folder and files too large to read become diagnostics.
   *
   * @example
   * ```ts
   * const folder = await ContentFolder.open('content', { cacheDirectory: 'node_modules/.cache/realist-kb' })
   * ```
   */
  static async open(
    directory: string,
    options?: Readonly<LoadDirectoryOptions> | null,
  ): Promise<ContentFolder> {
    checkLoadOptions(options)
    const root = await realpath(directory)
    const folder = new ContentFolder(root, options ?? {})
    await folder.#loadAll()
    return folder
  }

  /** The knowledge base as of the last load or update. */
  get knowledgeBase(): KnowledgeBase {
    return this.#knowledgeBase
  }

  /**
   * What the knowledge base was built from, as one hash: SHA-256 over every content file's path
   * and the SHA-256 of the bytes read, in path order (`sha256:` and 64 hex digits). Equal
   * hashes mean the same files with the same bytes; a report names it, so that two reports can
   * be told apart without a date in them.
   *
   * @example
   * ```ts
   * const folder = await ContentFolder.open('content')
   * buildTraceReport(folder.knowledgeBase, { contentHash: folder.contentHash })
   * ```
   */
  get contentHash(): string {
    if (this.#contentHash === undefined) {
      const hash = createHash('sha256').update('realist-kb content\0')
      for (const file of [...this.#files.keys()].sort())
        hash.update(`${file}\0${this.#files.get(file)?.hash ?? ''}\n`)
      this.#contentHash = `sha256:${hash.digest('hex')}`
    }
    return this.#contentHash
  }

  /**
   * Take changed paths into account (relative to the root, as a watcher reports them;
   * `undefined` for "something changed, unknown where") and bring the knowledge base up to date.
   * Updates must not overlap: await one before starting the next.
   *
   * @example
   * ```ts
   * const update = await folder.update(['studies/doe-2020.md', undefined])
   * update.knowledgeBase === folder.knowledgeBase // true
   * ```
   */
  async update(changed: Iterable<string | undefined> = [undefined]): Promise<ContentUpdate> {
    const before = this.#knowledgeBase.diagnostics
    const live = await this.#ensureLive()
    const plan: Plan = { read: new Set(), drop: new Set(), folders: new Set(), relist: false }
    for (const raw of changed) await this.#classify(raw, plan)
    if (!plan.relist) for (const folder of plan.folders) await this.#checkFolder(folder, plan)
    const problems = plan.relist ? await this.#relist(plan) : this.#problems

    // Listing problems go first: a path that was a problem may now be a file, and back.
    for (const [file] of this.#problems)
      if (!problems.has(file) && !this.#files.has(file)) live.remove(file)
    for (const file of plan.drop) if (this.#files.delete(file)) live.remove(file)
    const reader = this.#reader()
    const { parseRead } = await loadParser()
    const reparsed: string[] = []
    for (const [index, file] of [...plan.read].entries()) {
      if (index > 0 && index % batchSize === 0) await turn()
      let digest = ''
      const read = reader.read(file, (bytes) => {
        digest = hashOf(bytes)
      })
      if (isGone(read)) {
        if (this.#files.delete(file)) {
          plan.drop.add(file)
          live.remove(file)
        }
        continue
      }
      const parsed = parseRead(read, this.#options)
      this.#files.set(file, {
        parsed,
        signature: await signatureOf(read, this.#absolute(file)),
        hash: keyOf(read, digest),
      })
      live.update(parsed)
      plan.drop.delete(file)
      reparsed.push(file)
    }
    for (const [file, parsed] of problems)
      if (JSON.stringify(this.#problems.get(file)) !== JSON.stringify(parsed)) live.update(parsed)
    this.#problems = problems
    this.#knowledgeBase = live.knowledgeBase
    this.#contentHash = undefined
    return {
      knowledgeBase: this.#knowledgeBase,
      ...diffDiagnostics(before, this.#knowledgeBase.diagnostics),
      reparsed: reparsed.sort(),
      dropped: [...plan.drop].sort(),
      relisted: plan.relist,
    }
  }

  /** The first load: list, read (through the cache when there is one), build. */
  async #loadAll(): Promise<void> {
    const { files, problems } = await listContentFiles(this.root)
    this.#problems = groupProblems(problems)
    this.#folders = new Set(['', ...files.map(folderOf)])
    const reader = this.#reader()
    const cacheDirectory = this.#options.cacheDirectory
    if (cacheDirectory === undefined) {
      await this.#loadWithoutCache(files, reader)
      return
    }
    try {
      await this.#loadThroughCache(files, reader, cacheDirectory)
    } catch {
      // A cache entry that passed its checks and still could not be used (written by a damaged
      // build, say) never fails the load: the files are read afresh, as without a cache.
      this.#files.clear()
      await this.#loadWithoutCache(files, reader)
    }
  }

  async #loadWithoutCache(files: readonly string[], reader: ContentFileReader): Promise<void> {
    const { parseRead } = await loadParser()
    // Parse each file as soon as it is read, so that only texts kept as bodies stay in memory.
    const parsed = await mapInBatches(files, (file) => {
      let digest = ''
      const read = reader.read(file, (bytes) => {
        digest = hashOf(bytes)
      })
      const result = parseRead(read, this.#options)
      this.#files.set(file, {
        parsed: result,
        signature: signatureOfRead(read),
        hash: keyOf(read, digest),
      })
      return result
    })
    this.#live = await newIncremental([...parsed, ...this.#problems.values()])
    this.#knowledgeBase = this.#live.knowledgeBase
  }

  async #loadThroughCache(
    files: readonly string[],
    reader: ContentFileReader,
    cacheDirectory: string,
  ): Promise<void> {
    const cacheFiles = cacheFilesFor(cacheDirectory, this.root)
    // The snapshot is read from disk (on libuv's threads) while this thread reads the content.
    const snapshotRead = readSnapshot(cacheFiles.snapshot)
    const reads = await mapInBatches(files, (file) => {
      let digest = ''
      const read = reader.read(file, (bytes) => {
        digest = hashOf(bytes)
      })
      const key = keyOf(read, digest)
      this.#files.set(file, { parsed: undefined, signature: signatureOfRead(read), hash: key })
      return { read, hash: key }
    })
    const { cacheDirectory: _directory, ...parseOptions } = this.#options
    const problemFiles = [...this.#problems.values()]
    const key = loadKey(
      reads.map(({ read, hash }) => [read.file, hash] as const),
      JSON.stringify({ parseOptions, problems: problemFiles.map((file) => file.diagnostics) }),
    )
    const snapshot = await snapshotRead
    if (snapshot?.key === key && isRestorable(snapshot.graph)) {
      // Parses are made again only if an update asks for them (watch mode, not a one-off run).
      this.#knowledgeBase = restore(snapshot, reads)
      return
    }

    const [cache, { parseRead }] = await Promise.all([
      readParsedCache(cacheFiles.parsed),
      loadParser(),
    ])
    const parsed: Record<string, { hash: string; parsed: ParsedFile }> = {}
    const parsedFiles = reads.map(({ read, hash }) => {
      const cached = cache?.parsed[read.file]
      const file = cached?.hash === hash ? cached.parsed : parseRead(read, this.#options)
      parsed[read.file] = { hash, parsed: file }
      const known = this.#files.get(read.file)
      if (known) known.parsed = file
      return file
    })
    this.#live = await newIncremental([...parsedFiles, ...problemFiles])
    const kb = this.#live.knowledgeBase
    this.#knowledgeBase = kb
    await writeCaches(
      cacheFiles,
      { key, graph: storeGraph(kb.graph), diagnostics: kb.diagnostics, files: kb.files },
      { parsed },
    )
  }

  /**
   * The incremental graph, built on first need: a load restored from the cache's snapshot has
   * the knowledge base but not the parses it was made from: they come from the cache's parses of
   * the versions read (by content hash), or else are made again. A file that changed since is
   * left for the update's own signature check to read again.
   */
  async #ensureLive(): Promise<IncrementalKnowledgeBase> {
    if (this.#live) return this.#live
    const { cacheDirectory } = this.#options
    const cache =
      cacheDirectory === undefined
        ? undefined
        : await readParsedCache(cacheFilesFor(cacheDirectory, this.root).parsed)
    const reader = this.#reader()
    let index = 0
    for (const [file, known] of this.#files) {
      if (known.parsed) continue
      const cached = cache?.parsed[file]
      if (cached !== undefined && cached.hash === known.hash) {
        known.parsed = cached.parsed
        continue
      }
      if (index++ % batchSize === batchSize - 1) await turn()
      known.parsed = (await loadParser()).parseRead(reader.read(file), this.#options)
    }
    this.#live = await newIncremental([
      ...[...this.#files.values()].flatMap((known) => (known.parsed ? [known.parsed] : [])),
      ...this.#problems.values(),
    ])
    return this.#live
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
    } else if (info === undefined && !hidden && this.#holdsFolder(relative)) {
      // A folder that held content is gone (deleted or renamed): what replaced it, if anything,
      // is found by listing again.
      plan.relist = true
    } else {
      // Gone, or not content (a temporary file of a save by rename): check its folder's files.
      if (info === undefined)
        for (const file of this.#files.keys())
          if (file === relative || file.startsWith(`${relative}/`)) plan.drop.add(file)
      plan.folders.add(folderOf(relative))
    }
  }

  #holdsFolder(relative: string): boolean {
    for (const folder of this.#folders)
      if (folder === relative || folder.startsWith(`${relative}/`)) return true
    return false
  }

  /** Compare the signatures of the content files directly in `folder` with those read. */
  async #checkFolder(folder: string, plan: Plan): Promise<void> {
    if (!this.#folders.has(folder)) return
    const entries = await readdir(this.#absolute(folder), { withFileTypes: true }).catch(
      () => undefined,
    )
    if (entries === undefined) {
      plan.relist = true // the folder itself is gone: list again
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
      const known = this.#files.get(file)
      if (known === undefined || (await currentSignature(this.#absolute(file))) !== known.signature)
        plan.read.add(file)
    }
    for (const file of this.#files.keys())
      if (folderOf(file) === folder && !present.has(file)) plan.drop.add(file)
  }

  /** List the whole folder: drop what is gone, read what is new or changed. */
  async #relist(plan: Plan): Promise<Map<string, ParsedFile>> {
    const { files, problems } = await listContentFiles(this.root)
    this.#folders = new Set(['', ...files.map(folderOf)])
    const present = new Set(files)
    for (const file of this.#files.keys()) if (!present.has(file)) plan.drop.add(file)
    // Only files the listing holds are read: anything else was refused (a link outside).
    for (const file of plan.read) if (!present.has(file)) plan.read.delete(file)
    for (const file of files) {
      const known = this.#files.get(file)
      if (known === undefined || (await currentSignature(this.#absolute(file))) !== known.signature)
        plan.read.add(file)
    }
    return groupProblems(problems)
  }

  #reader(): ContentFileReader {
    return new ContentFileReader(this.root, this.#options.maxFileBytes ?? defaultMaxFileBytes)
  }

  #absolute(relative: string): string {
    return path.join(this.root, ...relative.split('/'))
  }
}

/** The listing's problems as pseudo-files, one per path, so that they update like files. */
function groupProblems(problems: readonly Diagnostic[]): Map<string, ParsedFile> {
  const byFile = new Map<string, Diagnostic[]>()
  for (const problem of problems) pushTo(byFile, problem.file, problem)
  return new Map([...byFile].map(([file, list]) => [file, failed(file, ...list)]))
}

/** Map `items` in batches, yielding to the event loop between batches. */
async function mapInBatches<U>(items: readonly string[], map: (item: string) => U): Promise<U[]> {
  const out: U[] = []
  for (let start = 0; start < items.length; start += batchSize) {
    if (start > 0) await turn()
    for (const item of items.slice(start, start + batchSize)) out.push(map(item))
  }
  return out
}

function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** The knowledge base as the snapshot recorded it, bodies cut back out of the files just read. */
function restore(snapshot: Snapshot, reads: readonly { read: ContentRead }[]): KnowledgeBase {
  // The graph is rebuilt from the snapshot when first asked for: `validate` needs only the
  // diagnostics and the files, and rebuilding tens of thousands of nodes and edges was most of a
  // warm validation of a large base. Until then the snapshot and the texts (bodies are not stored
  // in it) are kept; the graph is the same whenever it is built.
  let graph: KnowledgeGraph | undefined
  return {
    get graph(): KnowledgeGraph {
      if (graph === undefined) {
        const texts = new Map<string, string>()
        for (const { read } of reads) if ('text' in read) texts.set(read.file, read.text)
        graph = restoreGraph(snapshot.graph, (file, length) => {
          const text = texts.get(file) ?? ''
          return text.slice(text.length - length)
        })
      }
      return graph
    },
    diagnostics: snapshot.diagnostics,
    files: snapshot.files,
  }
}

/** The SHA-256 of a file's bytes, in hex. */
function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A file's hash as read: of its bytes, or of why they could not be read. */
function keyOf(read: ContentRead, digest: string): string {
  return 'text' in read ? digest : `failed:${JSON.stringify(read.problem)}`
}

/** A listed file that no longer exists (deleted between the listing or event and the read). */
function isGone(read: ContentRead): boolean {
  return 'problem' in read && read.problem.kind === 'unreadable' && read.problem.code === 'ENOENT'
}

function signatureOfStat(info: FileStat): string {
  return `${info.ino}:${info.size}:${info.mtimeMs}`
}

/** The signature of the version read; empty when the file could not be opened. */
function signatureOfRead(read: ContentRead): string {
  return read.stat === undefined ? '' : signatureOfStat(read.stat)
}

/**
 * The signature of the version read, or, for a file that could not be opened (a link refused,
 * say), of its path as it is now: it is read again only once it changes.
 */
async function signatureOf(read: ContentRead, absolute: string): Promise<string> {
  return read.stat === undefined
    ? ((await currentSignature(absolute)) ?? '')
    : signatureOfRead(read)
}

/** The signature of a file as it is now (`undefined` if it is gone). */
async function currentSignature(absolute: string): Promise<string | undefined> {
  return stat(absolute).then(signatureOfStat, () => undefined)
}

function normalise(raw: string): string {
  return raw
    .split(path.sep)
    .join('/')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '')
}

/** Throw `InvalidOptionsError` for options no load could use, before anything is read. */
function checkLoadOptions(options: Readonly<LoadDirectoryOptions> | null | undefined): void {
  checkParseOptions(options)
  checkLimit('maxFileBytes', options?.maxFileBytes)
  checkFolder('cacheDirectory', options?.cacheDirectory)
}
