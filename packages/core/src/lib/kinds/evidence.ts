import { z } from 'zod'
import { basisSchema, idSchema, locationSchema, referenceSchema } from '../schema/common.js'
import { reportAlongsideOtherIssues } from './cmoc.js'
import type { KindDefinition } from './kind.js'
import { todo } from './yaml-text.js'

/**
 * How a piece of evidence bears on a CMOC.
 *
 * @example
 * ```ts
 * relationSchema.options // ['supports', 'refines', 'refutes']
 * ```
 */
export const relationSchema = z.enum(['supports', 'refines', 'refutes'])

/**
 * Which part of a CMOC a piece of evidence speaks to.
 *
 * @example
 * ```ts
 * cmocPartSchema.options // ['context', 'mechanism', 'outcome']
 * ```
 */
export const cmocPartSchema = z.enum(['context', 'mechanism', 'outcome'])

/**
 * Fields shared by evidence written inside a study file and evidence in its own file. An entry
 * bears on CMOCs, on groups (the studies a review lists per theory area), or both; which parts it
 * speaks to and a paraphrased `point` are optional; a verbatim `quote` is kept apart from the
 * point, with its `locator`. The entry's `basis`, `location` and `rationale` apply to every link it
 * makes unless a link says otherwise.
 */
export const evidenceFields = {
  id: idSchema.optional().meta({
    description: "The entry's id; in a study file by default `<study id>-e<n>` (1-based).",
    examples: ['collins-2022-e1'],
  }),
  cmocs: z
    .array(referenceSchema)
    .min(1)
    .optional()
    .meta({
      description: 'The CMOCs it bears on (references); it needs `cmocs` or `groups`.',
      examples: [['cmoc-2c']],
    }),
  groups: z
    .array(referenceSchema)
    .min(1)
    .optional()
    .meta({
      description: 'The groups it bears on (references), for studies a review lists per group.',
      examples: [['coherence']],
    }),
  relation: relationSchema.meta({ description: 'How it bears on them.', examples: ['supports'] }),
  parts: z
    .array(cmocPartSchema)
    .min(1)
    .optional()
    .meta({ description: 'Which parts of the CMOCs it speaks to.', examples: [['mechanism']] }),
  point: z
    .string()
    .min(1)
    .optional()
    .meta({
      description: 'The finding, paraphrased.',
      examples: ['Referral criteria made the timing of referral less ambiguous.'],
    }),
  quote: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'A verbatim quote, only where one is available; shown as a quote.' }),
  locator: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Where in the study (page, section).', examples: ['p. 4'] }),
  provenance: locationSchema.optional().meta({
    description: "Where the link is made (for a review's own mapping: its table or section).",
    examples: ['Discussion, para 6'],
  }),
  basis: basisSchema.optional().meta({
    description: 'The basis of every link it makes unless a link says otherwise.',
    examples: ['inferred'],
  }),
  location: locationSchema.optional().meta({
    description: 'Where the source states its links, for every link it makes.',
    examples: ['Table 3'],
  }),
  rationale: z
    .string()
    .min(1)
    .optional()
    .meta({
      description: 'Why, when the links are inferred; reaches every link it makes.',
      examples: ['The Discussion cites it on identifying needs.'],
    }),
}

/** An entry must bear on something. */
const bearsOnSomething = <T extends { cmocs?: unknown; groups?: unknown }>(entry: T): boolean =>
  entry.cmocs !== undefined || entry.groups !== undefined
const bearsOnSomethingMessage = {
  message: 'Missing field `cmocs`, expected the CMOCs (or `groups`) the evidence bears on',
  path: ['cmocs'],
  ...reportAlongsideOtherIssues,
}

/**
 * An evidence entry in a study's `evidence:` list (the canonical form).
 *
 * @example
 * ```ts
 * evidenceEntrySchema.parse({
 *   cmocs: ['cmoc-2c'],
 *   relation: 'supports',
 *   parts: ['mechanism'],
 *   point: 'Referral criteria made the timing of referral less ambiguous.',
 *   locator: 'p. 4',
 * })
 * ```
 */
