import type { MigrateDirectoryResult } from '../node/migrate-directory.js'
import { counted } from './counted.js'

/**
 * Options of {@link formatMigration}.
 *
 * @example
 * ```ts
 * formatMigration(result, { root: 'content' } satisfies FormatMigrationOptions)
 * ```
 */
export interface FormatMigrationOptions {
  /** The content folder as the user typed it, prefixed to every path. Default `.`. */
  readonly root?: string
}

/**
 * A migration plan as a diff-like listing for a terminal: each file with its move and its changed
 * lines, the problems, and one summary line (what was written, or how to write it).
 *
 * @example
 * ```ts
 * process.stdout.write(formatMigration(await migrateDirectory('kb'), { root: 'kb' }))
 * // kb/constructs/coherence.md -> kb/groups/coherence.md  (construct-to-group)
 * //   2  - kind: construct
 * //      + kind: group
 * // 1 file (1 moved) to migrate: run `realist-kb migrate kb --write` to write them
 * ```
 */
export function formatMigration(
  result: Readonly<MigrateDirectoryResult>,
  options?: Readonly<FormatMigrationOptions> | null,
): string {
  const { changes, problems, written: write } = result
  const shown = options?.root ?? '.'
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
  const count = `${counted(files, 'file')}${moved > 0 ? ` (${moved} moved)` : ''}`
  if (problems.length > 0) lines.push(`${counted(problems.length, 'problem')}: nothing written`)
  else if (files === 0) lines.push(`${shown} is in the current format: nothing to change`)
  else if (write) lines.push(`${count} migrated`)
  else lines.push(`${count} to migrate: run \`realist-kb migrate ${shown} --write\` to write them`)
  return `${lines.join('\n')}\n`
}
