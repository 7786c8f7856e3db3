import { z } from 'zod'
import { entityBase, referenceSchema } from './common.js'

/**
 * A theory group (for NPT: coherence, cognitive participation, ...): the frontmatter of a
 * file in `groups/`.
 *
 * @example
 * ```ts
 * groupSchema.parse({ kind: 'group', name: 'Coherence', description: 'Sense-making work.' })
 * ```
 */
export const groupSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('group'),
  name: z.string().min(1),
  aka: z.array(z.string().min(1)).optional(),
  question: z.string().optional(),
  order: z.number().int().optional(),
  parent: referenceSchema.optional(),
  description: z.string().min(1),
})

/**
 * The frontmatter of a group, once validated.
 *
 * @example
 * ```ts
 * const group: GroupData = { kind: 'group', name: 'Coherence', description: '...' }
 * ```
 */
export type GroupData = z.infer<typeof groupSchema>
