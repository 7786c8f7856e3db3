import { mkdir, writeFile } from 'node:fs/promises'
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

/** The bundled review and a review of another shape (no groups). */
const reviews = [
  { name: 'bundled-review', folder: path.join(root, 'content') },
  { name: 'no-groups', folder: path.join(root, 'packages/export/test/fixtures/shapes/no-groups') },
]

/**
 * Who a filter by `audience` must find, worked out here from the audiences' `includes` rather
 * than read from the report's own answer: the recommendations addressed to it or to any audience
 * whose inclusions reach it.
 */
function addressedTo(report: TraceReport, audience: string): string[] {
  const reaching = new Set([audience])
  for (let grew = true; grew; ) {
    grew = false
    for (const other of report.audiences)
      if (!reaching.has(other.id) && other.includes.some((link) => reaching.has(link.id))) {
        reaching.add(other.id)
        grew = true
      }
  }
  return report.recommendations
    .filter((rec) => rec.audiences.some((id) => reaching.has(id)))
    .map((rec) => rec.id)
}

/** Ids of the recommendations on show, without the `kb-` anchor prefix. */
function visibleRecs(page: Page): Promise<string[]> {
  return page.$$eval('details.rec:not([hidden])', (nodes) =>
    nodes.map((node) => node.id.replace(/^kb-/, '')),
  )
}

/**
 * Follow every contents link and say which headings do not land in view, or land under
 * something else (a sticky bar): the element at the heading's first line must be the heading.
 */
async function headingsNotInView(page: Page): Promise<string[]> {
  // One round trip: a fragment link scrolls synchronously when clicked.
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('nav.rkb-toc a')).flatMap((link) => {
      link.click()
      const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)))
      if (!heading) return [link.hash]
      const box = heading.getBoundingClientRect()
      if (box.top < 0 || box.bottom > window.innerHeight) return [link.hash]
      const hit = document.elementFromPoint(box.left + 4, box.top + Math.min(box.height / 2, 10))
      return hit !== null && (hit === heading || heading.contains(hit)) ? [] : [link.hash]
    }),
  )
}

