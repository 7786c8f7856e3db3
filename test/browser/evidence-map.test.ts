import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
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

// Read straight from the studies and CMOCs, not from the gap map the page is drawn from.
const fieldOf = { setting: 'settings', participants: 'participants', country: 'countries' } as const

function studiesOfCell(
  report: TraceReport,
  cmoc: string,
  dimension: keyof typeof fieldOf,
  value: string,
): string[] {
  const studies = new Map(report.studies.map((study) => [study.id, study]))
  return (report.cmocs.find((entry) => entry.id === cmoc)?.studies ?? [])
    .filter((id) => {
      const values = studies.get(id)?.[fieldOf[dimension]] ?? []
      return value === 'not recorded' ? values.length === 0 : values.includes(value)
    })
    .sort()
}

/**
 * Clicks every bubble of a table of the page's map and reads the studies each lists: per CMOC
 * row (in table order), per column, the listed ids, or null where the cell has no bubble.
 */
async function listEveryBubble(page: Page, dimension: string): Promise<(string[] | null)[][]> {
  await page.selectOption('#rkb-map-dimension', dimension)
  return page.evaluate((chosen) => {
    const scroll = Array.from(document.querySelectorAll('.rkb-map-scroll')).find(
      (table) => table.getAttribute('data-dimension') === chosen,
    )
    const rows = scroll?.querySelectorAll<HTMLTableRowElement>('tbody tr:not(.rkb-map-group)')
    return Array.from(rows ?? [], (row) =>
      Array.from(row.cells)
        .slice(1)
        .map((cell) => {
          const bubble = cell.querySelector('button')
          if (!bubble) return null
          bubble.click()
          return Array.from(document.querySelectorAll('#rkb-map-cell a[data-study]'), (link) =>
            link.getAttribute('data-study'),
          ).filter((id) => id !== null)
        }),
    )
  }, dimension)
}

/** What the page must list for each bubble: the gap map's cell, in its order. */
function cellsOf(report: TraceReport, dimension: string): (string[] | null)[][] {
  const table = report.gapMap.find((each) => each.dimension === dimension)
  return (table?.rows ?? []).map((row) =>
    row.studies.map((studies) => (studies.length === 0 ? null : [...studies])),
  )
}

