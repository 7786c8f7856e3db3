import { createHash } from 'node:crypto'
import { kindFolders, referenceFields } from './index.js'

/**
 * A hash of what the kinds contribute to the cache's format: their folders and reference fields.
 * Computing it imports every kind's schema (and zod), so the cache reads the constant generated
 * from it (`pnpm generate:kinds-fingerprint`), and a test checks that the two agree.
 */
export function kindsFingerprint(): string {
  return createHash('sha1')
    .update(JSON.stringify([kindFolders, referenceFields]))
    .digest('hex')
    .slice(0, 16)
}
