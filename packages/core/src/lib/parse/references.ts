import type { ReferenceInput } from '../schema/common.js'

/** A reference in its long form, whichever way it was written. */
export function normaliseReference(reference: ReferenceInput): {
  id: string
  basis?: 'stated' | 'inferred' | undefined
  location?: string | undefined
  rationale?: string | undefined
} {
  return typeof reference === 'string' ? { id: reference } : reference
}
