/**
 * A file of a knowledge base as the migration reads and writes it: its path relative to the
 * content folder (`/`-separated, e.g. `cmocs/cmoc-1a.md`) and its text.
 *
 * @example
 * ```ts
 * const file: MigrationFile = { path: 'constructs/coherence.md', text: '---\nkind: construct\n---\n' }
 * ```
 */
export interface MigrationFile {
  readonly path: string
  readonly text: string
}

/**
 * One changed line: its number in the file before the step, and the line before and after.
 *
 * @example
 * ```ts
 * const edit: MigrationEdit = { line: 2, before: 'kind: construct', after: 'kind: group' }
 * ```
 */
export interface MigrationEdit {
  readonly line: number
  readonly before: string
  readonly after: string
}

/**
 * What one migration step does to one file: the path it had and the path it gets (the same when
 * the file stays where it is), and the lines it changes.
 *
 * @example
 * ```ts
 * const change: MigrationChange = {
 *   step: 'construct-to-group',
 *   format: 2,
 *   from: 'constructs/coherence.md',
 *   to: 'groups/coherence.md',
 *   edits: [{ line: 2, before: 'kind: construct', after: 'kind: group' }],
 * }
 * ```
 */
export interface MigrationChange {
  /** The step's name, e.g. `construct-to-group`. */
  readonly step: string
  /** The content format the step brings the file to. */
  readonly format: number
  readonly from: string
  readonly to: string
  readonly edits: readonly MigrationEdit[]
}

/**
 * Why a knowledge base cannot be migrated as it stands (a file would land on another, a field is
 * written both the old way and the new): the caller should write nothing.
 *
 * @example
 * ```ts
 * const problem: MigrationProblem = {
 *   file: 'constructs/coherence.md',
 *   line: 1,
 *   message: 'Unexpected existing `groups/coherence.md`, expected no file where `constructs/coherence.md` moves',
 * }
 * ```
 */
export interface MigrationProblem {
  readonly file: string
  readonly line: number
  readonly message: string
}

/**
 * What {@link migrateFiles} returns: every change in the order the steps made them, the files as
 * they are after the migration (in input order, moved files under their new paths), and the
 * problems that forbid writing the result.
 *
 * @example
 * ```ts
 * const { changes, files, problems } = migrateFiles(input)
 * if (problems.length === 0 && changes.length > 0) write(files)
 * ```
 */
export interface MigrationResult {
  readonly changes: readonly MigrationChange[]
  readonly files: readonly MigrationFile[]
  readonly problems: readonly MigrationProblem[]
}

/**
 * Options of {@link migrateFiles}.
 *
 * @example
 * ```ts
 * import { existsSync } from 'node:fs'
 * const options: MigrateOptions = { occupied: (file) => existsSync(`content/${file}`) }
 * ```
 */
export interface MigrateOptions {
  /**
   * Whether a path (relative, `/`-separated) that is not among the files given is taken, by a
   * file the caller did not pass (not content, or not readable): no file moves onto it.
   */
  readonly occupied?: (path: string) => boolean
}
