import { lstatSync } from 'node:fs'
import { readFile, realpath, rmdir, unlink } from 'node:fs/promises'
import path from 'node:path'
import {
  type MigrationChange,
  type MigrationFile,
  type MigrationProblem,
  migrateFiles,
} from '@realist-kb/core'
import { listContentFiles, WriteRefusedError, writeFileAtomic } from '@realist-kb/core/node'
import type { CommandContext } from '../command.js'
import { resolveContentDir } from '../content-dir.js'
import { exitCodes, UsageError } from '../io.js'
import type { MigrateOptions } from './migrate.js'

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** A listed content file and where it really is (inside the content folder). */
interface ReadFile extends MigrationFile {
  readonly real: string
}

/**
 * `realist-kb migrate [dir] [--write]`: print, or with `--write` apply, what `migrateFiles` does to
 * the folder.
 */
export async function runMigrate({
  io,
  values,
  args,
}: CommandContext<MigrateOptions>): Promise<number> {
  const format = values.format ?? 'text'
  const { absolute, shown } = await resolveContentDir(io.cwd, args.dir)
  const root = await realpath(absolute)
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

  const write = values.write === true && problems.length === 0 && changes.length > 0
  if (write) await writeFiles(root, files, migrated)
  if (format === 'json') {
    const result = { version: 1, written: write, changes, problems }
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  } else {
    io.stdout.write(plan(changes, problems, shown, values.write === true))
  }
  return problems.length > 0 ? exitCodes.contentErrors : exitCodes.ok
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
        throw new UsageError(
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
    throw new UsageError(
      `Unexpected link \`${path.relative(root, existing)}\` to a folder outside the content folder: nothing written there`,
    )
}

function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root + path.sep)
}

/** The plan as a diff-like listing: each file, its move, and its changed lines. */
function plan(
  changes: readonly MigrationChange[],
  problems: readonly MigrationProblem[],
  shown: string,
  write: boolean,
): string {
  const lines: string[] = []
  for (const change of changes) {
    const move = change.from === change.to ? '' : ` -> ${shown}/${change.to}`
    lines.push(`${shown}/${change.from}${move}  (${change.step})`)
    const width = Math.max(0, ...change.edits.map((edit) => String(edit.line).length))
    for (const edit of change.edits) {
      lines.push(`  ${String(edit.line).padStart(width)}  - ${edit.before}`)
      lines.push(`  ${' '.repeat(width)}  + ${edit.after}`)
    }
  }
  for (const problem of problems)
    lines.push(`${shown}/${problem.file}:${problem.line}  error  ${problem.message}`)
  const files = new Set(changes.map((change) => change.from)).size
  const moved = changes.filter((change) => change.from !== change.to).length
  const count = `${files} file${files === 1 ? '' : 's'}${moved > 0 ? ` (${moved} moved)` : ''}`
  if (problems.length > 0)
    lines.push(`${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing written`)
  else if (files === 0) lines.push(`${shown} is in the current format: nothing to change`)
  else if (write) lines.push(`${count} migrated`)
  else lines.push(`${count} to migrate: run \`realist-kb migrate ${shown} --write\` to write them`)
  return `${lines.join('\n')}\n`
}
