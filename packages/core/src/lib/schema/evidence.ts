import { z } from 'zod'
import { basisSchema, idSchema, locationSchema, referenceSchema } from './common.js'

/** How a piece of evidence bears on a CMOC. */
export const relationSchema = z.enum(['supports', 'refines', 'refutes'])
/** Which part of a CMOC a piece of evidence speaks to. */
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

/** An evidence entry in a study's `evidence:` list (the canonical form). */
export const evidenceEntrySchema = z.strictObject(evidenceFields)

/** An evidence entry in a file of its own under `evidence/`. */
export const evidenceSchema = z.strictObject({
  ...evidenceFields,
  kind: z.literal('evidence'),
  study: referenceSchema,
  tags: z.array(z.string().min(1)).optional(),
})

export type Relation = z.infer<typeof relationSchema>
export type CmocPart = z.infer<typeof cmocPartSchema>
export type EvidenceEntryData = z.infer<typeof evidenceEntrySchema>
export type EvidenceFileData = z.infer<typeof evidenceSchema>
