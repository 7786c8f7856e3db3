import { z } from 'zod'
import { acknowledgementSchema, entityBase, referenceSchema } from '../schema/common.js'
import type { KindDefinition } from './kind.js'
import { todo } from './yaml-text.js'

/**
 * A part of the programme theory that findings are grouped by (an NPT construct, a context, a
 * theory area...): the frontmatter of a file in `groups/`. Groups may nest through `parent`.
 *
 * @example
 * ```ts
 * groupSchema.parse({ kind: 'group', name: 'Coherence', description: 'Sense-making work.' })
 * ```
 */
export const groupSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('group'),
  name: z
    .string()
    .min(1)
    .meta({ description: 'The group as the theory names it.', examples: ['Coherence'] }),
  aka: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: 'Other names.', examples: [['sense-making']] }),
  question: z
    .string()
    .optional()
    .meta({
      description: 'The plain-language heading the review uses.',
      examples: ['Understanding what needs to be done'],
    }),
  order: z
    .number()
    .int()
    .optional()
    .meta({ description: 'Position in reports.', examples: [1] }),
  parent: referenceSchema.optional().meta({
    description: 'The group this one sits in (a reference to a group): groups may nest.',
    examples: ['coherence'],
  }),
  description: z
    .string()
    .min(1)
    .meta({
      description: 'What the group covers.',
      examples: ['How people make sense of a new way of working.'],
    }),
  acknowledged: z
    .array(acknowledgementSchema(['group-without-cmoc']))
    .optional()
    .meta({ description: 'Gaps acknowledged on this group, with the reason: reported as info.' }),
})

/**
 * The frontmatter of a group, once validated.
 *
 * @example
 * ```ts
 * const group: GroupData = { kind: 'group', name: 'Coherence', description: '...' }
 * ```
 */
export type GroupData = z.infer<typeof groupSchema>

/** A group: its CMOCs belong to it directly or through a sub-group. */
export const group: KindDefinition<'group'> = {
  kind: 'group',
  folder: 'groups',
  schema: groupSchema,
  references: [{ key: 'parent', many: false, expected: ['group'], type: 'belongs-to' }],
  // Readers see the review's own names (see `vocabularyOf`); these are the defaults.
  noun: { singular: 'group', plural: 'groups' },
  gaps: ['group-without-cmoc'],
  findGaps: (graph, entity) => {
    // A group whose CMOCs all sit in sub-groups is not empty.
    const pending = [entity.id]
    const seen = new Set(pending)
    while (pending.length > 0) {
      const id = pending.pop() as string
      let found = false
      graph.forEachInEdge(id, (_edge, attributes, source) => {
        if (found || attributes.type !== 'belongs-to') return
        const kind = graph.getNodeAttribute(source, 'kind')
        if (kind === 'cmoc') found = true
        else if (kind === 'group' && !seen.has(source)) {
          seen.add(source)
          pending.push(source)
        }
      })
      if (found) return []
    }
    return [
      {
        name: 'group-without-cmoc',
        message: `Unexpected group \`${entity.id}\` without CMOCs, expected at least one CMOC to belong to it`,
      },
    ]
  },
  label: (entity) => entity.data.name,
  title: (entity) => entity.data.name,
  template: {
    needs: [],
    uses: [],
    render: (id) =>
      [
        '---',
        'kind: group',
        `id: ${id}`,
        `name: ${todo('the group as the theory names it')}`,
        `description: ${todo('what the group covers')}`,
        '# aka: [other names]',
        '# question: the plain-language heading the review uses',
        '# order: 1 # position in reports',
        '# parent: another-group # for a sub-group',
        '# provenance: where in the source the group is described',
        '---',
        '',
        'TODO: longer notes on the group.',
        '',
      ].join('\n'),
  },
}
