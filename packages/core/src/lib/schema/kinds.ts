import type { z } from 'zod'
import { audienceSchema } from './audience.js'
import { cmocSchema } from './cmoc.js'
import { constructSchema } from './construct.js'
import { evidenceSchema } from './evidence.js'
import { recommendationSchema } from './recommendation.js'
import { reviewSchema } from './review.js'
import { studySchema } from './study.js'

/** Every kind of entity a knowledge base holds. */
export const entityKinds = [
  'review',
  'construct',
  'cmoc',
  'study',
  'evidence',
  'recommendation',
  'audience',
] as const

/** A kind of entity. */
export type EntityKind = (typeof entityKinds)[number]

/** The zod schema of each kind's frontmatter. */
export const schemas = {
  review: reviewSchema,
  construct: constructSchema,
  cmoc: cmocSchema,
  study: studySchema,
  evidence: evidenceSchema,
  recommendation: recommendationSchema,
  audience: audienceSchema,
} as const satisfies Record<EntityKind, z.ZodType>

/**
 * The folder each kind lives in, relative to the content folder (`''` is the folder itself).
 */
export const kindFolders: Readonly<Record<EntityKind, string>> = {
  review: '',
  construct: 'constructs',
  cmoc: 'cmocs',
  study: 'studies',
  evidence: 'evidence',
  recommendation: 'recommendations',
  audience: 'audiences',
}

/** The kind whose folder this is, if any. */
export function kindOfFolder(folder: string): EntityKind | undefined {
  for (const kind of entityKinds) {
    if (kindFolders[kind] === folder) return kind
  }
  return undefined
}

/** Is `value` a known kind? */
export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (entityKinds as readonly string[]).includes(value)
}
