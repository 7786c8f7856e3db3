import { lstatSync } from 'node:fs'
import { readFile, realpath, rmdir, unlink } from 'node:fs/promises'
import path from 'node:path'
import { migrateFiles } from '../migrate/migrate-files.js'
import type { MigrationChange, MigrationFile, MigrationProblem } from '../migrate/types.js'
import { listContentFiles } from './list-content-files.js'
import { writeFileAtomic } from './write/write-file-atomic.js'
import { WriteRefusedError } from './write/write-refused-error.js'

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Options of {@link migrateDirectory}.
 *
 * @example
 * ```ts
 * const options: MigrateDirectoryOptions = { write: true }
 * ```
 */
export interface MigrateDirectoryOptions {
  /** Apply the plan: edit the files and move them. Default false: plan only. */
  readonly write?: boolean
}

/**
 * What {@link migrateDirectory} planned, and whether it wrote it.
 *
 * @example
 * ```ts
 * const { changes, problems, written } = await migrateDirectory('content')
 * ```
 */
export interface MigrateDirectoryResult {
  /** Each file's change: its move and its edited lines. */
  readonly changes: readonly MigrationChange[]
  /** What stops the folder from being migrated as it stands (nothing is written then). */
  readonly problems: readonly MigrationProblem[]
  /** Whether the changes were written: asked for, with changes to make and no problem. */
  readonly written: boolean
}

/** A listed content file and where it really is (inside the content folder). */
interface ReadFile extends MigrationFile {
  readonly real: string
}

/**
 * Plan, and with `write` apply, what `migrateFiles` does to a content folder written for an
 * earlier content format. Files are read whole (links followed only inside the folder; a file
 * that is not UTF-8 is left as it is); edits replace files atomically, moves create the new file
 * and then remove the old one, and a folder the moves left empty goes too. A file is never moved
 * onto anything that exists, and nothing is written through a link that leads out of the folder:
 * those throw a `WriteRefusedError` (reason `exists` or `outside`) before anything is written
 * where they apply.
 *
 * @example
 * ```ts
 * import { formatMigration, migrateDirectory } from '@realist-kb/core/node'
 * const result = await migrateDirectory('content', { write: true })
 * process.stdout.write(formatMigration(result, { root: 'content' }))
 * ```
 */
export async function migrateDirectory(
  directory: string,
  options?: Readonly<MigrateDirectoryOptions> | null,
): Promise<MigrateDirectoryResult> {
  const root = await realpath(directory)
  const files = await readFiles(root)
  const {
    changes,
    files: migrated,
    problems,
  } = migrateFiles(files, {
    // Anything at all at a move's target (a file that is not content, a folder) is in the way.
    occupied: (file) =>
      lstatSync(path.join(root, ...file.split('/')), { throwIfNoEntry: false }) !== undefined,
  })
  const written = options?.write === true && problems.length === 0 && changes.length > 0
  if (written) await writeFiles(root, files, migrated)
  return { changes, problems, written }
}

/** Every content file (links followed only inside the folder), read whole. */
async function readFiles(root: string): Promise<ReadFile[]> {
  const { files } = await listContentFiles(root)
  const seen = new Set<string>()
  const out: ReadFile[] = []
  for (const file of files) {
    const real = await realpath(path.join(root, ...file.split('/'))).catch(() => undefined)
    // Gone since it was listed, or a second name of one file (a link inside the folder).
    if (real === undefined || !isInside(root, real) || seen.has(real)) continue
    seen.add(real)
    // A file that is not UTF-8 is left as it is (validate reports it): decoding it leniently
    // and writing it back would replace bytes.
    let text: string
    try {
      text = utf8.decode(await readFile(real))
    } catch {
      continue
    }
    out.push({ path: file, text, real })
  }
  return out
}

/** Write the migrated files: edits replace files atomically, moves create then remove. */
async function writeFiles(
  root: string,
  before: readonly ReadFile[],
  after: readonly MigrationFile[],
): Promise<void> {
  const writes = after.flatMap((file, index) => {
    const source = before[index]
    if (source === undefined || (source.path === file.path && source.text === file.text)) return []
    const target =
      source.path === file.path ? source.real : path.join(root, ...file.path.split('/'))
    return [{ source, file, target }]
  })
  // Every folder is checked before the first write, so a refusal leaves the base as it was.
  for (const { target } of writes) await checkFolderInside(root, path.dirname(target))
  const emptied = new Set<string>()
  for (const { source, file, target } of writes) {
    if (source.path === file.path) {
      await checkFolderInside(root, path.dirname(target))
      // Rewriting the user's own content file is what `--write` asks for.
      await writeFileAtomic(target, file.text, { root, force: true })
      continue
    }
    await checkFolderInside(root, path.dirname(target))
    try {
      await writeFileAtomic(target, file.text, { root })
    } catch (error) {
      if (error instanceof WriteRefusedError && error.reason === 'exists')
        throw new WriteRefusedError(
          'exists',
          target,
          `Unexpected existing \`${file.path}\`: \`${source.path}\` left in place`,
        )
      throw error
    }
    const listed = path.join(root, ...source.path.split('/'))
    await unlink(listed)
    emptied.add(path.dirname(listed))
  }
  // A folder the moves left empty (`constructs/`) goes too; one holding anything else stays.
  for (const folder of emptied) await rmdir(folder).catch(() => undefined)
}

/** Refuse a folder that is, or has become, or would be created under, a link out of the content folder. */
async function checkFolderInside(root: string, folder: string): Promise<void> {
  // A folder not there yet is created under its nearest existing ancestor: that one is checked.
  let existing = folder
  let real = await realpath(existing).catch(() => undefined)
  while (real === undefined && path.dirname(existing) !== existing) {
    existing = path.dirname(existing)
    real = await realpath(existing).catch(() => undefined)
  }
  if (real === undefined || !isInside(root, real))
    throw new WriteRefusedError(
      'outside',
      folder,
      `Unexpected link \`${path.relative(root, existing)}\` to a folder outside the content folder: nothing written there`,
    )
}

function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root + path.sep)
}
