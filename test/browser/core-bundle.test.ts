import { readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  buildTraceReport,
  type Diagnostic,
  loadFromMemory,
  type SourceFile,
} from '@realist-kb/core'
import { listContentFiles, loadDirectory } from '@realist-kb/core/node'
import { renderHtml } from '@realist-kb/export'
import { build, type Metafile } from 'esbuild'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectChromium, hasChromium } from './chromium.js'

// The pure entry of @realist-kb/core (and @realist-kb/export, which builds on it) promise to run
// in a browser. This bundles them the way an app would (esbuild, platform browser, no aliases or
// polyfills), runs the bundle in a real page on the bundled review held in memory, and expects
// exactly what Node computes.

const root = path.resolve(import.meta.dirname, '../..')
const contentDir = path.join(root, 'content')

interface PageResult {
  readonly report: string
  readonly diagnostics: string
  readonly html: string
}

/** What the bundle exposes on `globalThis.realistKb`. */
type BundleApi = typeof import('@realist-kb/core') & typeof import('@realist-kb/export')

async function readContent(): Promise<SourceFile[]> {
  const { files } = await listContentFiles(contentDir)
  return Promise.all(
    files.map(async (file) => ({
      path: file,
      text: await readFile(path.join(contentDir, file), 'utf8'),
    })),
  )
}

async function bundleForBrowser(): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    stdin: {
      contents: [
        "export { buildTraceReport, loadFromMemory } from '@realist-kb/core'",
        "export { renderHtml } from '@realist-kb/export'",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'realistKb',
    // In the workspace, packages resolve to their sources; test/packages/pack.test.ts bundles
    // the published files.
    conditions: ['source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  return { code: result.outputFiles[0]?.text ?? '', metafile: result.metafile }
}

// Read and bundled once, for both groups of tests below.
const inputs = Promise.all([readContent(), bundleForBrowser()])

describe('the pure core entry bundled for the browser', () => {
  it('bundles with no Node built-in, not even one stubbed out by a `browser` field', async () => {
    const [, bundle] = await inputs
    const modules = Object.keys(bundle.metafile.inputs)
    expect(modules.filter((input) => /^(\(disabled\)|node:)/.test(input))).toEqual([])
    expect(modules.some((input) => input.includes('packages/core/src/index.ts'))).toBe(true)
  })

  it('loads the same knowledge base from memory as from the folder', async () => {
    const [files] = await inputs
    const fromFolder = await loadDirectory(contentDir)
    const fromMemory = loadFromMemory(files)
    expect(fromMemory.diagnostics).toEqual(fromFolder.diagnostics)
    expect(buildTraceReport(fromMemory)).toEqual(buildTraceReport(fromFolder))
  })
})

describe.skipIf(!hasChromium)('the pure core entry in chromium', () => {
  let browser: Browser
  let files: SourceFile[]
  let result: PageResult
  const pageErrors: string[] = []
  const requests: string[] = []

  beforeAll(async () => {
    const [sources, bundle] = await inputs
    files = sources
    browser = await connectChromium()
    const page = await browser.newPage()
    page.on('pageerror', (error) => pageErrors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text())
    })
    page.on('request', (request) => requests.push(request.url()))
    await page.setContent('<!doctype html><html lang="en"><title>core</title></html>')
    await page.addScriptTag({ content: bundle.code })
    result = await page.evaluate((sources) => {
      const api = (globalThis as unknown as { realistKb: BundleApi }).realistKb
      const kb = api.loadFromMemory(sources)
      const report = api.buildTraceReport(kb)
      return {
        report: JSON.stringify(report),
        diagnostics: JSON.stringify(kb.diagnostics),
        html: api.renderHtml(report),
      }
    }, files)
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('runs without errors or requests', () => {
    expect(pageErrors).toEqual([])
    expect(requests.filter((url) => !url.startsWith('about:'))).toEqual([])
  })

  it('computes the same trace report and diagnostics as Node', () => {
    const kb = loadFromMemory(files)
    const diagnostics: Diagnostic[] = JSON.parse(result.diagnostics)
    expect(diagnostics).toEqual(JSON.parse(JSON.stringify(kb.diagnostics)))
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(result.report).toBe(JSON.stringify(buildTraceReport(kb)))
  })

  it('renders the same HTML report as Node (@realist-kb/export in the same bundle)', () => {
    expect(result.html).toBe(renderHtml(buildTraceReport(loadFromMemory(files))))
  })

  it('traces the bundled review in full', () => {
    const report = JSON.parse(result.report) as ReturnType<typeof buildTraceReport>
    expect(report.recommendations).toHaveLength(22)
    expect(report.cmocs).toHaveLength(18)
    expect(report.groups).toHaveLength(4)
    expect(report.recommendations.every((rec) => rec.cmocs.length > 0)).toBe(true)
  })
})
