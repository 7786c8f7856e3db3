import { z } from 'zod'
import { someStudiesOfCmoc } from '../query/cmoc-evidence.js'
import {
  acknowledgementSchema,
  entityBase,
  referenceSchema,
  textOrListSchema,
} from '../schema/common.js'
import type { KindDefinition } from './kind.js'
import { todo } from './yaml-text.js'

/**
 * A mechanism: one text or a list of texts, or split into the resources offered and the
 * responses they trigger (each one text or a list).
 *
 * @example
 * ```ts
 * mechanismSchema.parse('Shared criteria remove doubt about when to refer.')
 * mechanismSchema.parse({ resource: ['Needs assessment', 'Referral triggers'], response: 'Less ambiguity' })
 * ```
 */
export const mechanismSchema = z.union([
  textOrListSchema,
  z
    .strictObject({
      resource: textOrListSchema.optional().meta({
        description: 'What is offered (one text or a list).',
        examples: ['Needs assessment'],
      }),
      response: textOrListSchema.optional().meta({
        description: 'How people respond to it (one text or a list).',
        examples: ['Less ambiguity about when to refer'],
      }),
    })
    .refine((value) => value.resource !== undefined || value.response !== undefined, {
      message: 'Expected a resource, a response, or both',
    }),
])

/**
 * Whether a CMOC is given whole, or only in part by its source (`incomplete`: parts may be left
 * out, and are reported as info rather than filled with placeholder text).
 *
 * @example
 * ```ts
 * cmocStatusSchema.options // ['complete', 'incomplete']
 * ```
 */
export const cmocStatusSchema = z.enum(['complete', 'incomplete'])

/** Run a whole-object check even when a field has its own problem, so both are reported at once. */
export const reportAlongsideOtherIssues = {
  when: (payload: { value: unknown }): boolean =>
    typeof payload.value === 'object' && payload.value !== null,
}

/**
 * How much concern a GRADE-CERQual component raises, least first.
 *
 * @example
 * ```ts
 * concernLevelSchema.options // ['no-or-very-minor', 'minor', 'moderate', 'serious']
 * ```
 */
export const concernLevelSchema = z.enum(['no-or-very-minor', 'minor', 'moderate', 'serious'])

/**
 * The overall confidence in a finding, in GRADE-CERQual's terms, highest first.
 *
 * @example
 * ```ts
 * confidenceLevelSchema.options // ['high', 'moderate', 'low', 'very-low']
 * ```
 */
export const confidenceLevelSchema = z.enum(['high', 'moderate', 'low', 'very-low'])

/**
 * The four GRADE-CERQual components, as field names.
 *
 * @example
 * ```ts
 * confidenceComponents.map((component) => cmoc.confidence?.[component]?.concern ?? 'not assessed')
 * ```
 */
export const confidenceComponents = [
  'methodologicalLimitations',
  'coherence',
  'adequacy',
  'relevance',
] as const

/**
 * One component of a confidence assessment: the concern it raises and the explanation, which is
 * required once a level is given (as in iSoQ).
 *
 * @example
 * ```ts
 * componentAssessmentSchema.parse({ concern: 'minor', explanation: 'Two of five studies thin' })
 * componentAssessmentSchema.safeParse({ concern: 'minor' }).success // false
 * ```
 */
export const componentAssessmentSchema = z.strictObject({
  concern: concernLevelSchema.meta({
    description: 'How much concern the component raises.',
    examples: ['minor'],
  }),
  explanation: z
    .string()
    .min(1)
    .max(4000)
    .meta({ description: 'Why, in a sentence or two.', examples: ['Two of five studies thin'] }),
})

/**
 * The confidence in a CMOC, in GRADE-CERQual's shape: the four components and the overall
 * confidence, each with its explanation. Anything left out is not assessed, which is a valid
 * state and is shown as such.
 *
 * @example
 * ```ts
 * confidenceSchema.parse({
 *   adequacy: { concern: 'moderate', explanation: 'Three thin studies' },
 *   overall: { level: 'moderate', explanation: 'Adequacy concerns only' },
 *   by: 'Reviewer A',
 * })
 * ```
 */
export const confidenceSchema = z.strictObject({
  methodologicalLimitations: componentAssessmentSchema
    .optional()
    .meta({ description: 'Concerns about the methods of the studies behind the CMOC.' }),
  coherence: componentAssessmentSchema
    .optional()
    .meta({ description: 'How well the data fit the CMOC.' }),
  adequacy: componentAssessmentSchema
    .optional()
    .meta({ description: 'The richness and quantity of the data.' }),
  relevance: componentAssessmentSchema
    .optional()
    .meta({ description: "How far the data apply to the CMOC's context." }),
  overall: z
    .strictObject({
      level: confidenceLevelSchema.meta({
        description: 'The overall confidence.',
        examples: ['moderate'],
      }),
      explanation: z
        .string()
        .min(1)
        .max(4000)
        .meta({ description: 'Why.', examples: ['Adequacy concerns only'] }),
    })
    .optional()
    .meta({ description: 'The overall assessment.' }),
  by: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Who assessed it.', examples: ['Reviewer A'] }),
  date: z
    .string()
    .min(1)
    .max(50)
    .optional()
    .meta({ description: 'When it was assessed, as written.', examples: ['2026-03-01'] }),
})

