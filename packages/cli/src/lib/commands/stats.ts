import type { KnowledgeBaseStatistics } from '@realist-kb/core'
import { contentDirArgument, defineCommand, textOrJsonFormat } from '../command.js'
import { exitCodes } from '../io.js'

/** Shape of `stats --format json`, version 1. */
export interface StatsJson extends KnowledgeBaseStatistics {
  readonly version: 1
  readonly root: string
}

export const stats = defineCommand({
  name: 'stats',
  summary: 'counts, evidence per CMOC, coverage and gaps',
  description: `Count what a knowledge base holds and how well it is connected: entities per kind, evidence per
CMOC, coverage of the chain recommendation -> CMOC -> evidence -> study, and the evidence gaps.`,
  arguments: [contentDirArgument],
  options: {
    format: textOrJsonFormat,
  },
  loads: true,
  exitCodes:
    '0 no errors (gaps are warnings), 1 the content has errors (run validate), 2 usage\nerror.',
  async run({ io, values, args, openContent }) {
    const [{ formatStatistics, statistics }, { knowledgeBase: kb, shown }] = await Promise.all([
      import('@realist-kb/core'),
      openContent(args.dir),
    ])
    const summary: StatsJson = { version: 1, root: shown, ...statistics(kb) }
    io.stdout.write(
      values.format === 'json'
        ? `${JSON.stringify(summary, null, 2)}\n`
        : formatStatistics(summary, { root: shown }),
    )
    return summary.errors > 0 ? exitCodes.contentErrors : exitCodes.ok
  },
})
