import { z } from 'zod'
import { entityBase, referenceSchema } from './common.js'

/**
 * A theory construct (for NPT: coherence, cognitive participation, ...): the frontmatter of a
 * file in `constructs/`.
 *
 * @example
 * ```ts
 * constructSchema.parse({ kind: 'construct', name: 'Coherence', description: 'Sense-making work.' })
 * ```
 */
export const constructSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('construct'),
  name: z.string().min(1),
  aka: z.array(z.string().min(1)).optional(),
  question: z.string().optional(),
  order: z.number().int().optional(),
  parent: referenceSchema.optional(),
  description: z.string().min(1),
})

/**
 * The frontmatter of a construct, once validated.
 *
 * @example
 * ```ts
 * const construct: ConstructData = { kind: 'construct', name: 'Coherence', description: '...' }
 * ```
 */
export type ConstructData = z.infer<typeof constructSchema>
