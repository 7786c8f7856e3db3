import type { z } from 'zod'
import { audience } from './audience.js'
import { cmoc } from './cmoc.js'
import { evidence } from './evidence.js'
import { group } from './group.js'
import type { KindDefinition, ReferenceField } from './kind.js'
import { type EntityKind, entityKinds } from './names.js'
import { recommendation } from './recommendation.js'
import { review } from './review.js'
import { study } from './study.js'

/**
 * Every kind's definition, keyed by kind: the one place a kind is described.
 *
 * @example
 * ```ts
 * kindDefinitions.study.folder // 'studies'
 * kindDefinitions.recommendation.gaps // ['recommendation-without-cmoc', 'recommendation-without-audience']
 * ```
 */
export const kindDefinitions: { readonly [K in EntityKind]: KindDefinition<K> } = {
  review,
  group,
  cmoc,
  study,
  evidence,
  recommendation,
  audience,
}

/**
 * The zod schema of each kind's frontmatter.
 *
 * @example
 * ```ts
 * const result = schemas.audience.safeParse({ kind: 'audience', name: 'The public' })
 * if (!result.success) console.log(result.error.issues)
 * ```
 */
export const schemas = Object.fromEntries(
  entityKinds.map((kind) => [kind, kindDefinitions[kind].schema]),
) as Readonly<Record<EntityKind, z.ZodType>>

/**
 * The folder each kind lives in, relative to the content folder (`''` is the folder itself).
 *
 * @example
 * ```ts
 * kindFolders.cmoc // 'cmocs'
 * kindFolders.review // ''
 * ```
 */
export const kindFolders = Object.fromEntries(
  entityKinds.map((kind) => [kind, kindDefinitions[kind].folder]),
) as Readonly<Record<EntityKind, string>>

/**
 * The reference fields of each kind. Inline `[[id]]` links accept any kind.
 *
 * @example
 * ```ts
 * referenceFields.recommendation.map((field) => field.key) // ['group', 'audiences', 'cmocs']
 * ```
 */
export const referenceFields = Object.fromEntries(
  entityKinds.map((kind) => [kind, kindDefinitions[kind].references]),
) as Readonly<Record<EntityKind, readonly ReferenceField[]>>

/**
 * The kind whose folder this is, if any.
 *
 * @example
 * ```ts
 * kindOfFolder('studies') // 'study'
 * kindOfFolder('notes') // undefined
 * ```
 */
export function kindOfFolder(folder: string): EntityKind | undefined {
  for (const kind of entityKinds) {
    if (kindFolders[kind] === folder) return kind
  }
  return undefined
}

export { type EntityKind, entityKinds, isEntityKind } from './names.js'
