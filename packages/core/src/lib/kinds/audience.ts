import { z } from 'zod'
import { entityBase, referenceSchema } from '../schema/common.js'
import type { KindDefinition } from './kind.js'
import { todo } from './yaml-text.js'

/**
 * Who a recommendation addresses: the frontmatter of a file in `audiences/`.
 *
 * @example
 * ```ts
 * audienceSchema.parse({ kind: 'audience', name: 'Healthcare professionals' })
 * ```
 */
export const audienceSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('audience'),
  name: z
    .string()
    .min(1)
    .meta({ description: 'Who is addressed.', examples: ['Public health agencies'] }),
  examples: z
    .array(z.string().min(1))
    .optional()
    .meta({
      description: 'Examples, as the source lists them.',
      examples: [['government health ministries']],
    }),
  order: z
    .number()
    .int()
    .optional()
    .meta({ description: 'Position in reports.', examples: [1] }),
  includes: z
    .array(referenceSchema)
    .optional()
    .meta({
      description: 'For an audience that names several: the audiences it includes (references).',
      examples: [['healthcare-professionals']],
    }),
})

/**
 * The frontmatter of an audience, once validated.
 *
 * @example
 * ```ts
 * const audience: AudienceData = { kind: 'audience', name: 'Commissioners', examples: ['ICBs'] }
 * ```
 */
export type AudienceData = z.infer<typeof audienceSchema>

/** An audience that recommendations address; a compound audience includes others. */
export const audience: KindDefinition<'audience'> = {
  kind: 'audience',
  folder: 'audiences',
  schema: audienceSchema,
  references: [{ key: 'includes', many: true, expected: ['audience'], type: 'includes' }],
  noun: { singular: 'audience', plural: 'audiences' },
  gaps: [],
  label: (entity) => entity.data.name,
  title: (entity) => entity.data.name,
  template: {
    needs: [],
    uses: [],
    render: (id) =>
      [
        '---',
        'kind: audience',
        `id: ${id}`,
        `name: ${todo('who the recommendations address')}`,
        '# examples:',
        '#   - as the source lists them',
        '# order: 1',
        '# provenance: Table 2, section 1',
        '---',
        '',
      ].join('\n'),
  },
}
