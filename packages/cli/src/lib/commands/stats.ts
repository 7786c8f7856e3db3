import { defineCommand } from '../command.js'
import { exitCodes } from '../io.js'
import type { StatsJson } from './stats-summary.js'

export type { StatsJson } from './stats-summary.js'

export const stats = defineCommand({
  name: 'stats',
  summary: 'counts, evidence per CMOC, coverage and gaps',
  description: `Count what a knowledge base holds and how well it is connected: entities per kind, evidence per
CMOC, coverage of the chain recommendation -> CMOC -> evidence -> study, and the evidence gaps.`,
  arguments: [{ name: 'dir', help: 'content folder (default: content)' }],
  options: {
    format: {
      type: 'string',
      value: '<format>',
      help: 'text (default) or json',
      choices: [{ name: 'text' }, { name: 'json' }],
    },
  },
  loads: true,
  exitCodes:
    '0 no errors (gaps are warnings), 1 the content has errors (run validate), 2 usage\nerror.',
  async run({ io, values, args, openContent }) {
    const [core, { renderStats }, { knowledgeBase: kb, shown }] = await Promise.all([
      import('@realist-kb/core'),
      import('./stats-summary.js'),
      openContent(args.dir),
    ])
    const summary: StatsJson = {
      version: 1,
      root: shown,
      ...core.statistics(kb),
      judgement: {
        cmocsByConfidence: core.cmocsByConfidence(kb.graph),
        recommendationsOnLowConfidence: core.recommendationsOnLowConfidence(kb.graph),
        studiesByRigour: core.studiesByAppraisal(kb.graph, 'rigour'),
        leadsToCycles: core.leadsToCycles(kb.graph),
      },
    }
    io.stdout.write(
      values.format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : renderStats(summary),
    )
    return summary.errors > 0 ? exitCodes.contentErrors : exitCodes.ok
  },
})
