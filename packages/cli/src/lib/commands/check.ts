import type { RamesesChecklist } from '@realist-kb/core'
import { contentDirArgument, defineCommand, textOrJsonFormat } from '../command.js'
import { exitCodes } from '../io.js'

export const check = defineCommand({
  name: 'check',
  summary: 'RAMESES publication standards: what the review states and its data show',
  description: `Check the review against the RAMESES publication standards for realist syntheses (19 items):
where review.md says each item is reported (\`rameses:\`, item number -> place in the paper), and
for the items the data can show, whether it does: the title names a realist review (1), the
search is described with databases and dates (8), selection criteria are listed (9), a flow of
documents exists (12), included documents are described (13), CMOCs and a programme theory exist
(14), recommendations name their audiences (18). The other items are checked by the statement
alone.`,
  arguments: [
    {
      name: 'standard',
      help: 'the standard to check against',
      required: true,
      choices: [{ name: 'rameses' }],
    },
    contentDirArgument,
  ],
  options: {
    format: textOrJsonFormat,
  },
  loads: true,
  exitCodes: '0 every automatic check passed, 1 an automatic check failed, 2 usage error.',
  async run({ io, values, args, openContent }) {
    const [{ checkRameses }, { knowledgeBase }] = await Promise.all([
      import('@realist-kb/core'),
      openContent(args.dir),
    ])
    const checklist = checkRameses(knowledgeBase)
    io.stdout.write(
      values.format === 'json'
        ? `${JSON.stringify({ version: 1, ...checklist }, null, 2)}\n`
        : render(checklist),
    )
    return checklist.failed.length > 0 ? exitCodes.contentErrors : exitCodes.ok
  },
})

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
