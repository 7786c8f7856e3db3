import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { catalogue } from '../diagnostics/catalogue.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { ParsedFile } from '../parse/parse-file.js'
import { kindsFingerprint } from './kinds-fingerprint.js'
import type { StoredGraph } from './stored-graph.js'

/**
 * Bump when parsing or graph building changes what a file yields: older caches are ignored. The
 * kinds, their folders and reference fields and the diagnostic catalogue are part of the format
 * too, so a cache written before any of them changed (a renamed kind, a new diagnostic) is never
 * read back as if nothing had. The kinds' part is a generated constant: computing it would import
 * every schema, which a load restored from the cache otherwise never needs.
 */
const cacheFormat = `realist-kb-cache-7:${kindsFingerprint}:${createHash('sha1')
  .update(JSON.stringify(catalogue))
  .digest('hex')
  .slice(0, 16)}`

/** The knowledge base as last built. */
export interface Snapshot {
  readonly format: string
  /** Hash of every input (paths, content hashes, options): equal keys mean an identical result. */
  readonly key: string
  readonly graph: StoredGraph
  readonly diagnostics: readonly Diagnostic[]
  readonly files: readonly string[]
}

/** Each file's parse, by content hash, to reuse for the files an edit did not touch. */
export interface ParsedCache {
  readonly format: string
  readonly parsed: Readonly<Record<string, { readonly hash: string; readonly parsed: ParsedFile }>>
}

/** The key of a whole load: every path with its content hash, the problems met and the options. */
export function loadKey(entries: readonly (readonly [string, string])[], extra: string): string {
  const hash = createHash('sha1').update(cacheFormat).update('\0').update(extra)
  for (const [file, digest] of entries) hash.update('\0').update(file).update('\0').update(digest)
  return hash.digest('hex')
}

/** The cache files of a content folder inside a cache directory. */
export function cacheFilesFor(
  directory: string,
  root: string,
): { snapshot: string; parsed: string } {
  const stem = path.join(directory, createHash('sha1').update(root).digest('hex').slice(0, 16))
  return { snapshot: `${stem}.kb.json`, parsed: `${stem}.parsed.v8` }
}

/** Read the snapshot; anything unreadable, foreign or from another format counts as none. */
export async function readSnapshot(file: string): Promise<Snapshot | undefined> {
  try {
    const payload = unseal(await readFile(file))
    if (payload === undefined) return undefined
    const snapshot: unknown = JSON.parse(payload.toString('utf8'))
    return isSnapshot(snapshot) ? snapshot : undefined
  } catch {
    return undefined
  }
}

function isSnapshot(value: unknown): value is Snapshot {
  if (!isRecord(value) || value.format !== cacheFormat || typeof value.key !== 'string')
    return false
  return isRecord(value.graph) && Array.isArray(value.diagnostics) && Array.isArray(value.files)
}

function isParsedCache(value: unknown): value is ParsedCache {
  if (!isRecord(value) || value.format !== cacheFormat || !isRecord(value.parsed)) return false
  return Object.values(value.parsed).every(
    (entry) =>
      isRecord(entry) &&
      typeof entry.hash === 'string' &&
      isRecord(entry.parsed) &&
      Array.isArray(entry.parsed.entities) &&
      Array.isArray(entry.parsed.declared) &&
      Array.isArray(entry.parsed.diagnostics),
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Each cache file starts with the SHA-256 of the rest, in hex, and a line feed: a file cut short,
// damaged or edited by hand without recomputing it is discarded and rebuilt, never used.
const sealLength = 65

function seal(payload: Uint8Array): Uint8Array {
  const digest = createHash('sha256').update(payload).digest('hex')
  return Buffer.concat([Buffer.from(`${digest}\n`, 'ascii'), payload])
}

function unseal(bytes: Buffer): Buffer | undefined {
  if (bytes.length < sealLength) return undefined
  const payload = bytes.subarray(sealLength)
  const digest = createHash('sha256').update(payload).digest('hex')
  return bytes.toString('ascii', 0, sealLength) === `${digest}\n` ? payload : undefined
}

/** Read the per-file parses; anything unreadable counts as none. */
export async function readParsedCache(file: string): Promise<ParsedCache | undefined> {
  try {
    const payload = unseal(await readFile(file))
    if (payload === undefined) return undefined
    const cache: unknown = deserialize(payload)
    return isParsedCache(cache) ? cache : undefined
  } catch {
    return undefined
  }
}

/** Write both cache files atomically; failing to write a cache never fails a load. */
export async function writeCaches(
  files: { readonly snapshot: string; readonly parsed: string },
  snapshot: Omit<Snapshot, 'format'>,
  parsed: Omit<ParsedCache, 'format'>,
): Promise<void> {
  const json = JSON.stringify({ format: cacheFormat, ...snapshot })
  await atomic(files.snapshot, seal(Buffer.from(json, 'utf8')))
  await atomic(files.parsed, seal(serialize({ format: cacheFormat, ...parsed })))
}

// The cache files are realist-kb's own: replaced when they are regular files, never through a link.
// The writer (its lock, ledger and exit handlers) is imported only when a load writes a cache.
async function atomic(file: string, content: string | Uint8Array): Promise<void> {
  const { writeFileAtomic } = await import('./write/write-file-atomic.js')
  await writeFileAtomic(file, content, { force: true }).catch(() => undefined)
}
