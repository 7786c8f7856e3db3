import type { Choice } from '../command.js'
import { contentDirArgument, defineCommand } from '../command.js'
import { exitCodes, UsageError } from '../io.js'

/** The interchange formats, from the exporter registry (loaded only when needed). */
async function exportFormats(): Promise<Choice[]> {
  const { formatsOf } = await import('@realist-kb/export')
  return formatsOf('knowledge-base').map((format) => ({
    name: format.name,
    help: format.description,
  }))
}

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'the knowledge base for other tools: graphs, diagrams, codebook (--help: formats)',
  description: 'Write the knowledge base in a format other tools open.',
  arguments: [contentDirArgument],
  options: {
    format: { type: 'string', value: '<format>', help: 'one of:', choices: exportFormats },
    trace: {
      type: 'string',
      value: '<id>',
      help: "mermaid and dot: draw this recommendation's trace (to its CMOCs,\nevidence and studies) instead of the programme theory",
    },
  },
  output: true,
  loads: true,
  notes: `The export is written even when the knowledge base has errors (entities with errors are
left out); the exit code is then 1.`,
  exitCodes: '0 ok, 1 content errors, 2 usage error (including a refused overwrite).',
  async run({ io, values, args, openContent, output }) {
    const [{ didYouMean, summaryLine }, exporters] = await Promise.all([
      import('@realist-kb/core'),
      import('@realist-kb/export'),
    ])
    if (values.format === undefined)
      throw new UsageError(
        `Missing --format, expected one of ${exporters
          .formatsOf('knowledge-base')
          .map((format) => format.name)
          .join(', ')}`,
      )
    const format = exporters.findFormat('knowledge-base', values.format)
    if (format === undefined) throw new Error(`format ${values.format} is not registered`)
    if (values.trace !== undefined && !format.traces)
      throw new UsageError(
        `Unexpected --trace with --format ${format.name}, expected a format that draws a trace: ${exporters
          .formatsOf('knowledge-base')
          .filter((candidate) => candidate.traces)
          .map((candidate) => candidate.name)
          .join(', ')}`,
      )
    if (format.binary && values.out === undefined)
      throw new UsageError(
        `Unexpected --format ${format.name} without --out, expected a file (it is a zip)`,
      )
    const { knowledgeBase: kb, shown } = await openContent(args.dir)
    let text: string | Uint8Array
    try {
      text = format.render(kb, values.trace === undefined ? {} : { trace: values.trace })
    } catch (error) {
      if (error instanceof exporters.UnknownTraceError) {
        const recommendations = kb.graph.filterNodes(
          (_id, entity) => entity.kind === 'recommendation' || entity.kind === 'cmoc',
        )
        const suggestion = didYouMean(error.id, recommendations)
        throw new UsageError(
          `Unexpected --trace \`${error.id}\`, expected the id of a recommendation or a CMOC${suggestion === undefined ? '' : ` (did you mean \`${suggestion}\`?)`}`,
        )
      }
      if (!(error instanceof exporters.EmptyCodebookError)) throw error
      io.stderr.write(
        `realist-kb export: ${shown} has no group or CMOC, so there is no code to write\n`,
      )
      return exitCodes.contentErrors
    }
    await output(text, () => `${format.name}, ${kb.graph.order} entities, ${kb.graph.size} links`)
    const errors = kb.diagnostics.filter((d) => d.severity === 'error').length
    if (errors > 0)
      io.stderr.write(
        `realist-kb export: ${summaryLine(kb.diagnostics)} in ${shown}; run \`realist-kb validate\` for details\n`,
      )
    return errors > 0 ? exitCodes.contentErrors : exitCodes.ok
  },
})
