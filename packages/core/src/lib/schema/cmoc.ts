import { z } from 'zod'
import { entityBase, referenceSchema } from './common.js'

/**
 * A mechanism, as one sentence or split into the resource offered and the response it triggers.
 *
 * @example
 * ```ts
 * mechanismSchema.parse('Shared criteria remove doubt about when to refer.')
 * mechanismSchema.parse({ resource: 'Holistic needs assessment', response: 'Less ambiguity' })
 * ```
 */
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

/**
 * A context-mechanism-outcome configuration: the frontmatter of a file in `cmocs/`.
 *
 * @example
 * ```ts
 * const result = cmocSchema.safeParse({
 *   kind: 'cmoc',
 *   title: 'Consistent needs identification',
 *   group: 'cognitive-participation',
 *   context: 'Professionals deciding when to start palliative care',
 *   mechanism: { resource: 'Needs assessment', response: 'Less ambiguity' },
 *   outcome: 'Needs are recognised more consistently',
 * })
 * result.success // true
 * ```
 */
export const cmocSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('cmoc'),
  label: z.string().optional(),
  title: z.string().min(1),
  group: referenceSchema,
  context: z.string().min(1),
  mechanism: mechanismSchema,
  outcome: z.string().min(1),
  strategies: z.array(z.string().min(1)).optional(),
  related: z.array(referenceSchema).optional(),
  order: z.number().int().optional(),
})

/**
 * The frontmatter of a CMOC, once validated.
 *
 * @example
 * ```ts
 * const resourceOf = (cmoc: CmocData): string | undefined =>
 *   typeof cmoc.mechanism === 'string' ? undefined : cmoc.mechanism.resource
 * ```
 */
export type CmocData = z.infer<typeof cmocSchema>