/**
 * The parts a complete CMOC must give.
 *
 * @example
 * ```ts
 * const missing = cmocParts.filter((part) => cmoc[part] === undefined)
 * ```
 */
export const cmocParts = ['context', 'mechanism', 'outcome'] as const

/**
 * A context-mechanism-outcome configuration: the frontmatter of a file in `cmocs/`. The group
 * is optional; each part is one text or a list.
 *
 * @example
 * ```ts
 * const result = cmocSchema.safeParse({
 *   kind: 'cmoc',
 *   title: 'Consistent needs identification',
 *   group: 'cognitive-participation',
 *   context: 'Professionals deciding when to start palliative care',
 *   mechanism: { resource: 'Needs assessment', response: 'Less ambiguity' },
 *   outcome: 'Needs are recognised more consistently',
 * })
 * result.success // true
 * ```
 */
export const cmocSchema = z
  .strictObject({
    ...entityBase,
    kind: z.literal('cmoc'),
    label: z
      .string()
      .optional()
      .meta({ description: 'The label the source uses.', examples: ['CMOC1a'] }),
    title: z
      .string()
      .min(1)
      .meta({ description: 'A short name.', examples: ['Consistent needs identification'] }),
    group: referenceSchema.optional().meta({
      description: 'The group it belongs to (a reference to a group), if the review groups CMOCs.',
      examples: ['coherence'],
    }),
    status: cmocStatusSchema.optional().meta({
      description: '`incomplete` when the source gives only part of it: parts may be left out.',
      examples: ['incomplete'],
    }),
    context: textOrListSchema.optional().meta({
      description: 'The context (one text or a list); required unless `status: incomplete`.',
      examples: ['Teams that refer at different points'],
    }),
    mechanism: mechanismSchema.optional().meta({
      description:
        'The mechanism: one text, a list, or `{resource, response}`; required unless `status: incomplete`.',
    }),
    outcome: textOrListSchema.optional().meta({
      description: 'The outcome (one text or a list); required unless `status: incomplete`.',
      examples: ['Earlier, more consistent referral'],
    }),
    strategies: z
      .array(z.string().min(1))
      .optional()
      .meta({
        description: 'Strategies the source names with this CMOC.',
        examples: [['education']],
      }),
    related: cmocLinks('Related CMOCs.'),
    leadsTo: cmocLinks("CMOCs whose context this CMOC's outcome is: the next links of a chain."),
    nestedIn: cmocLinks('Broader CMOCs this one sits inside.'),
    refines: cmocLinks('CMOCs this one refines.'),
    conflictsWith: cmocLinks('CMOCs this one conflicts with.'),
    confidence: confidenceSchema
      .optional()
      .meta({ description: 'The GRADE-CERQual assessment; anything left out is not assessed.' }),
    order: z
      .number()
      .int()
      .optional()
      .meta({ description: 'Position within its group.', examples: [1] }),
    acknowledged: z
      .array(acknowledgementSchema(['cmoc-without-evidence', 'single-study-cmoc']))
      .optional()
      .meta({ description: 'Gaps acknowledged on this CMOC, with the reason: reported as info.' }),
  })
  .superRefine((cmoc, context) => {
    if (cmoc.status === 'incomplete') return
    for (const part of cmocParts) {
      if (cmoc[part] === undefined)
        context.addIssue({
          code: 'custom',
          path: [part],
          message: `Missing field \`${part}\`, expected the ${part} of the configuration (or \`status: incomplete\` when the source gives only part of it)`,
        })
    }
  }, reportAlongsideOtherIssues)

/** A typed link to other CMOCs (references). */
function cmocLinks(description: string) {
  return z
    .array(referenceSchema)
    .optional()
    .meta({ description, examples: [['cmoc-2c']] })
}

/**
 * The frontmatter of a CMOC, once validated.
 *
 * @example
 * ```ts
 * const resourceOf = (cmoc: CmocData) =>
 *   typeof cmoc.mechanism === 'object' && !Array.isArray(cmoc.mechanism) ? cmoc.mechanism.resource : undefined
 * ```
 */
export type CmocData = z.infer<typeof cmocSchema>

/**
 * A concern level of a GRADE-CERQual component.
 *
 * @example
 * ```ts
 * const worrying = (concern: ConcernLevel): boolean => concern === 'moderate' || concern === 'serious'
 * ```
 */
export type ConcernLevel = z.infer<typeof concernLevelSchema>

/**
 * An overall confidence level: `high`, `moderate`, `low` or `very-low`.
 *
 * @example
 * ```ts
 * const weak = (level: ConfidenceLevel): boolean => level === 'low' || level === 'very-low'
 * ```
 */
export type ConfidenceLevel = z.infer<typeof confidenceLevelSchema>

/**
 * A GRADE-CERQual component: `methodologicalLimitations`, `coherence`, `adequacy`, `relevance`.
 *
 * @example
 * ```ts
 * const component: ConfidenceComponent = 'adequacy'
 * ```
 */