export const evidenceEntrySchema = z
  .strictObject(evidenceFields)
  .refine(bearsOnSomething, bearsOnSomethingMessage)

/**
 * An evidence entry in a file of its own under `evidence/`: the entry's fields plus `kind` and
 * the `study` it comes from.
 *
 * @example
 * ```ts
 * evidenceSchema.safeParse({
 *   kind: 'evidence',
 *   study: 'collins-2022',
 *   cmocs: ['cmoc-2c'],
 *   relation: 'supports',
 *   parts: ['outcome'],
 *   point: 'Needs were recognised earlier.',
 * }).success // true
 * ```
 */
export const evidenceSchema = z
  .strictObject({
    ...evidenceFields,
    kind: z.literal('evidence'),
    study: referenceSchema.meta({
      description: 'The study the entry comes from (a reference to a study).',
      examples: ['collins-2022'],
    }),
    tags: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'Free labels.', examples: [['pilot']] }),
  })
  .refine(bearsOnSomething, bearsOnSomethingMessage)

/**
 * How evidence bears on a CMOC: `supports`, `refines` or `refutes`.
 *
 * @example
 * ```ts
 * const against = (relation: Relation): boolean => relation === 'refutes'
 * ```
 */
export type Relation = z.infer<typeof relationSchema>

/**
 * A part of a CMOC: `context`, `mechanism` or `outcome`.
 *
 * @example
 * ```ts
 * const parts: CmocPart[] = ['context', 'outcome']
 * ```
 */
export type CmocPart = z.infer<typeof cmocPartSchema>

/**
 * An evidence entry written in a study's `evidence:` list, once validated.
 *
 * @example
 * ```ts
 * const entry: EvidenceEntryData = {
 *   cmocs: ['cmoc-2c'],
 *   relation: 'supports',
 *   parts: ['mechanism'],
 *   point: 'Referral criteria made timing less ambiguous.',
 * }
 * ```
 */
export type EvidenceEntryData = z.infer<typeof evidenceEntrySchema>

/**
 * An evidence entry written in a file of its own, once validated.
 *
 * @example
 * ```ts
 * const studyOf = (evidence: EvidenceFileData) =>
 *   typeof evidence.study === 'string' ? evidence.study : evidence.study.id
 * ```
 */
export type EvidenceFileData = z.infer<typeof evidenceSchema>

/** Evidence: a finding of a study that bears on CMOCs or groups. */
export const evidence: KindDefinition<'evidence'> = {
  kind: 'evidence',
  folder: 'evidence',
  schema: evidenceSchema,
  references: [
    { key: 'cmocs', many: true, expected: ['cmoc'], type: 'evidences' },
    { key: 'groups', many: true, expected: ['group'], type: 'evidences' },
    { key: 'study', many: false, expected: ['study'], type: 'drawn-from' },
  ],
  noun: { singular: 'evidence entry', plural: 'evidence entries' },
  gaps: [],
  label: (entity) => entity.id,
  title: (entity) => entity.data.point ?? entity.data.quote ?? entity.id,
  template: {
    needs: ['study', 'cmoc'],
    uses: [],
    render: (id, references) =>
      [
        '---',
        'kind: evidence',
        `id: ${id}`,
        `study: ${references.study} # TODO: check: the study the excerpt comes from`,
        `cmocs: [${references.cmoc}] # TODO: check: the CMOCs it bears on`,
        'relation: supports # supports, refines or refutes',
        'parts: [mechanism] # context, mechanism, outcome',
        `point: ${todo('the finding, paraphrased')}`,
        '# quote: a verbatim quote, only where one is available',
        '# locator: p. 4',
        '# provenance: where the link is made',
        '# basis: inferred # when the link is your reading, not the source',
        '# rationale: why, when the link is inferred',
        '---',
        '',
        'TODO: longer notes on the excerpt.',
        '',
      ].join('\n'),
  },
}
