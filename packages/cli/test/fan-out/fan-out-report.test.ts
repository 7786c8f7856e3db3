import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { buildTraceReport } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { renderCsv } from '@realist-kb/export'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryIo } from '../cli-io.js'
import { writeFanOutBase } from './fan-out-base.js'

// A fan-out knowledge base (every recommendation derives from every CMOC, every CMOC rests on
// every study) has size³ recommendation-CMOC-study paths in size² links. Reports used to grow
// with the paths (a 528 KB base gave a 473 MB Markdown report and a CSV that crashed at 3.8 GB):
// Markdown and HTML now grow with the base, and the CSV, which lists paths by definition, streams.

const repository = path.resolve(import.meta.dirname, '../../../..')
const child = path.join(import.meta.dirname, 'run-report.ts')
// The heap of the process writing the CSV: half the size of the report, so that building the
// report in memory dies where streaming it does not.
const heapMiB = 64

let work: string
const bases = {
  small: { size: 24, bytes: 0 },
  large: { size: 48, bytes: 0 },
  csv: { size: 64, bytes: 0 },
}
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'rkb-fan-out-'))
  for (const [name, base] of Object.entries(bases))
    base.bytes = await writeFanOutBase(path.join(work, name), base.size)
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

function run(args: string[]): Promise<{ code: number; maxRss: number }> {
  const process_ = spawn(
    process.execPath,
    [
      `--max-old-space-size=${heapMiB}`,
      '--import',
      'tsx',
      '--conditions=source',
      child,
      work,
      ...args,
    ],
    { cwd: repository, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  process_.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  return new Promise((resolve, reject) =>
    process_.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as { code: number; maxRss: number })
        : reject(new Error(`exit ${code}`)),
    ),
  )
}

/** Write a report in process (its size is what is measured); the size of the file. */
async function report(base: 'small' | 'large', format: string): Promise<number> {
  const out = `out/${base}.${format}`
  expect(await main(['report', base, '--format', format, '--out', out], memoryIo(work))).toBe(0)
  return await stat(path.join(work, out)).then((info) => info.size)
}

describe('reports of a fan-out base', () => {
  // The multiples are ceilings on bytes of report per byte of base. HTML spends more per link
  // than Markdown: each recommendation-to-CMOC link is an arrow in the programme-theory drawing
  // and a line in the recommendation's chain (about 400 bytes each, for a 12-byte line of
  // frontmatter); the chain's evidence and inline traces are capped per recommendation.
  it.each([
    ['md', 15],
    ['html', 60],
  ])(
    '%s grows with the base, not with its paths',
    async (format, multiple) => {
      const small = (await report('small', format)) / bases.small.bytes
      const large = (await report('large', format)) / bases.large.bytes
      expect(large).toBeLessThan(multiple)
      // Twice the size is four times the base and eight times the paths: the ratio stays put
      // (it doubled when reports grew with the paths).
      expect(large / small).toBeLessThan(1.5)
    },
    120_000,
  )

  it('md: every recommendation still reaches each CMOC, and each CMOC lists its evidence', async () => {
    const text = await readFile(path.join(work, 'out/large.md'), 'utf8')
    const size = bases.large.size
    // Anchors may carry a prefix of the report's own: match any.
    const at = (pattern: string): number => text.search(new RegExp(pattern))
    const rec = text.slice(at('<a id="[\\w-]*rec-1">'), at('<a id="[\\w-]*rec-2">'))
    expect(rec).toMatch(new RegExp(`\\]\\(#[\\w-]*cmoc-${size}\\)`))
    const section = text.slice(at(`<a id="[\\w-]*cmoc-${size}">`))
    expect(section.slice(0, section.indexOf('Used by'))).toMatch(
      new RegExp(`\\]\\(#[\\w-]*study-${size}\\)`),
    )
  })

  it('html: every recommendation still links to each CMOC, and each CMOC lists its evidence', async () => {
    const text = await readFile(path.join(work, 'out/large.html'), 'utf8')
    const size = bases.large.size
    // Element ids may carry a prefix of the report's own: match any.
    const at = (pattern: string): number => text.search(new RegExp(pattern))
    const rec = text.slice(at('id="[\\w-]*rec-1"'), at('id="[\\w-]*rec-2"'))
    expect(rec).toMatch(new RegExp(`href="#[\\w-]*cmoc-${size}"`))
    const article = text.slice(at(`<article class="entity" id="[\\w-]*cmoc-${size}"`))
    expect(article.slice(0, article.indexOf('</article>'))).toMatch(
      new RegExp(`href="#[\\w-]*study-${size}"`),
    )
  })

  it('csv: streams its rows, in a heap half the size of the report', async () => {
    const out = path.join(work, 'out/csv.csv')
    const result = await run(['report', 'csv', '--format', 'csv', '--out', 'out/csv.csv'])
    expect(result.code).toBe(0)
    // The whole process (Node, the TypeScript loader, the base), in KiB.
    expect(result.maxRss).toBeLessThan(320 * 1024)
    expect((await stat(out)).size).toBeGreaterThan(heapMiB * 1024 * 1024 * 0.45)
    // One row per path, after the header; CRLF line ends.
    const text = await readFile(out, 'utf8')
    expect(text.split('\r\n').length - 2).toBe(bases.csv.size ** 3)
  }, 120_000)

  it('csv: the streamed report, to a file or to standard output, is the rendered one', async () => {
    const expected = renderCsv(buildTraceReport(await loadDirectory(path.join(work, 'small'))))
    const io = memoryIo(work)
    expect(await main(['report', 'small', '--format', 'csv'], io)).toBe(0)
    expect(io.out()).toBe(expected)
    const args = ['report', 'small', '--format', 'csv', '--out', 'out/small.csv']
    expect(await main(args, memoryIo(work))).toBe(0)
    expect(await readFile(path.join(work, 'out/small.csv'), 'utf8')).toBe(expected)
  })
})
