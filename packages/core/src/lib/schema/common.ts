import { z } from 'zod'

/** Stable, kebab-case identifier of an entity, unique in a knowledge base. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'Expected a kebab-case id (lowercase letters, digits and single hyphens)',
  })
  .max(120)

/** Whether a link is stated by the source or inferred by whoever encoded it. */
export const basisSchema = z.enum(['stated', 'inferred'])

/** Where in the source document (for the bundled review: the paper) something comes from. */
export const locationSchema = z.string().min(1).max(500)

/**
 * A reference to another entity. Written either as a bare id (`cmoc-2c`) or as an object that
 * says on what basis the link is made and where it comes from.
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

/** ISO 3166-1 alpha-2 country code (`GB`, `US`). */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'Expected an ISO 3166-1 alpha-2 country code such as GB or US' })

/** A four-digit year. */
export const yearSchema = z.number().int().min(1800).max(2200)

/** Fields every entity may carry. */
export const entityBase = {
  id: idSchema.optional(),
  provenance: locationSchema.optional(),
  tags: z.array(z.string().min(1)).optional(),
}

export type Basis = z.infer<typeof basisSchema>
export type ReferenceInput = z.infer<typeof referenceSchema>
