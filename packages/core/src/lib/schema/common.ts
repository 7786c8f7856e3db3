import { z } from 'zod'

/**
 * Stable, kebab-case identifier of an entity, unique in a knowledge base.
 *
 * @example
 * ```ts
 * idSchema.safeParse('cmoc-2c').success // true
 * idSchema.safeParse('CMOC 2c').success // false
 * ```
 */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'Expected a kebab-case id (lowercase letters, digits and single hyphens)',
  })
  .max(120)

/**
 * Whether a link is stated by the source or inferred by whoever encoded it.
 *
 * @example
 * ```ts
 * basisSchema.options // ['stated', 'inferred']
 * ```
 */
export const basisSchema = z.enum(['stated', 'inferred'])

/**
 * Where in the source document (for the bundled review: the paper) something comes from.
 *
 * @example
 * ```ts
 * locationSchema.parse('Results, CMOC2c, paragraph 2')
 * ```
 */
export const locationSchema = z.string().min(1).max(500)

/**
 * A reference to another entity. Written either as a bare id (`cmoc-2c`) or as an object that
 * says on what basis the link is made and where it comes from.
 *
 * @example
 * ```ts
 * referenceSchema.parse('cmoc-2c')
 * referenceSchema.parse({ id: 'cmoc-2c', basis: 'inferred', rationale: 'Same barrier as 2b' })
 * ```
 */
export const referenceSchema = z.union([
  idSchema,
  z.strictObject({
    id: idSchema,
    basis: basisSchema.optional(),
    location: locationSchema.optional(),
    rationale: z.string().min(1).max(2000).optional(),
  }),
])

/**
 * ISO 3166-1 alpha-2 country code (`GB`, `US`).
 *
 * @example
 * ```ts
 * countryCodeSchema.safeParse('GB').success // true
 * countryCodeSchema.safeParse('UK').success // true: the shape is checked, not the code list
 * ```
 */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'Expected an ISO 3166-1 alpha-2 country code such as GB or US' })

/**
 * A four-digit year.
 *
 * @example
 * ```ts
 * yearSchema.safeParse(2022).success // true
 * yearSchema.safeParse('2022').success // false: a number, not a string
 * ```
 */
export const yearSchema = z.number().int().min(1800).max(2200)

/** Fields every entity may carry. */
export const entityBase = {
  id: idSchema.optional().meta({
    description:
      'Kebab-case, unique in the knowledge base; by default the file name without `.md`.',
  }),
  provenance: locationSchema.optional().meta({
    description: 'Where the entity comes from in the source document.',
    examples: ['Results, section 2, para 3'],
  }),
  tags: z
    .array(z.string().min(1))
    .optional()
    .meta({
      description: 'Free labels; a gap map can cross CMOCs with them.',
      examples: [['pilot']],
    }),
}

/**
 * The basis of a link: `stated` by the source, or `inferred` by the encoder.
 *
 * @example
 * ```ts
 * const solid = (basis: Basis): boolean => basis === 'stated'
 * ```
 */
export type Basis = z.infer<typeof basisSchema>

/**
 * A reference as written in frontmatter: an id, or an object with the id, basis, location and
 * rationale.
 *
 * @example
 * ```ts
 * const refs: ReferenceInput[] = ['cmoc-2b', { id: 'cmoc-2c', basis: 'stated' }]
 * ```
 */
export type ReferenceInput = z.infer<typeof referenceSchema>

/**
 * A part of a configuration written as one text or as a list of texts (a review that splits a
 * mechanism into several resources lists them).
 *
 * @example
 * ```ts
 * textOrListSchema.parse('Shared criteria for referral.')
 * textOrListSchema.parse(['Peer feedback', 'Protected time for reflection'])
 * ```
 */
export const textOrListSchema = z.union([
  z.string().min(1),
  z.array(z.string().min(1)).min(1, { message: 'Expected at least one item' }),
])

/**
 * One text or a list of texts, as written.
 *
 * @example
 * ```ts
 * const asList = (value: TextOrList): readonly string[] => (typeof value === 'string' ? [value] : value)
 * ```
 */
export type TextOrList = z.infer<typeof textOrListSchema>

/**
 * An acknowledged gap: a gap warning that is true to the source, with the reason it stays.
 * `gap` names the warning (`cmoc-without-evidence`, ...); acknowledged gaps are reported as info.
 *
 * @example
 * ```ts
 * acknowledgementSchema(['uncited-study']).parse({
 *   gap: 'uncited-study',
 *   reason: 'Cited for its theory only',
 * })
 * ```
 */
export function acknowledgementSchema<const Gap extends string>(gaps: readonly [Gap, ...Gap[]]) {
  return z.strictObject({
    gap: z.enum(gaps).meta({ description: 'The gap warning that stays.' }),
    reason: z
      .string()
      .min(1)
      .max(2000)
      .meta({
        description: 'Why it is true to the source.',
        examples: ['The review reports no study-to-CMOC mapping'],
      }),
  })
}

/**
 * An acknowledged gap, once validated.
 *
 * @example
 * ```ts
 * const note = (ack: Acknowledgement): string => `${ack.gap}: ${ack.reason}`
 * ```
 */
export interface Acknowledgement {
  readonly gap: string
  readonly reason: string
}
