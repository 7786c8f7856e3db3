import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildTraceReport, type TraceReport } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { programmeTheoryDiagram, renderHtml } from '@realist-kb/export'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectChromium, hasChromium } from './chromium.js'

const root = path.resolve(import.meta.dirname, '../..')
const artefacts = path.join(root, 'test-results')

interface FigureState {
  readonly boxes: number
  readonly arrows: number
  readonly legend: string
  readonly figureRight: number
  readonly boxScrolls: boolean
  readonly svgVisible: boolean
  readonly viewport: number
}

/**
 * The diagrams of the bundled review's report in chromium, at a laptop's width and a phone's:
 * one page load, resized, with every check on it.
 */
describe.skipIf(!hasChromium)('diagrams of the bundled review in a real browser', () => {
  let browser: Browser
  let page: Page
  let report: TraceReport
  const errors: string[] = []

  beforeAll(async () => {
    report = buildTraceReport(await loadDirectory(path.join(root, 'content')))
    await mkdir(artefacts, { recursive: true })
    const file = path.join(artefacts, 'bundled-review-diagrams.html')
    await writeFile(file, renderHtml(report))
    browser = await connectChromium()
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
    page.on('pageerror', (error) => errors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(pathToFileURL(file).href)
  })

  afterAll(async () => {
    await browser?.close()
  })

  const theory = (): Promise<FigureState> =>
    page.evaluate(() => {
      const figure = document.querySelector('#rkb-figure-programme-theory')
      const box = figure?.querySelector('.rkb-diagram-box')
      const svg = figure?.querySelector('svg.rkb-diagram')
      figure?.scrollIntoView()
      const rect = svg?.getBoundingClientRect()
      return {
        boxes: svg?.querySelectorAll('[data-id]').length ?? 0,
        arrows: svg?.querySelectorAll('[data-source]').length ?? 0,
        legend: svg?.querySelector('.legend')?.textContent ?? '',
        figureRight: figure?.getBoundingClientRect().right ?? Number.POSITIVE_INFINITY,
        boxScrolls: box ? box.scrollWidth > box.clientWidth : false,
        svgVisible: rect !== undefined && rect.width > 100 && rect.height > 100,
        viewport: window.innerWidth,
      }
    })

  it('draws the programme theory with every box and arrow, a legend, inside the page at 1366 and 390 px', async () => {
    const model = programmeTheoryDiagram(report)
    const wide = await theory()
    expect(wide.svgVisible).toBe(true)
    expect(wide.boxes).toBe(model.nodes.length)
    expect(wide.arrows).toBe(model.edges.length)
    expect(wide.legend).toMatch(/CMOC.*recommendation.*stated.*inferred/)
    expect(wide.figureRight).toBeLessThanOrEqual(wide.viewport)
    await page.screenshot({ path: path.join(artefacts, 'diagrams-1366.png') })

    await page.setViewportSize({ width: 390, height: 844 })
    const narrow = await theory()
    expect(narrow.svgVisible).toBe(true)
    // Wider than a phone: it scrolls inside its own box, and the figure stays in the page.
    expect(narrow.boxScrolls).toBe(true)
    expect(narrow.figureRight).toBeLessThanOrEqual(390)
    const overflowing = await page.$$eval(
      '.rkb-diagram-figure',
      (figures) =>
        figures.filter((figure) => figure.getBoundingClientRect().right > window.innerWidth).length,
    )
    expect(overflowing).toBe(0)
    await page.locator('#rkb-figure-programme-theory').screenshot({
      path: path.join(artefacts, 'diagrams-390.png'),
    })

    // Zoom changes the drawing's size; the box keeps its own.
    const width = (): Promise<number> =>
      page.$eval('#rkb-figure-programme-theory svg', (svg) => svg.getBoundingClientRect().width)
    const before = await width()
    await page.click('#rkb-figure-programme-theory button[data-zoom="in"]')
    expect(await width()).toBeGreaterThan(before)
    await page.click('#rkb-figure-programme-theory button[data-zoom="fit"]')
    expect(await width()).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1366, height: 900 })
  })

  it('downloads the drawing as an SVG file that parses, with every box', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#rkb-figure-programme-theory button[data-download-svg]'),
    ])
    expect(download.suggestedFilename()).toBe('programme-theory.svg')
    const chunks: Buffer[] = []
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const parsed = await page.evaluate((svg) => {
      const document = new DOMParser().parseFromString(svg, 'image/svg+xml')
      return {
        error: document.querySelector('parsererror')?.textContent ?? '',
        root: document.documentElement.localName,
        boxes: document.querySelectorAll('[data-id]').length,
        style: document.documentElement.getAttribute('style'),
      }
    }, text)
    expect(parsed).toEqual({
      error: '',
      root: 'svg',
      boxes: programmeTheoryDiagram(report).nodes.length,
      style: null,
    })
  })

  it("draws each recommendation's trace inline: the recommendation, its CMOCs and their studies", async () => {
    const rec = report.recommendations.find(
      (item) => item.cmocs.length > 1 && item.studies.length > 0,
    )
    if (!rec) throw new Error('no recommendation with CMOCs and studies')
    await page.evaluate((id) => {
      const details = document.getElementById(`kb-${id}`) as HTMLDetailsElement | null
      if (details) details.open = true
      details?.scrollIntoView()
    }, rec.id)
    const drawn = await page.$eval(`#kb-${rec.id} svg.rkb-diagram`, (svg) => {
      const rect = svg.getBoundingClientRect()
      return {
        ids: Array.from(svg.querySelectorAll('[data-id]')).map((node) =>
          node.getAttribute('data-id'),
        ),
        visible: rect.width > 100 && rect.height > 40,
      }
    })
    expect(drawn.visible).toBe(true)
    expect(drawn.ids).toContain(rec.id)
    for (const link of rec.cmocs) expect(drawn.ids).toContain(link.id)
    expect(drawn.ids.filter((id) => rec.studies.includes(id ?? '')).length).toBeGreaterThan(0)
    expect(errors).toEqual([])
  })
})
