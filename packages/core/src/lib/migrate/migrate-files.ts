import { applyEdits, frontmatterTree } from './frontmatter-yaml.js'
import type { MigrationStep } from './step.js'
import { migrationSteps } from './steps.js'
import type {
  MigrateOptions,
  MigrationChange,
  MigrationEdit,
  MigrationFile,
  MigrationProblem,
  MigrationResult,
} from './types.js'

const byteOrderMark = '\uFEFF'

/**
 * Bring the files of a knowledge base written for an earlier content format to the current one
 * (format 1, realist-kb 0.1, to format 2: `constructs/` -> `groups/`, `kind: construct` -> `kind:
 * group`, `construct:` -> `group:` on CMOCs and recommendations, `reported.constructs` ->
 * `reported.groups`). Pure: the caller reads and writes the files.
 *
 * Only the words that changed are replaced, in the text as written: comments, order, quoting,
 * line endings and bodies stay as they are. Files already in the current format are returned
 * unchanged, so migrating twice is the same as migrating once. When `problems` is not empty (a
 * moved file would land where another file is, a field is written both ways), write nothing.
 *
 * @example
 * ```ts
 * import { migrateFiles } from '@realist-kb/core'
 * const { changes, files } = migrateFiles([
 *   { path: 'constructs/coherence.md', text: '---\nkind: construct # NPT\nname: Coherence\n---\n' },
 * ])
 * files[0] // { path: 'groups/coherence.md', text: '---\nkind: group # NPT\nname: Coherence\n---\n' }
 * changes[0]?.edits // [{ line: 2, before: 'kind: construct # NPT', after: 'kind: group # NPT' }]
 * ```
 */
export function migrateFiles(
  files: readonly MigrationFile[],
  options?: Readonly<MigrateOptions> | null,
): MigrationResult {
  const changes: MigrationChange[] = []
  const problems: MigrationProblem[] = []
  let current = files
  for (const step of migrationSteps) {
    current = current.map((file) => runStep(step, file, changes, problems))
  }
  for (const problem of collisions(files, current, options?.occupied ?? (() => false)))
    problems.push(problem)
  return { changes, files: current, problems }
}

function runStep(
  step: MigrationStep,
  file: MigrationFile,
  changes: MigrationChange[],
  problems: MigrationProblem[],
): MigrationFile {
  const bom = file.text.startsWith(byteOrderMark) ? byteOrderMark : ''
  const text = file.text.slice(bom.length)
  const output = step.migrate({ path: file.path, text, tree: frontmatterTree(text) })
  for (const problem of output.problems)
    problems.push({ file: file.path, line: lineAt(text, problem.offset), message: problem.message })
  if (output.edits.length === 0 && output.path === file.path) return file
  const migrated = applyEdits(text, output.edits)
  changes.push({
    step: step.name,
    format: step.format,
    from: file.path,
    to: output.path,
    edits: changedLines(
      text,
      migrated,
      output.edits.map((edit) => lineAt(text, edit.start)),
    ),
  })
  return { path: output.path, text: bom + migrated }
}

/** The lines edited, before and after; edits replace words within a line, never line breaks. */
function changedLines(before: string, after: string, lines: readonly number[]): MigrationEdit[] {
  const old = before.split('\n')
  const now = after.split('\n')
  return [...new Set(lines)]
    .sort((a, b) => a - b)
    .map((line) => ({
      line,
      before: (old[line - 1] ?? '').replace(/\r$/, ''),
      after: (now[line - 1] ?? '').replace(/\r$/, ''),
    }))
}

/**
 * Moves onto a path that is taken, by another file given or one the caller knows of: a moved
 * file never replaces another.
 */
function collisions(
  before: readonly MigrationFile[],
  after: readonly MigrationFile[],
  occupied: (path: string) => boolean,
): MigrationProblem[] {
  const problems: MigrationProblem[] = []
  const given = new Set(before.map((file) => file.path))
  const seen = new Map<string, string>()
  const refuse = (moved: string, target: string): void => {
    problems.push({
      file: moved,
      line: 1,
      message: `Unexpected existing \`${target}\`, expected no file where \`${moved}\` moves: merge or rename one of them and run the migration again`,
    })
  }
  after.forEach((file, index) => {
    const source = before[index]?.path ?? file.path
    const other = seen.get(file.path)
    if (other !== undefined) refuse(source === file.path ? other : source, file.path)
    else if (source !== file.path && !given.has(file.path) && occupied(file.path))
      refuse(source, file.path)
    seen.set(file.path, source)
  })
  return problems
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length
}
