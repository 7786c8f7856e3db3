import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildTraceReport, type TraceReport } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { renderHtml } from '@realist-kb/export'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe.js'
import { connectChromium, hasChromium } from './chromium.js'

const root = path.resolve(import.meta.dirname, '../..')
const artefacts = path.join(root, 'test-results')

describe.skipIf(!hasChromium)('HTML report of the bundled review in a real browser', () => {
  let browser: Browser
  let page: Page
  let report: TraceReport
  const consoleErrors: string[] = []
  const requests: string[] = []

  beforeAll(async () => {
    report = buildTraceReport(await loadDirectory(path.join(root, 'content')))
    await mkdir(artefacts, { recursive: true })
    const file = path.join(artefacts, 'bundled-review.html')
    await writeFile(file, renderHtml(report))
    browser = await connectChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(String(error)))
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(pathToFileURL(file).href)
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('loads with no console errors and no request beyond the file itself', () => {
    expect(consoleErrors).toEqual([])
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([])
  })

  it('gives every in-page link a target', async () => {
    const missing = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))
        .map((a) => decodeURIComponent(a.getAttribute('href')?.slice(1) ?? ''))
        .filter((id) => !document.getElementById(id)),
    )
    expect(missing).toEqual([])
  })

  it('filters by audience, group and text', async () => {
    const visible = (): Promise<string[]> =>
      // Entity anchors are prefixed (`kb-`): the ids the report names are what follows.
      page.$$eval('details.rec:not([hidden])', (nodes) =>
        nodes.map((node) => node.id.replace(/^kb-/, '')),
      )
    expect(await visible()).toHaveLength(report.recommendations.length)

    const audience = report.audiences.find(
      (a) =>
        a.recommendations.length > 1 && a.recommendations.length < report.recommendations.length,
    )
    expect(audience).toBeDefined()
    await page.selectOption('#rkb-filter-audience', audience?.id ?? '')
    expect(await visible()).toEqual(
      report.recommendations
        .filter((rec) => rec.audiences.includes(audience?.id ?? ''))
        .map((rec) => rec.id),
    )
    expect(await page.textContent('#rkb-filter-status')).toBe(
      `${audience?.recommendations.length} of ${report.recommendations.length} recommendations shown`,
    )

    await page.selectOption('#rkb-filter-audience', '')
    await page.selectOption('#rkb-filter-group', 'collective-action')
    expect(await visible()).toEqual(
      report.recommendations
        .filter((rec) => rec.group === 'collective-action')
        .map((rec) => rec.id),
    )

    await page.selectOption('#rkb-filter-group', '')
    await page.fill('#rkb-filter-search', 'out-of-hours')
    expect(await visible()).toEqual(
      report.recommendations.filter((rec) => /out-of-hours/i.test(rec.text)).map((rec) => rec.id),
    )
    await page.fill('#rkb-filter-search', '')
    expect(await visible()).toHaveLength(report.recommendations.length)
  })

  it('opens the recommendation a link points to', async () => {
    await page.click('#kb-cmoc-3a a[href="#kb-rec-3-1"]')
    expect(await page.$eval('#kb-rec-3-1', (node) => (node as HTMLDetailsElement).open)).toBe(true)
  })

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    expect(await seriousViolations(page)).toEqual([])
  })

  it('saves a screenshot as a test artefact', async () => {
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.click('#kb-rec-1-4 > summary')
    const file = path.join(artefacts, 'bundled-review.png')
    await page.screenshot({ path: file, fullPage: false })
    expect((await readFile(file)).length).toBeGreaterThan(10_000)
  })
})
