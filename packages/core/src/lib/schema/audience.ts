import { z } from 'zod'
import { entityBase } from './common.js'

/**
 * Who a recommendation addresses: the frontmatter of a file in `audiences/`.
 *
 * @example
 * ```ts
 * audienceSchema.parse({ kind: 'audience', name: 'Healthcare professionals' })
 * ```
 */
export const audienceSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('audience'),
  name: z.string().min(1),
  examples: z.array(z.string().min(1)).optional(),
  order: z.number().int().optional(),
})

/**
 * The frontmatter of an audience, once validated.
 *
 * @example
 * ```ts
 * const audience: AudienceData = { kind: 'audience', name: 'Commissioners', examples: ['ICBs'] }
 * ```
 */
export type AudienceData = z.infer<typeof audienceSchema>
