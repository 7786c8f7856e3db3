import { checkRameses, type RamesesChecklist } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { oneOf, parseCommandArgs } from '../args.js'
import { resolveContentDir } from '../content-dir.js'
import { type CliIo, exitCodes, UsageError } from '../io.js'

export const checkHelp = `Usage: realist-kb check rameses [dir] [options]

Check the review against the RAMESES publication standards for realist syntheses (19 items):
where review.md says each item is reported (\`rameses:\`, item number -> place in the paper), and
for the items the data can show, whether it does: the title names a realist review (1), the
search is described with databases and dates (8), selection criteria are listed (9), a flow of
documents exists (12), included documents are described (13), CMOCs and a programme theory exist
(14), recommendations name their audiences (18). The other items are checked by the statement
alone.

Arguments:
  dir                   content folder (default: content)

Options:
  --format <format>     text (default) or json
  -h, --help            show this help

Exit codes: 0 every automatic check passed, 1 an automatic check failed, 2 usage error.
`

/**
 * `realist-kb check rameses [dir]`: the RAMESES checklist of a knowledge base.
 *
 * @example
 * ```ts
 * await checkCommand(['rameses', 'content', '--format', 'json'], io)
 * ```
 */
export async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    2,
  )
  if (values.help) {
    io.stdout.write(checkHelp)
    return exitCodes.ok
  }
  const [standard, folder] = positionals
  if (standard !== 'rameses')
    throw new UsageError(
      standard === undefined
        ? 'Missing standard, expected `rameses`'
        : `Unexpected standard \`${standard}\`, expected \`rameses\``,
    )
  const format = oneOf('format', values.format, ['text', 'json'], 'text')
  const dir = await resolveContentDir(io.cwd, folder)
  const checklist = checkRameses(await loadDirectory(dir.absolute))
  io.stdout.write(
    format === 'json'
      ? `${JSON.stringify({ version: 1, ...checklist }, null, 2)}\n`
      : render(checklist),
  )
  return checklist.failed.length > 0 ? exitCodes.contentErrors : exitCodes.ok
}

function render(checklist: RamesesChecklist): string {
  const lines = [`RAMESES publication standards for realist syntheses`, `(${checklist.source})`, '']
  for (const row of checklist.rows) {
    lines.push(`${String(row.item.number).padStart(2)}. ${row.item.title}`)
    lines.push(`    reported at: ${row.reportedAt ?? 'not stated'}`)
    lines.push(`    check: ${row.check.status}, ${row.check.detail}`)
  }
  lines.push(
    '',
    `${checklist.failed.length} automatic checks failed${checklist.failed.length > 0 ? ` (items ${checklist.failed.join(', ')})` : ''}; ${checklist.unaccounted.length} items neither stated nor shown${checklist.unaccounted.length > 0 ? ` (items ${checklist.unaccounted.join(', ')})` : ''}.`,
  )
  return `${lines.join('\n')}\n`
}
