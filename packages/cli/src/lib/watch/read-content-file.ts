import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { createDiagnostic, type ParsedFile, type ParseOptions, parseFile } from '@realist-kb/core'

/** Options of {@link readContentFile}: core's parse limits plus the largest file read. */
export interface ReadContentFileOptions extends ParseOptions {
  /** Largest file read, in bytes. Default 4 MiB, as `loadDirectory`. */
  readonly maxFileBytes?: number
}

/** A file read and parsed, with the signature of the version read. */
export interface ReadContentFile {
  readonly parsed: ParsedFile
  /** Inode, size and modification time: changes whenever the file is written or replaced. */
  readonly signature: string
}

const defaultMaxFileBytes = 4 * 1024 * 1024

/**
 * Read and parse one content file the way `loadDirectory` does (size limit, strict UTF-8,
 * problems as diagnostics), and note its {@link fileSignature}. Core keeps its own reader
 * private, so watch mode has this copy. Returns `undefined` when the file no longer exists
 * (deleted between the event and the read).
 *
 * @example
 * ```ts
 * const read = await readContentFile('/abs/content', 'cmocs/cmoc-1a.md')
 * read?.parsed.diagnostics
 * ```
 */
export async function readContentFile(
  root: string,
  relative: string,
  options?: Readonly<ReadContentFileOptions> | null,
): Promise<ReadContentFile | undefined> {
  const absolute = path.join(root, ...relative.split('/'))
  let signature = ''
  const fail = (name: 'file-too-large' | 'unreadable-file', message: string): ReadContentFile => ({
    signature,
    parsed: {
      path: relative,
      entities: [],
      declared: [],
      diagnostics: [
        createDiagnostic(name, { file: relative, position: { line: 1, column: 1 }, message }),
      ],
    },
  })
  let bytes: Buffer
  try {
    // The signature is taken before reading: if the file changes meanwhile, the next check sees a
    // newer signature and reads it again, never the other way round.
    const info = await stat(absolute)
    signature = signatureOf(info)
    const limit = options?.maxFileBytes ?? defaultMaxFileBytes
    if (info.size > limit)
      return fail(
        'file-too-large',
        `Unexpected file of ${info.size} bytes, expected at most ${limit}`,
      )
    bytes = await readFile(absolute)
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined
    return fail(
      'unreadable-file',
      `Unexpected unreadable file (${codeOf(error) || 'error'}), expected a readable file`,
    )
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return fail('unreadable-file', 'Unexpected bytes that are not UTF-8, expected UTF-8 text')
  }
  return { parsed: parseFile({ path: relative, text }, options), signature }
}

/**
 * The signature of a file as it is now (`undefined` if it is gone): compare it with the one
 * noted when the file was read to know whether it changed, whatever a watcher said.
 *
 * @example
 * ```ts
 * (await fileSignature('/abs/content/cmocs/cmoc-1a.md')) !== cached.signature
 * ```
 */
export async function fileSignature(absolute: string): Promise<string | undefined> {
  return stat(absolute).then(signatureOf, () => undefined)
}

function signatureOf(info: { ino: number; size: number; mtimeMs: number }): string {
  return `${info.ino}:${info.size}:${info.mtimeMs}`
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : ''
}
