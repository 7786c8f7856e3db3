import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { renderBundledReviewData, reviewDataFile } from '../scripts/review-data.js'

describe('packages/review-ipco/src/data/review-ipco.json', () => {
  it('is current with content/ (run `pnpm build:review-data`)', async () => {
    const committed = await readFile(reviewDataFile, 'utf8')
    // Compared as text, so a stale file fails with a readable diff of what changed.
    expect(committed).toBe(await renderBundledReviewData())
  })
})
