import { createHash } from 'node:crypto'
import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { buildKnowledgeBase } from '../graph/build-graph.js'
import type { KnowledgeBase } from '../graph/types.js'
import { isContentPath } from '../load-memory.js'
import { checkFolder, checkLimit } from '../options.js'
import {
  checkParseOptions,
  type ParsedFile,
  type ParseOptions,
  parseFile,
} from '../parse/parse-file.js'
import {
  cacheFilesFor,
  loadKey,
  readParsedCache,
  readSnapshot,
  type Snapshot,
  writeCaches,
} from './cache.js'
import { ContentFileReader, type ContentRead, codeOf, type FileStat } from './read-content-file.js'
import { restoreGraph, storeGraph } from './stored-graph.js'

/**
 * Options of {@link loadDirectory}.
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

const defaultMaxFileBytes = 4 * 1024 * 1024
const skippedFolders = new Set(['node_modules'])

/**
 * Read every content file under `directory` and build the knowledge base. Never throws for
 * content problems: unreadable files, symlinks leading outside the folder and files too large to
 * read become diagnostics like any other.
 *
 * @example
 * ```ts
 * import { loadDirectory } from '@realist-kb/core/node'
 * const kb = await loadDirectory('content')
 * console.log(kb.graph.order, kb.diagnostics.length)
 * ```
 */
export async function loadDirectory(
  directory: string,
  options?: Readonly<LoadDirectoryOptions> | null,
): Promise<KnowledgeBase> {
  checkLoadOptions(options)
  const root = await realpath(directory)
  const { files, problems } = await listContentFiles(root)
  const problemFiles = problems.map((diagnostic) => failed(diagnostic.file, diagnostic))
  const reader = new ContentFileReader(root, options?.maxFileBytes ?? defaultMaxFileBytes)
  if (options?.cacheDirectory === undefined) {
    // Parse each file as soon as it is read, so that only texts kept as bodies stay in memory.
    const parsed = await mapInBatches(files, (file) => parseRead(reader.read(file), options))
    return buildKnowledgeBase([...parsed, ...problemFiles])
  }
  try {
    return await loadThroughCache(
      root,
      files,
      problemFiles,
      reader,
      options,
      options.cacheDirectory,
    )
  } catch {
    // A cache entry that passed its checks and still could not be used (written by a damaged
    // build, say) never fails the load: the files are read afresh, as without a cache.
    const parsed = await mapInBatches(files, (file) => parseRead(reader.read(file), options))
    return buildKnowledgeBase([...parsed, ...problemFiles])
  }
}

/**
 * Read and parse one content file exactly as {@link loadDirectory} does (the same checks, limits
 * and diagnostics), for a caller that follows changes file by file, such as watch mode. `root`
 * is the content folder as `realpath` gives it. `undefined` when the file no longer exists.
 * `stat` identifies the version read (from the open file), when the file could be opened.
 *
 * @example
 * ```ts
 * import { readContentFile } from '@realist-kb/core/node'
 * const read = readContentFile('/abs/content', 'cmocs/cmoc-1a.md')
 * read?.parsed.diagnostics
 * ```
 */
export function readContentFile(
  root: string,
  relative: string,
  options?: Readonly<LoadDirectoryOptions> | null,
): { readonly parsed: ParsedFile; readonly stat?: FileStat } | undefined {
  checkLoadOptions(options)
  const reader = new ContentFileReader(root, options?.maxFileBytes ?? defaultMaxFileBytes)
  const read = reader.read(relative)
  if ('problem' in read && read.problem.kind === 'unreadable' && read.problem.code === 'ENOENT')
    return undefined
  const parsed = parseRead(read, options)
  return read.stat === undefined ? { parsed } : { parsed, stat: read.stat }
}

/** Files read between two turns of the event loop: about a millisecond's work each time. */
function checkLoadOptions(options: Readonly<LoadDirectoryOptions> | null | undefined): void {
  checkParseOptions(options)
  checkLimit('maxFileBytes', options?.maxFileBytes)
  checkFolder('cacheDirectory', options?.cacheDirectory)
}

const batchSize = 64

/** Map `items` in batches, yielding to the event loop between batches. */
async function mapInBatches<U>(items: readonly string[], map: (item: string) => U): Promise<U[]> {
  const out: U[] = []
  for (let start = 0; start < items.length; start += batchSize) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve))
    for (const item of items.slice(start, start + batchSize)) out.push(map(item))
  }
  return out
}

