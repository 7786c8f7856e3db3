import type { z } from 'zod'
import { audienceSchema } from './audience.js'
import { cmocSchema } from './cmoc.js'
import { evidenceSchema } from './evidence.js'
import { groupSchema } from './group.js'
import type { EntityKind } from './kind-names.js'
import { recommendationSchema } from './recommendation.js'
import { reviewSchema } from './review.js'
import { studySchema } from './study.js'

// The kinds' names and folders need no zod: they live on their own, so that code that only
// lists files or checks a cache does not load the schemas.
export {
  type EntityKind,
  entityKinds,
  isEntityKind,
  kindFolders,
  kindOfFolder,
} from './kind-names.js'

/**
 * The zod schema of each kind's frontmatter.
 *
 * @example
 * ```ts
 * const result = schemas.audience.safeParse({ kind: 'audience', name: 'The public' })
 * if (!result.success) console.log(result.error.issues)
 * ```
 */
export const schemas = {
  review: reviewSchema,
  group: groupSchema,
  cmoc: cmocSchema,
  study: studySchema,
  evidence: evidenceSchema,
  recommendation: recommendationSchema,
  audience: audienceSchema,
} as const satisfies Record<EntityKind, z.ZodType>
