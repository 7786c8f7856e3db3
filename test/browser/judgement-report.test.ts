import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildTraceReport } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { renderHtml } from '@realist-kb/export'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe.js'
import { connectChromium, hasChromium } from './chromium.js'

const root = path.resolve(import.meta.dirname, '../..')
const artefacts = path.join(root, 'test-results')
const fixture = path.join(root, 'packages/export/test/fixtures/judgement')

describe.skipIf(!hasChromium)('HTML report of appraisals and confidence in a real browser', () => {
  let browser: Browser
  let page: Page
  const consoleErrors: string[] = []

  beforeAll(async () => {
    await mkdir(artefacts, { recursive: true })
    const file = path.join(artefacts, 'judgement.html')
    await writeFile(file, renderHtml(buildTraceReport(await loadDirectory(fixture))))
    browser = await connectChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.on('pageerror', (error) => consoleErrors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    await page.goto(pathToFileURL(file).href)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('filters studies by the level of their appraisal', async () => {
    expect(consoleErrors).toEqual([])
    const visible = (): Promise<string[]> =>
      page.$$eval('article.study:not([hidden])', (nodes) =>
        nodes.map((node) => node.id.replace(/^kb-/, '')),
      )
    expect(await visible()).toEqual(['alpha-2020', 'beta-2021', 'delta-2022', 'gamma-2019'])
    await page.selectOption('#rkb-filter-rigour', 'moderate')
    expect(await visible()).toEqual(['alpha-2020', 'beta-2021'])
    await page.selectOption('#rkb-filter-richness', 'high')
    expect(await visible()).toEqual(['alpha-2020'])
    expect(await page.textContent('#rkb-study-status')).toBe('1 of 4 studies shown')
    await page.selectOption('#rkb-filter-rigour', '')
    await page.selectOption('#rkb-filter-richness', '')
    expect(await visible()).toHaveLength(4)
  })

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    expect(await seriousViolations(page)).toEqual([])
  })
})
