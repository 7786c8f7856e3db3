import type { EntityDescription } from '@realist-kb/export'
import { contentDirArgument, defineCommand, textOrJsonFormat } from '../command.js'
import { exitCodes, UsageError } from '../io.js'

/** Shape of `show --format json`, version 1. */
export type ShowJson = { readonly version: 1 } & EntityDescription

export const show = defineCommand({
  name: 'show',
  summary: 'print one entity, its links and its place in the chain',
  description: `Print one entity: its kind, id and place, its fields, the links it makes and the links made to
it, and what the chain says about it (for a recommendation its CMOCs and studies, for a CMOC its
evidence and recommendations, for a study where it is used and its reference in Vancouver style).`,
  arguments: [
    { name: 'id', help: "the entity's id (e.g. cmoc-2c, collins-2022, rec-2-3)", required: true },
    contentDirArgument,
  ],
  options: {
    format: textOrJsonFormat,
  },
  loads: true,
  exitCodes: '0 shown, 2 usage error (including an id that names nothing).',
  async run({ io, values, args, openContent }) {
    const id = args.id ?? ''
    const [{ didYouMean }, { describeEntity, renderEntityText }, { knowledgeBase: kb, shown }] =
      await Promise.all([
        import('@realist-kb/core'),
        import('@realist-kb/export'),
        openContent(args.dir),
      ])
    const described = describeEntity(kb, id)
    if (described === undefined) {
      const suggestion = didYouMean(id, kb.graph.nodes())
      throw new UsageError(
        `Unexpected id \`${id}\`, expected the id of an entity in ${shown}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`,
      )
    }
    const json: ShowJson = { version: 1, ...described }
    io.stdout.write(
      values.format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : renderEntityText(described),
    )
    return exitCodes.ok
  },
})
