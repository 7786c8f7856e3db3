import { describe, expect, it } from 'vitest'
import { kindsFingerprint } from '../../src/lib/kinds/fingerprint.js'
import { kindsFingerprint as generated } from '../../src/lib/node/kinds-fingerprint.js'

describe("the cache's fingerprint of the kinds", () => {
  it('is current with the kinds (run `pnpm generate:kinds-fingerprint`)', () => {
    expect(generated).toBe(kindsFingerprint())
  })
})
