import { z } from 'zod'
import { entityBase, referenceSchema } from './common.js'

/** An action the review recommends to named audiences. */
export const recommendationSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('recommendation'),
  section: z.number().int().positive().optional(),
  order: z.number().int().optional(),
  construct: referenceSchema,
  text: z.string().min(1),
  emphasis: z.array(z.string().min(1)).optional(),
  audiences: z.array(referenceSchema).min(1),
  cmocs: z.array(referenceSchema).optional(),
})

export type RecommendationData = z.infer<typeof recommendationSchema>