async function loadThroughCache(
  root: string,
  files: readonly string[],
  problemFiles: readonly ParsedFile[],
  reader: ContentFileReader,
  options: Readonly<LoadDirectoryOptions>,
  cacheDirectory: string,
): Promise<KnowledgeBase> {
  const cacheFiles = cacheFilesFor(cacheDirectory, root)
  // The snapshot is read from disk (on libuv's threads) while this thread reads the content.
  const snapshotRead = readSnapshot(cacheFiles.snapshot)
  const reads = await mapInBatches(files, (file) => {
    let hash = ''
    const read = reader.read(file, (bytes) => {
      hash = createHash('sha1').update(bytes).digest('hex')
    })
    return { read, hash: 'text' in read ? hash : `failed:${JSON.stringify(read.problem)}` }
  })
  const { cacheDirectory: _directory, ...parseOptions } = options
  const key = loadKey(
    reads.map(({ read, hash }) => [read.file, hash] as const),
    JSON.stringify({ parseOptions, problems: problemFiles.map((file) => file.diagnostics) }),
  )
  const snapshot = await snapshotRead
  if (snapshot?.key === key) return restore(snapshot, reads)

  const cache = await readParsedCache(cacheFiles.parsed)
  const parsed: Record<string, { hash: string; parsed: ParsedFile }> = {}
  const parsedFiles = reads.map(({ read, hash }) => {
    const cached = cache?.parsed[read.file]
    const file = cached?.hash === hash ? cached.parsed : parseRead(read, options)
    parsed[read.file] = { hash, parsed: file }
    return file
  })
  const kb = buildKnowledgeBase([...parsedFiles, ...problemFiles])
  await writeCaches(
    cacheFiles,
    { key, graph: storeGraph(kb.graph), diagnostics: kb.diagnostics, files: kb.files },
    { parsed },
  )
  return kb
}

/** The knowledge base as the snapshot recorded it, bodies cut back out of the files just read. */
function restore(snapshot: Snapshot, reads: readonly { read: ContentRead }[]): KnowledgeBase {
  const texts = new Map<string, string>()
  for (const { read } of reads) if ('text' in read) texts.set(read.file, read.text)
  const graph = restoreGraph(snapshot.graph, (file, length) => {
    const text = texts.get(file) ?? ''
    return text.slice(text.length - length)
  })
  return { graph, diagnostics: snapshot.diagnostics, files: snapshot.files }
}

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
          // read once, under its own name. Walked first (\`audiences/zz -> ../cmocs\` sorts
          // before \`cmocs/\`), it took the real folder's place.
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

function failed(relative: string, diagnostic: Diagnostic): ParsedFile {
  return { path: relative, entities: [], declared: [], diagnostics: [diagnostic] }
}

/** Parse a file that was read, or turn why it was not into its diagnostic. */
function parseRead(read: ContentRead, options?: Readonly<LoadDirectoryOptions> | null): ParsedFile {
  if ('text' in read) return parseFile({ path: read.file, text: read.text }, options)
  const { file, problem } = read
  const at = { file, position: { line: 1, column: 1 } }
  switch (problem.kind) {
    case 'outside':
      return failed(
        file,
        unsafe(
          file,
          'Unexpected link to a path outside the content folder, expected content inside it',
        ),
      )
    case 'too-large':
      return failed(
        file,
        createDiagnostic('file-too-large', {
          ...at,
          message: `Unexpected file of ${problem.size} bytes, expected at most ${options?.maxFileBytes ?? defaultMaxFileBytes}`,
        }),
      )
    case 'not-utf8':
      return failed(
        file,
        createDiagnostic('unreadable-file', {
          ...at,
          message: 'Unexpected bytes that are not UTF-8, expected UTF-8 text',
        }),
      )
    case 'unreadable':
      return failed(
        file,
        createDiagnostic('unreadable-file', {
          ...at,
          message: `Unexpected unreadable file (${problem.code}), expected a readable file`,
        }),
      )
  }
}

function unsafe(file: string, message: string): Diagnostic {
  return createDiagnostic('unsafe-path', { file, position: { line: 1, column: 1 }, message })
}
