import type { Place, SourceFile } from '@realist-kb/core'

/**
 * Why a diagnostic's (or a link's) place does not lie inside its file, or `undefined` when it
 * does.
 * Lines are split at `\n`, as the loader counts them; a `\r` belongs to its line, and columns
 * count UTF-16 code units from 1 to the line's length + 1 (just after its last character).
 * A file the diagnostic names that is not among `files` (the missing `review.md`) has only
 * line 1, column 1.
 *
 * @example
 * ```ts
 * for (const d of kb.diagnostics) expect(outsideItsFile(d, files)).toBeUndefined()
 * ```
 */
export function outsideItsFile(
  diagnostic: Place & { readonly name?: string },
  files: readonly SourceFile[],
): string | undefined {
  const file = files.find((candidate) => candidate.path === diagnostic.file)
  const lines = (file?.text ?? '').split('\n')
  const where = `${diagnostic.file} ${diagnostic.line}:${diagnostic.column}-${diagnostic.endLine}:${diagnostic.endColumn} (${diagnostic.name ?? 'link'})`
  const check = (line: number, column: number): string | undefined => {
    if (!Number.isInteger(line) || !Number.isInteger(column)) return `${where}: not integers`
    if (line < 1 || line > lines.length) return `${where}: line ${line} of ${lines.length}`
    const length = lines[line - 1]?.length ?? 0
    if (column < 1 || column > length + 1)
      return `${where}: column ${column} on a line of ${length} characters`
    return undefined
  }
  const start = check(diagnostic.line, diagnostic.column)
  if (start !== undefined) return start
  if (diagnostic.endLine === undefined && diagnostic.endColumn === undefined) return undefined
  if (diagnostic.endLine === undefined || diagnostic.endColumn === undefined)
    return `${where}: an end line without an end column, or the reverse`
  const end = check(diagnostic.endLine, diagnostic.endColumn)
  if (end !== undefined) return end
  if (
    diagnostic.endLine < diagnostic.line ||
    (diagnostic.endLine === diagnostic.line && diagnostic.endColumn < diagnostic.column)
  )
    return `${where}: ends before it starts`
  return undefined
}
