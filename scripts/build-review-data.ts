// Writes packages/review-ipco/src/data/review-ipco.json from content/ (`pnpm build:review-data`).
// The file is committed; test/review-data.test.ts fails when it is stale.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { renderBundledReviewData, reviewDataFile } from './review-data.js'

await mkdir(path.dirname(reviewDataFile), { recursive: true })
await writeFile(reviewDataFile, await renderBundledReviewData())
console.log(`wrote ${path.relative(process.cwd(), reviewDataFile)}`)
