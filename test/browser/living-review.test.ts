import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildTraceReport, diffKnowledgeBases, loadFromMemory } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { renderHtml } from '@realist-kb/export'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe.js'
import { connectChromium, hasChromium } from './chromium.js'

const root = path.resolve(import.meta.dirname, '../..')
const artefacts = path.join(root, 'test-results')

describe.skipIf(!hasChromium)(
  "flow diagram, RAMESES checklist and What's new in a real browser",
  () => {
    let browser: Browser
    let page: Page

    beforeAll(async () => {
      const kb = await loadDirectory(path.join(root, 'content'))
      // Illustrative figures for every box (the paper's text gives only the documents included)
      // and a change against an earlier version without its recommendations, so that every new
      // section is drawn.
      const kept = kb.files.filter((file) => !file.startsWith('recommendations/rec-1'))
      const before = loadFromMemory(
        await Promise.all(
          kept.map(async (file) => ({
            path: file,
            text: await readFile(path.join(root, 'content', file), 'utf8'),
          })),
        ),
      )
      const report = {
        ...buildTraceReport(kb),
        reportedFigures: [
          { label: 'Medline', value: 900, stage: 'identified-database', source: 'Medline' },
          { label: 'Records screened', value: 800, stage: 'screened' },
          { label: 'Not about integration', value: 40, stage: 'assessed-excluded' },
          { label: 'Snowballing', value: 5, stage: 'identified-citation' },
          { label: 'Documents included', value: 164, stage: 'included' },
        ] as const,
        changes: { since: 'v0', diff: diffKnowledgeBases(before, kb) },
      }
      await mkdir(artefacts, { recursive: true })
      const file = path.join(artefacts, 'living-review.html')
      await writeFile(file, renderHtml(report))
      browser = await connectChromium()
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      await page.goto(pathToFileURL(file).href)
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
    })

    it('has no serious or critical accessibility violations (axe-core)', async () => {
      expect(await seriousViolations(page)).toEqual([])
      expect(await page.locator('#rkb-flow').count()).toBe(1)
      expect(await page.locator('#rkb-rameses').count()).toBe(1)
      expect(await page.locator('#rkb-whats-new').count()).toBe(1)
    })

    it('saves a screenshot of the flow diagram as a test artefact', async () => {
      const file = path.join(artefacts, 'living-review-flow.png')
      await page.locator('#rkb-flow + figure').screenshot({ path: file })
      expect((await readFile(file)).length).toBeGreaterThan(5_000)
    })
  },
)
