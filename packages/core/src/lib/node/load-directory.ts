import { constants } from 'node:fs'
import { type FileHandle, open, readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import graphology from 'graphology'
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { buildKnowledgeBase } from '../graph/build-graph.js'
import type { KnowledgeBase, KnowledgeGraph } from '../graph/types.js'
import { isContentPath } from '../load-memory.js'
import { type ParsedFile, type ParseOptions, parseFile } from '../parse/parse-file.js'
import {
  cacheFilesFor,
  loadKey,
  readParsedCache,
  readSnapshot,
  type Snapshot,
  writeCaches,
} from './cache.js'
import { readInWorker, type WorkerRead } from './read-in-worker.js'

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

// graphology ships CommonJS; its named class is reached through the default export under Node ESM.
const { MultiDirectedGraph } = graphology

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
  const root = await realpath(directory)
  const { files, problems } = await listContentFiles(root)
  const problemFiles = problems.map((diagnostic) => failed(diagnostic.file, diagnostic))
  if (options?.cacheDirectory === undefined) {
    // Parse each batch as it arrives, so that file texts do not pile up in memory.
    const parsed = await mapInBatches(
      files,
      (file) => readSource(root, file, options),
      (read) => ('bytes' in read ? decodeAndParse(read, options) : read),
    )
    return buildKnowledgeBase([...parsed, ...problemFiles])
  }
  return loadThroughCache(root, files, problemFiles, options, options.cacheDirectory)
}

/** Files read at once: enough to keep the disk busy, few enough to keep memory flat. */
const readConcurrency = 64

async function mapInBatches<T, U>(
  items: readonly string[],
  read: (item: string) => Promise<T>,
  then: (value: T) => U,
): Promise<U[]> {
  const out: U[] = []
  for (let start = 0; start < items.length; start += readConcurrency) {
    const batch = await Promise.all(items.slice(start, start + readConcurrency).map(read))
    for (const value of batch) out.push(then(value))
  }
  return out
}

async function loadThroughCache(
  root: string,
  files: readonly string[],
  problemFiles: readonly ParsedFile[],
  options: Readonly<LoadDirectoryOptions>,
  cacheDirectory: string,
): Promise<KnowledgeBase> {
  const limit = options.maxFileBytes ?? defaultMaxFileBytes
  const cacheFiles = cacheFilesFor(cacheDirectory, root)
  // The worker reads and hashes every file while this thread parses the snapshot.
  const reading = readInWorker(root, files, limit)
  const snapshot = await readSnapshot(cacheFiles.snapshot)
  const reads = (await reading).map((read) => sourceOf(read, limit))
  const { cacheDirectory: _directory, ...parseOptions } = options
  const key = loadKey(
    reads.map((read) => [read.source.path, read.hash] as const),
    JSON.stringify({ parseOptions, problems: problemFiles.map((file) => file.diagnostics) }),
  )
  if (snapshot?.key === key) return restore(snapshot, reads)

  const cache = await readParsedCache(cacheFiles.parsed)
  const parsed: Record<string, { hash: string; parsed: ParsedFile }> = {}
  const parsedFiles = reads.map(({ source, hash }) => {
    const cached = cache?.parsed[source.path]
    const file =
      cached?.hash === hash
        ? cached.parsed
        : 'bytes' in source
          ? decodeAndParse(source, options)
          : source
    parsed[source.path] = { hash, parsed: file }
    return file
  })
  const kb = buildKnowledgeBase([...parsedFiles, ...problemFiles])
  const graph = kb.graph.export()
  const bodyLengths: Record<string, number> = {}
  for (const node of graph.nodes) {
    const attributes = node.attributes
    if (attributes?.body) {
      bodyLengths[node.key] = attributes.body.length
      node.attributes = { ...attributes, body: '' }
    }
  }
  await writeCaches(
    cacheFiles,
    { key, graph, bodyLengths, diagnostics: kb.diagnostics, files: kb.files },
    { parsed },
  )
  return kb
}

