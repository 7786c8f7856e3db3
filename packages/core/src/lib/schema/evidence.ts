import { z } from 'zod'
import { basisSchema, idSchema, locationSchema, referenceSchema } from './common.js'

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

/** Fields shared by evidence written inside a study file and evidence in its own file. */
export const evidenceFields = {
  id: idSchema.optional(),
  cmocs: z.array(referenceSchema).min(1),
  relation: relationSchema,
  parts: z.array(cmocPartSchema).min(1),
  point: z.string().min(1),
  quote: z.string().min(1).optional(),
  locator: z.string().min(1).optional(),
  provenance: locationSchema.optional(),
  basis: basisSchema.optional(),
  rationale: z.string().min(1).optional(),
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
export const evidenceEntrySchema = z.strictObject(evidenceFields)

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
export const evidenceSchema = z.strictObject({
  ...evidenceFields,
  kind: z.literal('evidence'),
  study: referenceSchema,
  tags: z.array(z.string().min(1)).optional(),
})

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
