import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildTraceReport, loadFromMemory, type TraceReport } from '@realist-kb/core'
import { renderHtml } from '@realist-kb/export'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../scripts/corpus/generate.js'
import { connectChromium, hasChromium } from './chromium.js'

const root = path.resolve(import.meta.dirname, '../..')
const artefacts = path.join(root, 'test-results')

// A synthetic base large enough that the cards keep their bodies in templates until opened
// (1,000 studies: 40 CMOCs, 22 recommendations, thousands of evidence entries).
describe.skipIf(!hasChromium)('the report page of a large base', () => {
  let browser: Browser
  let page: Page
  let report: TraceReport

  beforeAll(async () => {
    report = buildTraceReport(loadFromMemory(generateCorpus({ studies: 1000 })))
    await mkdir(artefacts, { recursive: true })
    const file = path.join(artefacts, 'report-page-large.html')
    await writeFile(file, renderHtml(report))
    browser = await connectChromium()
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
    await page.goto(pathToFileURL(file).href)
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('starts with a small DOM, renders a card body or a list chunk when asked, and searches unopened cards', async () => {
    const count = (): Promise<{ live: number; waiting: number; templates: number }> =>
      page.evaluate(() => {
        const section = document.querySelector('section.rkb-section:has(.rkb-rec-controls)')
        const templates = Array.from(document.querySelectorAll('template.rec-lazy'))
        return {
          live: section?.querySelectorAll('*').length ?? 0,
          waiting: templates.reduce(
            (sum, template) =>
              sum + (template as HTMLTemplateElement).content.querySelectorAll('*').length,
            0,
          ),
          templates: templates.length,
        }
      })
    const before = await count()
    const recs = report.recommendations.length
    expect(before.templates).toBe(recs)
    // Each unopened card is its summary row (about 20 elements), whatever its evidence.
    expect(before.live).toBeLessThan(40 * recs)
    expect(before.waiting).toBeGreaterThan(before.live)

    const rec = report.recommendations.find((r) => r.cmocs.length > 0)
    expect(rec).toBeDefined()
    await page.click(`#kb-${rec?.id} > summary`)
    // The chain opens at most 12 CMOCs; the rest are named in one line after it.
    expect(await page.locator(`#kb-${rec?.id} ol.rkb-chain > li`).count()).toBe(
      Math.min(rec?.cmocs.length ?? 0, 12),
    )
    expect((await count()).templates).toBe(recs - 1)

    // The long lists keep their later articles in templates; a link into one renders it.
    const all = await page.evaluate(() => ({
      nodes: document.querySelectorAll('*').length,
      studies: document.querySelectorAll('article.study').length,
    }))
    // A budget, not a timing: the page starts with a fraction of the studies and under 10,000
    // elements (rendering every study and card body would take several times that).
    expect(all.studies).toBeLessThan(report.studies.length / 4)
    expect(all.nodes).toBeLessThan(10_000)
    const last = report.studies.at(-1)?.id ?? ''
    expect(await page.locator(`#kb-${last}`).count()).toBe(0)
    await page.evaluate((id) => {
      location.hash = `#kb-${id}`
    }, last)
    await page.waitForSelector(`#kb-${last}`)
    expect(
      await page.$eval(`#kb-${last}`, (node) => {
        const box = node.getBoundingClientRect()
        return box.top >= 0 && box.top < window.innerHeight
      }),
    ).toBe(true)

    // Search reads the bodies still in templates, opens the cards that hold a match and marks it.
    const cmoc = report.cmocs.find((c) => c.recommendations.length > 0)
    const word = cmoc?.title.split(/\s+/).find((w) => w.length > 6) ?? ''
    await page.fill('#rkb-filter-search', word)
    const shown = await page.$$eval('details.rec:not([hidden])', (nodes) =>
      nodes.map((node) => ({
        open: (node as HTMLDetailsElement).open,
        marks: node.querySelectorAll('mark').length,
      })),
    )
    expect(shown.length).toBeGreaterThanOrEqual(cmoc?.recommendations.length ?? 1)
    expect(shown.every((card) => card.open && card.marks > 0)).toBe(true)
  })
})
