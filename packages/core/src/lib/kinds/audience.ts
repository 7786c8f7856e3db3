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
  name: z.string().min(1),
  examples: z.array(z.string().min(1)).optional(),
  order: z.number().int().optional(),
  /** For an audience cell that names several groups: the audiences it includes. */
  includes: z.array(referenceSchema).optional(),
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
