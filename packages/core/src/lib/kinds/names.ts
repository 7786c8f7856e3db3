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
