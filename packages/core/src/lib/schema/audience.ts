import { z } from 'zod'
import { entityBase } from './common.js'

/** Who a recommendation addresses. */
export const audienceSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('audience'),
  name: z.string().min(1),
  examples: z.array(z.string().min(1)).optional(),
  order: z.number().int().optional(),
})

export type AudienceData = z.infer<typeof audienceSchema>
