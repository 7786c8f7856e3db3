import { execFile, spawn } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { isContentPath } from '../../content-path.js'
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js'
import { buildKnowledgeBase } from '../../graph/build-graph.js'
import type { KnowledgeBase } from '../../graph/types.js'
import { type ParseOptions, parseFile, type SourceFile } from '../../parse/parse-file.js'

const run = promisify(execFile)

/** Largest output read from one `git` call that is not `cat-file` (tree listings). */
const maxListingBytes = 256 * 1024 * 1024

/** Largest file read from a revision, as for a folder: larger files are reported, not read. */
const maxFileBytes = 4 * 1024 * 1024

/**
 * A revision that git does not know, a folder that is not in a git repository, or no `git`.
 *
 * @example
 * ```ts
 * try {
 *   await loadGitRevision('.', 'no-such-tag', 'content')
 * } catch (error) {
 *   if (error instanceof GitRevisionError) process.exitCode = 2
 * }
 * ```
 */
export class GitRevisionError extends Error {
  override readonly name = 'GitRevisionError'
}

/**
 * Load the knowledge base that `folder` held at git revision `revision`, read straight from the
 * repository's objects (`git ls-tree`, `git cat-file --batch`): nothing is checked out and the
 * working tree and index are never touched. `cwd` is any folder inside the repository; `folder`
 * is relative to it.
 *
 * @example
 * ```ts
 * import { loadGitRevision } from '@realist-kb/core/node'
 * const before = await loadGitRevision(process.cwd(), 'v1.0', 'content')
 * ```
 */
export async function loadGitRevision(
  cwd: string,
  revision: string,
  folder: string,
  options?: Readonly<ParseOptions> | null,
): Promise<KnowledgeBase> {
  const { files, problems } = await readGitRevision(cwd, revision, folder)
  return buildKnowledgeBase([
    ...files.map((file) => parseFile(file, options)),
    ...problems.map((diagnostic) => ({
      path: diagnostic.file,
      entities: [],
      declared: [],
      diagnostics: [diagnostic],
    })),
  ])
}

/**
 * The content files (paths relative to `folder`) of `folder` at git revision `revision`, and
 * the files that could not be read (too large, not UTF-8) as diagnostics, as a folder reports them.
 *
 * @example
 * ```ts
 * import { readGitRevision } from '@realist-kb/core/node'
 * const { files, problems } = await readGitRevision(process.cwd(), 'HEAD~1', 'content')
 * ```
 */
export async function readGitRevision(
  cwd: string,
  revision: string,
  folder: string,
): Promise<{ files: SourceFile[]; problems: Diagnostic[] }> {
  if (revision.startsWith('-'))
    throw new GitRevisionError(`Unexpected revision \`${revision}\`, expected a git revision`)
  const top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim()
  const commit = (
    await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])
  ).trim()
  const prefix = path.relative(top, path.resolve(cwd, folder)).split(path.sep).join('/')
  if (prefix.startsWith('..'))
    throw new GitRevisionError(
      `Unexpected folder \`${folder}\`, expected one inside the repository`,
    )
  const listing = await git(top, [
    'ls-tree',
    '-r',
    '-z',
    '-l',
    '--full-tree',
    commit,
    '--',
    prefix || '.',
  ])
  const blobs: { path: string; object: string }[] = []
  const problems: Diagnostic[] = []
  for (const record of listing.split('\0')) {
    const match = /^(\d+) blob ([0-9a-f]+) +(\d+)\t(.*)$/s.exec(record)
    // Regular files only: symbolic links (120000) and submodules are not content.
    if (!match || match[1] === '120000') continue
    const relative = prefix === '' ? (match[4] ?? '') : (match[4] ?? '').slice(prefix.length + 1)
    if (!isContentPath(relative)) continue
    const size = Number(match[3])
    if (size > maxFileBytes)
      problems.push(
        createDiagnostic('file-too-large', {
          file: relative,
          position: { line: 1, column: 1 },
          message: `Unexpected file of ${size} bytes, expected at most ${maxFileBytes}`,
        }),
      )
    else blobs.push({ path: relative, object: match[2] ?? '' })
  }
  if (blobs.length + problems.length === 0) {
    const kind = (await git(top, ['cat-file', '-t', `${commit}:${prefix}`]).catch(() => '')).trim()
    if (kind !== 'tree')
      throw new GitRevisionError(
        `Unexpected folder \`${folder}\` at \`${revision}\`, expected a content folder`,
      )
  }
  const texts = await catFiles(
    top,
    blobs.map((blob) => blob.object),
  )
  const files: SourceFile[] = []
  blobs.forEach((blob, index) => {
    const text = texts[index]
    if (text !== undefined) files.push({ path: blob.path, text })
    else
      problems.push(
        createDiagnostic('unreadable-file', {
          file: blob.path,
          position: { line: 1, column: 1 },
          message: 'Unexpected bytes that are not UTF-8, expected a UTF-8 text file',
        }),
      )
  })
  return { files, problems }
}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run('git', [...args], {
      cwd,
      maxBuffer: maxListingBytes,
      encoding: 'utf8',
    })
    return stdout
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'ENOENT')
      throw new GitRevisionError('Unexpected missing `git`, expected it on PATH')
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim()
    throw new GitRevisionError(
      args[0] === 'rev-parse' && args.includes('--verify')
        ? `Unexpected revision \`${args.at(-1)?.replace(/\^\{commit\}$/, '')}\`, expected a commit, branch or tag of this repository`
        : `Unexpected failure of \`git ${args[0]}\`, expected a git repository${stderr ? `: ${stderr}` : ''}`,
    )
  }
}

/** Read blobs through one `git cat-file --batch` process, in order. */
function catFiles(cwd: string, objects: readonly string[]): Promise<(string | undefined)[]> {
  if (objects.length === 0) return Promise.resolve([])
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', (error) => reject(new GitRevisionError(error.message)))
    child.on('close', (code) => {
      if (code !== 0) return reject(new GitRevisionError('Unexpected failure of `git cat-file`'))
      try {
        resolve(parseBatch(Buffer.concat(chunks), objects.length))
      } catch (error) {
        reject(error)
      }
    })
    child.stdin.end(`${objects.join('\n')}\n`)
  })
}

/** Split `git cat-file --batch` output: `<oid> <type> <size>\n<bytes>\n` per object. */
function parseBatch(output: Buffer, count: number): (string | undefined)[] {
  const texts: (string | undefined)[] = []
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let at = 0
  for (let index = 0; index < count; index++) {
    const end = output.indexOf(10, at)
    const header = output.subarray(at, end).toString('utf8').split(' ')
    const size = Number(header[2])
    if (end < 0 || header[1] !== 'blob' || !Number.isInteger(size))
      throw new GitRevisionError('Unexpected output of `git cat-file`, expected a blob')
    try {
      texts.push(decoder.decode(output.subarray(end + 1, end + 1 + size)))
    } catch {
      texts.push(undefined)
    }
    at = end + 1 + size + 1
  }
  return texts
}
