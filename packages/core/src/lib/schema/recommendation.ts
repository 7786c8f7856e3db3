import { z } from 'zod'
import { entityBase, referenceSchema } from './common.js'

/**
 * An action the review recommends to named audiences: the frontmatter of a file in
 * `recommendations/`.
 *
 * @example
 * ```ts
 * recommendationSchema.safeParse({
 *   kind: 'recommendation',
 *   group: 'coherence',
 *   text: 'Explain palliative care early.',
 *   audiences: ['healthcare-professionals'],
 *   cmocs: ['cmoc-1a'],
 * }).success // true
 * ```
 */
export const recommendationSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('recommendation'),
  section: z.number().int().positive().optional(),
  order: z.number().int().optional(),
  group: referenceSchema,
  text: z.string().min(1),
  emphasis: z.array(z.string().min(1)).optional(),
  audiences: z.array(referenceSchema).min(1),
  cmocs: z.array(referenceSchema).optional(),
})

/**
 * The frontmatter of a recommendation, once validated.
 *
 * @example
 * ```ts
 * const rec: RecommendationData = {
 *   kind: 'recommendation',
 *   group: 'coherence',
 *   text: 'Explain palliative care early.',
 *   audiences: ['healthcare-professionals'],
 * }
 * ```
 */
export type RecommendationData = z.infer<typeof recommendationSchema>