describe.skipIf(!hasChromium).each(reviews)('the report page of $name', ({ name, folder }) => {
  let browser: Browser
  let report: TraceReport
  let url: string
  const errors: string[] = []

  beforeAll(async () => {
    report = buildTraceReport(await loadDirectory(folder))
    await mkdir(artefacts, { recursive: true })
    const file = path.join(artefacts, `report-page-${name}.html`)
    await writeFile(file, renderHtml(report))
    url = pathToFileURL(file).href
    browser = await connectChromium()
  })

  afterAll(async () => {
    await browser?.close()
  })

  async function open(width: number, height: number, javaScriptEnabled = true): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height }, javaScriptEnabled })
    page.on('pageerror', (error) => errors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(url)
    return page
  }

  it('at 1366 px: summary rows, chains, audience filters, lasting filter state, search and axe', async () => {
    const page = await open(1366, 900)

    // A collapsed row tells its audiences, counts and confidence without opening.
    const first = report.recommendations[0]
    expect(first).toBeDefined()
    if (!first) return
    const facts = await page.textContent(`#kb-${first.id} > summary .rec-facts`)
    expect(facts).toContain(`${first.cmocs.length} CMOC`)
    expect(facts).toContain(`${first.studies.length} stud`)
    expect(facts).toMatch(/Confidence (High|Moderate|Low|Very low|Not assessed)/)

    // Opened, it shows the chain recommendation -> CMOC -> evidence -> study with its profile.
    const chained = report.recommendations.find((rec) => rec.studies.length > 0)
    if (chained) {
      await page.click(`#kb-${chained.id} > summary`)
      const body = page.locator(`#kb-${chained.id} .rec-body`)
      expect(await body.locator('ol.rkb-chain > li.cmoc-trace').count()).toBe(chained.cmocs.length)
      expect(await body.locator('ul.evidence .chain-study a').count()).toBeGreaterThan(0)
      expect(await body.locator('table.rkb-profile th').allTextContents()).toContain('Countries')
    }

    // Each audience shows exactly the recommendations addressed to it, compound cells included.
    for (const audience of report.audiences) {
      await page.selectOption('#rkb-filter-audience', audience.id)
      expect(await visibleRecs(page), audience.id).toEqual(addressedTo(report, audience.id))
    }
    if (name === 'bundled-review') {
      // The issue's own case: rec-4-3 is addressed to team/service leads and healthcare
      // professionals, a cell that includes healthcare professionals.
      await page.selectOption('#rkb-filter-audience', 'healthcare-professionals')
      expect(await visibleRecs(page)).toContain('rec-4-3')
    }

    // Filter state lives in the address: it survives a reload and an in-page link.
    const some = (a: TraceReport['audiences'][number]): number => addressedTo(report, a.id).length
    const audience =
      report.audiences.find((a) => some(a) > 0 && some(a) < report.recommendations.length) ??
      report.audiences.find((a) => some(a) > 0)
    expect(audience).toBeDefined()
    await page.selectOption('#rkb-filter-audience', audience?.id ?? '')
    const expected = await visibleRecs(page)
    await page.reload()
    expect(await page.inputValue('#rkb-filter-audience')).toBe(audience?.id)
    expect(await visibleRecs(page)).toEqual(expected)
    const target = expected.at(-1) ?? ''
    await page.click(`section[aria-labelledby="rkb-audiences"] a[href="#kb-${target}"]`)
    expect(new URL(page.url()).searchParams.get('audience')).toBe(audience?.id)
    expect(await visibleRecs(page)).toEqual(expected)
    // The recommendation it lands on is open and not under the filter bar.
    expect(
      await page.$eval(`#kb-${target}`, (rec) => {
        const box = rec.getBoundingClientRect()
        const hit = document.elementFromPoint(box.left + 20, box.top + 8)
        return (rec as HTMLDetailsElement).open && hit !== null && rec.contains(hit)
      }),
    ).toBe(true)

    // Search marks what it finds and opens the recommendation that holds it; clear resets all.
    await page.click('#rkb-filter-clear')
    expect(new URL(page.url()).search).toBe('')
    expect(await visibleRecs(page)).toHaveLength(report.recommendations.length)
    const cmoc = report.cmocs.find((c) => c.recommendations.length > 0)
    if (cmoc) {
      // A word from a CMOC's title: in the opened body, not in the collapsed row.
      const word = cmoc.title.split(/\s+/).find((w) => w.length > 6) ?? cmoc.title
      await page.fill('#rkb-filter-search', word)
      const hits = await page.$$eval('details.rec:not([hidden])', (nodes) =>
        nodes.map((node) => ({
          open: (node as HTMLDetailsElement).open,
          marks: node.querySelectorAll('mark').length,
        })),
      )
      expect(hits.length).toBeGreaterThan(0)
      expect(hits.every((hit) => hit.open && hit.marks > 0)).toBe(true)
      await page.reload()
      expect(await page.inputValue('#rkb-filter-search')).toBe(word)
      expect(await page.locator('details.rec:not([hidden]) mark').count()).toBeGreaterThan(0)
      await page.click('#rkb-filter-clear')
      expect(await page.locator('mark').count()).toBe(0)
    }

    expect(await headingsNotInView(page)).toEqual([])
    // report.test.ts runs axe on the bundled review at desktop width; axe there takes a minute.
    if (name !== 'bundled-review') expect(await seriousViolations(page)).toEqual([])
    // The picture shows the recommendations, the first one open.
    await page.click('details.rec > summary')
    await page.evaluate(() => document.querySelector('details.rec')?.scrollIntoView())
    await page.screenshot({ path: path.join(artefacts, `report-page-${name}-1366.png`) })
    expect(errors).toEqual([])
    await page.close()
  })

  it('at 390 px: no horizontal overflow, headings in view, axe', async () => {
    const page = await open(390, 844)
    await page.click('details.rec > summary')
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      wide: Array.from(document.querySelectorAll('main *'))
        .filter((node) => node.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((node) => !node.closest('.table-wrap, .heat, figure'))
        .map((node) => `${node.tagName.toLowerCase()}.${node.className}`)
        .slice(0, 5),
    }))
    expect(overflow).toEqual({ page: 0, wide: [] })
    expect(await headingsNotInView(page)).toEqual([])
    expect(await seriousViolations(page)).toEqual([])
    await page.evaluate(() => document.querySelector('details.rec')?.scrollIntoView())
    await page.screenshot({ path: path.join(artefacts, `report-page-${name}-390.png`) })
    expect(errors).toEqual([])
    await page.close()
  })

  it('in print: every recommendation open, tables within the page, link addresses shown', async () => {
    // Without the script, and as wide as an A4 page's text (about 718 CSS px).
    const page = await open(718, 1000, false)
    await page.emulateMedia({ media: 'print' })
    const printed = await page.evaluate(() => {
      const bodies = Array.from(document.querySelectorAll('details.rec'))
      return {
        closedButShown: bodies.filter((rec) => {
          const body = rec.querySelector('.rec-body')
          return (
            !(rec as HTMLDetailsElement).open && body !== null && body.getClientRects().length > 0
          )
        }).length,
        closed: bodies.filter((rec) => !(rec as HTMLDetailsElement).open).length,
        controlsShown: Array.from(document.querySelectorAll('.rkb-controls')).some(
          (node) => node.getClientRects().length > 0,
        ),
        cutTables: Array.from(document.querySelectorAll('table'))
          .filter((table) => table.getBoundingClientRect().right > document.body.clientWidth + 1)
          .map((table) => table.className),
        linkAddress: Array.from(document.querySelectorAll('a[href^="http"]')).map(
          (link) => getComputedStyle(link, '::after').content,
        ),
      }
    })
    // CSS alone shows the body of a closed card: the script is not needed to print it open.
    expect(printed.closedButShown).toBe(printed.closed)
    expect(printed.controlsShown).toBe(false)
    expect(printed.cutTables).toEqual([])
    for (const content of printed.linkAddress) expect(content).toMatch(/^" <http/)
    await page.screenshot({ path: path.join(artefacts, `report-page-${name}-print.png`) })
    await page.pdf({ path: path.join(artefacts, `report-page-${name}.pdf`) })
    expect(errors).toEqual([])
    await page.close()
  })
})
