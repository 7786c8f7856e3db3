import { z } from 'zod'
import { acknowledgementSchema, entityBase, referenceSchema } from '../schema/common.js'
import type { GapFinding, KindDefinition } from './kind.js'
import { todo } from './yaml-text.js'

/**
 * An action the review recommends to named audiences: the frontmatter of a file in
 * `recommendations/`.
 *
 * @example
 * ```ts
 * recommendationSchema.safeParse({
 *   kind: 'recommendation',
 *   group: 'coherence',
 *   text: 'Explain palliative care early.',
 *   audiences: ['healthcare-professionals'],
 *   cmocs: ['cmoc-1a'],
 * }).success // true
 * ```
 */
export const recommendationSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('recommendation'),
  section: z
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: "Section of the source's table.", examples: [2] }),
  order: z
    .number()
    .int()
    .optional()
    .meta({ description: 'Position within its section.', examples: [3] }),
  group: referenceSchema.optional().meta({
    description: 'The group it belongs to (a reference to a group).',
    examples: ['coherence'],
  }),
  text: z
    .string()
    .min(1)
    .meta({
      description: 'The recommendation as the source words it.',
      examples: ['Explain palliative care early.'],
    }),
  emphasis: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: 'Phrases the source emphasises.', examples: [['early']] }),
  audiences: z
    .array(referenceSchema)
    .min(1)
    .optional()
    .meta({
      description: 'Who it addresses (references to audiences); a warning when absent.',
      examples: [['healthcare-professionals']],
    }),
  cmocs: z
    .array(referenceSchema)
    .optional()
    .meta({
      description: 'The CMOCs it derives from (references), each stated or inferred.',
      examples: [['cmoc-2c']],
    }),
  acknowledged: z
    .array(
      acknowledgementSchema(['recommendation-without-cmoc', 'recommendation-without-audience']),
    )
    .optional()
    .meta({
      description: 'Gaps acknowledged on this recommendation, with the reason: reported as info.',
    }),
})

/**
 * The frontmatter of a recommendation, once validated.
 *
 * @example
 * ```ts
 * const rec: RecommendationData = {
 *   kind: 'recommendation',
 *   group: 'coherence',
 *   text: 'Explain palliative care early.',
 *   audiences: ['healthcare-professionals'],
 * }
 * ```
 */
export type RecommendationData = z.infer<typeof recommendationSchema>

/** A recommendation: it rests on CMOCs and addresses audiences. */
export const recommendation: KindDefinition<'recommendation'> = {
  kind: 'recommendation',
  folder: 'recommendations',
  schema: recommendationSchema,
  references: [
    { key: 'group', many: false, expected: ['group'], type: 'belongs-to' },
    { key: 'audiences', many: true, expected: ['audience'], type: 'addresses' },
    { key: 'cmocs', many: true, expected: ['cmoc'], type: 'derived-from' },
  ],
  noun: { singular: 'recommendation', plural: 'recommendations' },
  gaps: ['recommendation-without-cmoc', 'recommendation-without-audience'],
  findGaps: (graph, entity) => {
    // Judged on the resolved graph, as every report counts it: a CMOC reference that dangles is
    // reported as such, and leaves the recommendation resting on nothing.
    const findings: GapFinding[] = []
    const has = (type: string, kind: string): boolean =>
      graph.someOutEdge(
        entity.id,
        (_edge, attributes, _source, target) =>
          attributes.type === type && graph.getNodeAttribute(target, 'kind') === kind,
      )
    if (!has('derived-from', 'cmoc'))
      findings.push({
        name: 'recommendation-without-cmoc',
        message: `Unexpected recommendation \`${entity.id}\` without CMOCs, expected at least one CMOC in \`cmocs\``,
      })
    if (!has('addresses', 'audience'))
      findings.push({
        name: 'recommendation-without-audience',
        message: `Unexpected recommendation \`${entity.id}\` without audiences, expected at least one audience in \`audiences\``,
      })
    return findings
  },
  label: (entity) =>
    entity.data.section !== undefined && entity.data.order !== undefined
      ? `Recommendation ${entity.data.section}.${entity.data.order}`
      : entity.id,
  title: (entity) => entity.data.text,
  template: {
    needs: [],
    uses: ['group', 'audience'],
    render: (id, references) =>
      [
        '---',
        'kind: recommendation',
        `id: ${id}`,
        references.group === undefined
          ? '# group: a-group # the group it belongs to, if the review groups them'
          : `group: ${references.group} # TODO: check: the section it belongs to`,
        '# section: 1',
        '# order: 1',
        `text: ${todo('the recommendation as the source words it')}`,
        '# emphasis: [phrases the source emphasises]',
        references.audience === undefined
          ? '# audiences: [an-audience] # who it addresses (a warning when none is named)'
          : `audiences: [${references.audience}] # TODO: check: who it addresses`,
        '# cmocs: # the CMOCs it derives from',
        '#   - id: cmoc-1a',
        '#     basis: inferred # stated (default) or inferred',
        '#     rationale: why, when inferred',
        '# provenance: Table 2, section 1, row 1',
        '---',
        '',
      ].join('\n'),
  },
}
