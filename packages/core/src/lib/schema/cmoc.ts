import { z } from 'zod'
import { entityBase, referenceSchema } from './common.js'

/** A mechanism, as one sentence or split into the resource offered and the response it triggers. */
export const mechanismSchema = z.union([
  z.string().min(1),
  z
    .strictObject({
      resource: z.string().min(1).optional(),
      response: z.string().min(1).optional(),
    })
    .refine((value) => value.resource !== undefined || value.response !== undefined, {
      message: 'Expected a resource, a response, or both',
    }),
])

/** A context-mechanism-outcome configuration. */
export const cmocSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('cmoc'),
  label: z.string().optional(),
  title: z.string().min(1),
  construct: referenceSchema,
  context: z.string().min(1),
  mechanism: mechanismSchema,
  outcome: z.string().min(1),
  strategies: z.array(z.string().min(1)).optional(),
  related: z.array(referenceSchema).optional(),
  order: z.number().int().optional(),
})

export type CmocData = z.infer<typeof cmocSchema>