export type ConfidenceComponent = (typeof confidenceComponents)[number]

/**
 * One component of a confidence assessment, once validated.
 *
 * @example
 * ```ts
 * const line = (item: ComponentAssessment): string => `${item.concern}: ${item.explanation}`
 * ```
 */
export type ComponentAssessment = z.infer<typeof componentAssessmentSchema>

/**
 * The confidence assessment of a CMOC, once validated.
 *
 * @example
 * ```ts
 * const overallOf = (confidence: ConfidenceData | undefined) => confidence?.overall?.level ?? 'not-assessed'
 * ```
 */
export type ConfidenceData = z.infer<typeof confidenceSchema>

/** A context-mechanism-outcome configuration. */
export const cmoc: KindDefinition<'cmoc'> = {
  kind: 'cmoc',
  folder: 'cmocs',
  schema: cmocSchema,
  references: [
    { key: 'group', many: false, expected: ['group'], type: 'belongs-to' },
    { key: 'related', many: true, expected: ['cmoc'], type: 'relates-to' },
    { key: 'leadsTo', many: true, expected: ['cmoc'], type: 'leads-to' },
    { key: 'nestedIn', many: true, expected: ['cmoc'], type: 'nested-in' },
    { key: 'refines', many: true, expected: ['cmoc'], type: 'refines' },
    { key: 'conflictsWith', many: true, expected: ['cmoc'], type: 'conflicts-with' },
  ],
  noun: { singular: 'CMOC', plural: 'CMOCs' },
  gaps: ['cmoc-without-evidence', 'single-study-cmoc'],
  findGaps: (graph, entity) => {
    const studies = someStudiesOfCmoc(graph, entity.id, 2)
    if (studies.length === 0)
      return [
        {
          name: 'cmoc-without-evidence',
          message: `Unexpected CMOC \`${entity.id}\` without evidence, expected evidence from at least one study`,
        },
      ]
    if (studies.length === 1)
      return [
        {
          name: 'single-study-cmoc',
          message: `Unexpected single supporting study (\`${studies[0]}\`) for \`${entity.id}\`, expected 2 or more`,
        },
      ]
    return []
  },
  label: (entity) => entity.data.label ?? entity.id,
  title: (entity) => entity.data.title,
  template: {
    needs: [],
    uses: ['group'],
    render: (id, references) =>
      [
        '---',
        'kind: cmoc',
        `id: ${id}`,
        '# label: CMOC1a # the label the source uses',
        `title: ${todo('a short name')}`,
        references.group === undefined
          ? '# group: a-group # the group it belongs to, if the review groups its CMOCs'
          : `group: ${references.group} # TODO: check: the group this CMOC belongs to`,
        '# order: 1 # position within its group',
        '# status: incomplete # when the source gives only part of it: leave the rest out',
        `context: ${todo('the context in which the mechanism is triggered')}`,
        'mechanism:',
        `  resource: ${todo('what is offered')}`,
        `  response: ${todo('how people respond to it')}`,
        `outcome: ${todo('what results')}`,
        '# strategies: [strategies the source names with this CMOC]',
        '# related: [another-cmoc]',
        '# leadsTo: [another-cmoc] # also nestedIn, refines, conflictsWith',
        '# provenance: Results, section, paragraph',
        '---',
        '',
        'TODO: the narrative of the configuration, in your own words.',
        '',
      ].join('\n'),
  },
}

/**
 * The parts of a CMOC as lists, whichever way they were written: each part one text or several,
 * the mechanism as one text, a list, or resources and responses. A part left out (only in an
 * incomplete CMOC) is an empty list.
 *
 * @example
 * ```ts
 * const parts = cmocPartsOf(kb.graph.getNodeAttributes('cmoc-2c').data as CmocData)
 * parts.mechanism.resource // ['Holistic needs assessment used consistently, ...']
 * ```
 */
export function cmocPartsOf(cmoc: Pick<CmocData, 'context' | 'mechanism' | 'outcome'>): CmocParts {
  const mechanism = cmoc.mechanism
  const structured =
    mechanism !== undefined && typeof mechanism === 'object' && !Array.isArray(mechanism)
  return {
    context: listOf(cmoc.context),
    mechanism: structured
      ? { text: [], resource: listOf(mechanism.resource), response: listOf(mechanism.response) }
      : { text: listOf(mechanism), resource: [], response: [] },
    outcome: listOf(cmoc.outcome),
  }
}

/**
 * A CMOC's parts as lists (see {@link cmocPartsOf}).
 *
 * @example
 * ```ts
 * const hasMechanism = (parts: CmocParts): boolean =>
 *   parts.mechanism.text.length + parts.mechanism.resource.length + parts.mechanism.response.length > 0
 * ```
 */
export interface CmocParts {
  readonly context: readonly string[]
  readonly mechanism: {
    /** The mechanism written as a whole (one text or a list). */
    readonly text: readonly string[]
    readonly resource: readonly string[]
    readonly response: readonly string[]
  }
  readonly outcome: readonly string[]
}

function listOf(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value
}
