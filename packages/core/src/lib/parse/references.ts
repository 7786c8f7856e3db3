import type { EdgeType } from '../model/entity.js'
import type { ReferenceInput } from '../schema/common.js'
import type { EntityKind } from '../schema/kinds.js'

/** Which kinds a reference field accepts and which edge it becomes. */
export interface ReferenceField {
  /** Path of the field inside the entity's data (`cmocs`, `group`). */
  readonly key: string
  readonly many: boolean
  readonly expected: readonly EntityKind[]
  readonly type: EdgeType
}

/** The reference fields of each kind. Inline `[[id]]` links accept any kind. */
export const referenceFields: Readonly<Record<EntityKind, readonly ReferenceField[]>> = {
  review: [],
  group: [{ key: 'parent', many: false, expected: ['group'], type: 'belongs-to' }],
  cmoc: [
    { key: 'group', many: false, expected: ['group'], type: 'belongs-to' },
    { key: 'related', many: true, expected: ['cmoc'], type: 'relates-to' },
  ],
  study: [],
  evidence: [
    { key: 'cmocs', many: true, expected: ['cmoc'], type: 'evidences' },
    { key: 'study', many: false, expected: ['study'], type: 'drawn-from' },
  ],
  recommendation: [
    { key: 'group', many: false, expected: ['group'], type: 'belongs-to' },
    { key: 'audiences', many: true, expected: ['audience'], type: 'addresses' },
    { key: 'cmocs', many: true, expected: ['cmoc'], type: 'derived-from' },
  ],
  audience: [],
}

/** A reference in its long form, whichever way it was written. */
export function normaliseReference(reference: ReferenceInput): {
  id: string
  basis?: 'stated' | 'inferred' | undefined
  location?: string | undefined
  rationale?: string | undefined
} {
  return typeof reference === 'string' ? { id: reference } : reference
}