/** The knowledge base as the snapshot recorded it, bodies cut back out of the files just read. */
function restore(
  snapshot: Snapshot,
  reads: readonly { source: SourceBytes | ParsedFile }[],
): KnowledgeBase {
  const texts = new Map<string, string>()
  for (const { source } of reads)
    if ('bytes' in source) texts.set(source.path, utf8.decode(source.bytes))
  for (const node of snapshot.graph.nodes) {
    const length = snapshot.bodyLengths[node.key]
    const attributes = node.attributes
    if (length !== undefined && attributes) {
      const text = texts.get(attributes.file) ?? ''
      node.attributes = {
        ...attributes,
        body: text.slice(text.length - length),
      } as typeof attributes
    }
  }
  const graph: KnowledgeGraph = new MultiDirectedGraph()
  graph.import(snapshot.graph)
  return { graph, diagnostics: snapshot.diagnostics, files: snapshot.files }
}

function sourceOf(
  read: WorkerRead,
  limit: number,
): { source: SourceBytes | ParsedFile; hash: string } {
  if ('bytes' in read) return { source: { path: read.file, bytes: read.bytes }, hash: read.hash }
  const source =
    'tooLarge' in read
      ? tooLarge(read.file, read.tooLarge, limit)
      : unreadable(read.file, read.error)
  return { source, hash: `failed:${JSON.stringify(source.diagnostics)}` }
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
          isDirectory = info.isDirectory()
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

/** A file's bytes, read and within the size limit. */
interface SourceBytes {
  readonly path: string
  readonly bytes: Uint8Array
}

function failed(relative: string, diagnostic: Diagnostic): ParsedFile {
  return { path: relative, entities: [], declared: [], diagnostics: [diagnostic] }
}

async function readSource(
  root: string,
  relative: string,
  options?: Readonly<LoadDirectoryOptions> | null,
): Promise<SourceBytes | ParsedFile> {
  const absolute = path.join(root, ...relative.split('/'))
  try {
    // One open, then stat and read through the handle: the size checked is the size read, and a
    // load makes no more system calls per file than reading it does.
    const handle = await openInside(root, absolute)
    if (handle === undefined)
      return failed(
        relative,
        unsafe(
          relative,
          'Unexpected link to a path outside the content folder, expected content inside it',
        ),
      )
    try {
      const info = await handle.stat()
      if (!info.isFile()) return unreadable(relative, 'not a regular file')
      const limit = options?.maxFileBytes ?? defaultMaxFileBytes
      if (info.size > limit) return tooLarge(relative, info.size, limit)
      return { path: relative, bytes: await handle.readFile() }
    } finally {
      await handle.close()
    }
  } catch (error) {
    return unreadable(relative, codeOf(error))
  }
}

// Opening never follows a link by itself, and never waits on a special file (a FIFO put where a
// content file was listed would block a plain open forever).
const readFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

/**
 * Open a listed file for reading, or `undefined` when it now leads outside `root`. A file can be
 * replaced by a link between listing and reading: links are resolved and checked again here.
 */
async function openInside(root: string, absolute: string): Promise<FileHandle | undefined> {
  try {
    return await open(absolute, readFlags)
  } catch (error) {
    // ELOOP (EMLINK on some BSDs): a link, which O_NOFOLLOW refused to follow.
    if (constants.O_NOFOLLOW === undefined || !['ELOOP', 'EMLINK'].includes(codeOf(error)))
      throw error
  }
  const target = await realpath(absolute)
  if (target !== root && !target.startsWith(root + path.sep)) return undefined
  return open(target, readFlags)
}

function tooLarge(relative: string, size: number, limit: number): ParsedFile {
  return failed(
    relative,
    createDiagnostic('file-too-large', {
      file: relative,
      position: { line: 1, column: 1 },
      message: `Unexpected file of ${size} bytes, expected at most ${limit}`,
    }),
  )
}

function unreadable(relative: string, code: string): ParsedFile {
  return failed(
    relative,
    createDiagnostic('unreadable-file', {
      file: relative,
      position: { line: 1, column: 1 },
      message: `Unexpected unreadable file (${code}), expected a readable file`,
    }),
  )
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function decodeAndParse(source: SourceBytes, options?: Readonly<ParseOptions> | null): ParsedFile {
  let text: string
  try {
    text = utf8.decode(source.bytes)
  } catch {
    return failed(
      source.path,
      createDiagnostic('unreadable-file', {
        file: source.path,
        position: { line: 1, column: 1 },
        message: 'Unexpected bytes that are not UTF-8, expected UTF-8 text',
      }),
    )
  }
  return parseFile({ path: source.path, text }, options)
}

function unsafe(file: string, message: string): Diagnostic {
  return createDiagnostic('unsafe-path', { file, position: { line: 1, column: 1 }, message })
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : 'error'
}