describe.skipIf(!hasChromium)('evidence map of the bundled review in a real browser', () => {
  let browser: Browser
  let page: Page
  let report: TraceReport
  const consoleErrors: string[] = []

  beforeAll(async () => {
    await mkdir(artefacts, { recursive: true })
    report = buildTraceReport(await loadDirectory(path.join(root, 'content')))
    const file = path.join(artefacts, 'evidence-map.html')
    await writeFile(file, renderHtml(report))
    browser = await connectChromium()
    page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    page.on('pageerror', (error) => consoleErrors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    await page.goto(`${pathToFileURL(file).href}#rkb-gap-map`)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('lists exactly the studies of a clicked cell, and shows the chosen columns', async () => {
    expect(consoleErrors).toEqual([])
    await page.selectOption('#rkb-map-dimension', 'participants')
    // The fullest cell of the participants map, and one of its "not recorded" cells.
    const participants = [...new Set(report.studies.flatMap((study) => study.participants))]
    const cells = report.cmocs.flatMap((cmoc) =>
      [...participants, 'not recorded'].map((value) => ({
        cmoc: cmoc.id,
        value,
        studies: studiesOfCell(report, cmoc.id, 'participants', value),
      })),
    )
    const fullest = [...cells].sort((a, b) => b.studies.length - a.studies.length)[0]
    const unrecorded = cells.find((cell) => cell.value === 'not recorded' && cell.studies.length)
    expect(fullest?.studies.length).toBeGreaterThan(1)
    for (const cell of [fullest, unrecorded]) {
      if (cell === undefined) continue
      const listed = await page.evaluate(
        ({ cmoc, value }) => {
          const scroll = document.querySelector<HTMLElement>(
            '.rkb-map-scroll[data-dimension="participants"]',
          )
          const table = scroll?.querySelector('table')
          const heads = Array.from(table?.querySelectorAll('thead th') ?? [])
          const column = heads.findIndex((head) => head.getAttribute('data-value') === value)
          const row = table
            ?.querySelector(`tbody th a[href="#kb-${cmoc}"]`)
            ?.closest('tr') as HTMLTableRowElement | null
          row?.cells[column]?.querySelector('button')?.click()
          return {
            heading: heads[column]?.textContent,
            studies: Array.from(document.querySelectorAll('#rkb-map-cell a[data-study]')).map(
              (link) => [link.getAttribute('data-study'), link.getAttribute('href')],
            ),
          }
        },
        { cmoc: cell.cmoc, value: cell.value },
      )
      expect(listed.heading).toBe(
        cell.value === 'not recorded' ? 'Not recorded' : report.terms.participants[cell.value],
      )
      expect(listed.studies.map(([id]) => id).sort()).toEqual(cell.studies)
      for (const [id, href] of listed.studies) expect(href).toBe(`#kb-${id}`)
    }

    // Synonyms written by the studies fall into the bundled review's terms, shown by label.
    const visibleHeads = (): Promise<string[]> =>
      page.$$eval('.rkb-map-scroll:not([hidden]) thead th', (heads) =>
        heads.map((head) => head.textContent ?? ''),
      )
    expect(await visibleHeads()).toContain('Family carers')
    expect(await visibleHeads()).not.toContain('caregivers')
    // The study's own entry names the term by its label too (it writes "caregivers").
    const facts = await page.textContent('#kb-desai-2021 dl')
    expect(facts).toContain('Family carers')
    expect(facts).not.toContain('caregivers')

    await page.selectOption('#rkb-map-dimension', 'country')
    const names = new Intl.DisplayNames(['en'], { type: 'region' })
    const countries = [...new Set(report.studies.flatMap((study) => study.countries))]
      .map((code) => names.of(code) ?? code)
      .sort()
    const anyUnrecorded = report.studies.some((study) => study.countries.length === 0)
    expect(await visibleHeads()).toEqual([
      'CMOC',
      ...countries,
      ...(anyUnrecorded ? ['Not recorded'] : []),
    ])
    expect(await page.$$eval('.rkb-map-scroll:not([hidden])', (nodes) => nodes.length)).toBe(1)

    // The colour choice swaps the legend; the map's box, not the page, scrolls.
    expect(await page.isVisible('.rkb-legend-rigour')).toBe(false)
    await page.selectOption('#rkb-map-colour', 'rigour')
    expect(await page.isVisible('.rkb-legend-rigour')).toBe(true)
    expect(await page.isVisible('.rkb-legend-confidence')).toBe(false)
    const right = await page.$eval('#rkb-evidence-map', (map) => map.getBoundingClientRect().right)
    expect(right).toBeLessThanOrEqual(390)
    await page.screenshot({ path: path.join(artefacts, 'evidence-map-390.png') })
  })

  it("lists every bubble's studies as the gap map's cell, in order, in every table", async () => {
    expect(report.gapMap.length).toBeGreaterThan(1)
    for (const table of report.gapMap) {
      const listed = await listEveryBubble(page, table.dimension)
      expect(listed.flat().filter((cell) => cell !== null).length).toBeGreaterThan(0)
      expect(listed, table.dimension).toEqual(cellsOf(report, table.dimension))
    }
    // Some cell lists several studies, so their order is checked too.
    expect(
      report.gapMap.some((table) => table.rows.some((row) => row.counts.some((n) => n > 1))),
    ).toBe(true)
  })

  it('has no serious or critical accessibility violation in the evidence map (axe-core)', async () => {
    expect(await seriousViolations(page, ['#rkb-evidence-map'])).toEqual([])
  })
})

describe.skipIf(!hasChromium)(
  'evidence map of a weighted map over dimensions the review chooses',
  () => {
    let browser: Browser
    let page: Page
    let report: TraceReport
    let folder: string
    const consoleErrors: string[] = []
    // Values that need escaping in an attribute and in text; alpha and gamma (both counted, both
    // behind cmoc-b) share one. Studies in file-name order: alpha, beta, delta, gamma.
    const notes = ['Trial "A" & <b>B</b>', "Trial 'C' | D", 'Trial E', 'Trial "A" & <b>B</b>']
    const dimensions = ['designNote', 'year', 'inclusion', 'rigour', 'design']

    beforeAll(async () => {
      // The judgement fixture, with the review choosing the map's columns and each study a note.
      folder = await mkdtemp(path.join(tmpdir(), 'rkb-map-'))
      await cp(path.join(root, 'packages/export/test/fixtures/judgement'), folder, {
        recursive: true,
      })
      const reviewFile = path.join(folder, 'review.md')
      const review = await readFile(reviewFile, 'utf8')
      await writeFile(
        reviewFile,
        review.replace('\n---\n', `\ngapMap:\n  dimensions: ${JSON.stringify(dimensions)}\n---\n`),
      )
      const studies = (await readdir(path.join(folder, 'studies'))).sort()
      for (const [index, name] of studies.entries()) {
        const file = path.join(folder, 'studies', name)
        const text = await readFile(file, 'utf8')
        await writeFile(
          file,
          text.replace(
            /^design: .*$/m,
            (line) => `${line}\ndesignNote: ${JSON.stringify(notes[index])}`,
          ),
        )
      }
      const kb = await loadDirectory(folder)
      expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      report = buildTraceReport(kb, { gapMapWeighting: { dimension: 'rigour', atLeast: 'low' } })
      const file = path.join(artefacts, 'evidence-map-weighted.html')
      await writeFile(file, renderHtml(report))
      browser = await connectChromium()
      page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
      page.on('pageerror', (error) => consoleErrors.push(String(error)))
      await page.goto(`${pathToFileURL(file).href}#rkb-gap-map`)
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await rm(folder, { recursive: true, force: true })
    })

    it("lists every bubble's studies as the weighted gap map's cell, in order", async () => {
      expect(report.gapMap.map((table) => table.dimension)).toEqual(dimensions)
      // The weighting leaves some study out, and some cell still holds several studies.
      const counted = new Set(
        report.gapMap.flatMap((table) => table.rows.flatMap((row) => row.studies.flat())),
      )
      expect(counted.size).toBeGreaterThan(0)
      expect(counted.size).toBeLessThan(report.studies.length)
      expect(report.gapMap[0]?.rows.some((row) => row.counts.some((count) => count > 1))).toBe(true)
      expect(report.gapMap[0]?.values).toContain(notes[0])
      for (const table of report.gapMap)
        expect(await listEveryBubble(page, table.dimension), table.dimension).toEqual(
          cellsOf(report, table.dimension),
        )
      expect(consoleErrors).toEqual([])
    })
  },
)
