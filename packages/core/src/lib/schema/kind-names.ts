/**
 * Every kind of entity a knowledge base holds, in the order reports list them.
 *
 * @example
 * ```ts
 * for (const kind of entityKinds) console.log(kind, kindFolders[kind])
 * ```
 */
export const entityKinds = [
  'review',
  'group',
  'cmoc',
  'study',
  'evidence',
  'recommendation',
  'audience',
] as const

/**
 * A kind of entity.
 *
 * @example
 * ```ts
 * const kind: EntityKind = 'cmoc'
 * ```
 */
export type EntityKind = (typeof entityKinds)[number]

/**
 * The folder each kind lives in, relative to the content folder (`''` is the folder itself).
 *
 * @example
 * ```ts
 * kindFolders.cmoc // 'cmocs'
 * kindFolders.review // ''
 * ```
 */
export const kindFolders: Readonly<Record<EntityKind, string>> = {
  review: '',
  group: 'groups',
  cmoc: 'cmocs',
  study: 'studies',
  evidence: 'evidence',
  recommendation: 'recommendations',
  audience: 'audiences',
}

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

/**
 * Is `value` a known kind?
 *
 * @example
 * ```ts
 * isEntityKind('cmoc') // true
 * isEntityKind('memo') // false
 * ```
 */
export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (entityKinds as readonly string[]).includes(value)
}
