import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { buildKnowledgeBase } from '../graph/build-graph.js'
import type { KnowledgeBase } from '../graph/types.js'
import { isContentPath } from '../load-memory.js'
import { type ParsedFile, type ParseOptions, parseFile } from '../parse/parse-file.js'

/** Options of {@link loadDirectory}. */
export interface LoadDirectoryOptions extends ParseOptions {
  /** Largest file read, in bytes. Default 4 MiB: larger files are reported, not read. */
  readonly maxFileBytes?: number
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
  const root = await realpath(directory)
  const { files, problems } = await listContentFiles(root)
  const parsed = await Promise.all(files.map((file) => readAndParse(root, file, options)))
  const kb = buildKnowledgeBase([
    ...parsed,
    ...problems.map((diagnostic) => ({
      path: diagnostic.file,
      entities: [],
      declared: [],
      diagnostics: [diagnostic],
    })),
  ])
  return kb
}

/**
 * The content files under `root` (relative, `/`-separated, sorted) and problems met on the way.
 * Symlinks are followed only when they resolve inside `root`; loops are cut.
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

async function readAndParse(
  root: string,
  relative: string,
  options?: Readonly<LoadDirectoryOptions> | null,
): Promise<ParsedFile> {
  const absolute = path.join(root, ...relative.split('/'))
  const fail = (diagnostic: Diagnostic): ParsedFile => ({
    path: relative,
    entities: [],
    declared: [],
    diagnostics: [diagnostic],
  })
  try {
    const info = await lstat(absolute)
    const limit = options?.maxFileBytes ?? defaultMaxFileBytes
    if (info.size > limit) {
      return fail(
        createDiagnostic('file-too-large', {
          file: relative,
          position: { line: 1, column: 1 },
          message: `Unexpected file of ${info.size} bytes, expected at most ${limit}`,
        }),
      )
    }
    const bytes = await readFile(absolute)
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return fail(
        createDiagnostic('unreadable-file', {
          file: relative,
          position: { line: 1, column: 1 },
          message: 'Unexpected bytes that are not UTF-8, expected UTF-8 text',
        }),
      )
    }
    return parseFile({ path: relative, text }, options)
  } catch (error) {
    return fail(
      createDiagnostic('unreadable-file', {
        file: relative,
        position: { line: 1, column: 1 },
        message: `Unexpected unreadable file (${codeOf(error)}), expected a readable file`,
      }),
    )
  }
}

function unsafe(file: string, message: string): Diagnostic {
  return createDiagnostic('unsafe-path', { file, position: { line: 1, column: 1 }, message })
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : 'error'
}
