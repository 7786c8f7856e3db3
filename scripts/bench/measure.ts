import { readFileSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { buildTraceReport, IncrementalKnowledgeBase, parseFile } from '@realist-kb/core'
import { listContentFiles, loadDirectory } from '@realist-kb/core/node'
import { renderHtml } from '@realist-kb/export'
import matter from 'gray-matter'
import { median } from './median.js'

/**
 * One measurement, in a process of its own (so peak memory is its own): prints
 * `{"ms": ..., "rssMb": ...}`. Run by scripts/bench/run.ts; not meant to be run by hand.
 */
const [phase, corpus, cacheDirectory] = process.argv.slice(2)
if (!phase || !corpus) throw new Error('usage: measure.ts <phase> <corpus> [cache-dir]')

/** The floor: list and read every file, in batches of 64 (faster and leaner than all at once). */
async function readAll(): Promise<{ files: string[]; texts: string[] }> {
  const { files } = await listContentFiles(path.resolve(corpus as string))
  const texts: string[] = []
  for (let start = 0; start < files.length; start += 64) {
    texts.push(
      ...(await Promise.all(
        files
          .slice(start, start + 64)
          .map((file) => readFile(path.join(corpus as string, file), 'utf8')),
      )),
    )
  }
  return { files, texts }
}

const phases: Record<string, () => Promise<number>> = {
  async read() {
    const start = performance.now()
    await readAll()
    return performance.now() - start
  },
  async 'read-sync'() {
    // For reference: the way the loader reads (synchronous calls, no thread-pool round trips).
    const start = performance.now()
    const root = path.resolve(corpus as string)
    const { files } = await listContentFiles(root)
    for (const file of files) readFileSync(path.join(root, file), 'utf8')
    return performance.now() - start
  },
  async 'read-gray-matter'() {
    const start = performance.now()
    for (const text of (await readAll()).texts) matter(text, {})
    return performance.now() - start
  },
  async cold() {
    const start = performance.now()
    await loadDirectory(corpus)
    return performance.now() - start
  },
  async 'cold-fill-cache'() {
    if (!cacheDirectory) throw new Error('cache directory needed')
    await rm(cacheDirectory, { recursive: true, force: true })
    const start = performance.now()
    await loadDirectory(corpus, { cacheDirectory })
    return performance.now() - start
  },
  async warm() {
    if (!cacheDirectory) throw new Error('cache directory needed')
    const start = performance.now()
    await loadDirectory(corpus, { cacheDirectory })
    return performance.now() - start
  },
  async incremental() {
    // Median of 21 one-file edits (a study's evidence relinked), each re-parsed and applied to
    // the live graph, with the diagnostics brought up to date. The edits are made in memory: the
    // corpus on disk is never changed, so a run that dies leaves it as it was.
    const { files, texts } = await readAll()
    const live = new IncrementalKnowledgeBase(
      files.map((file, index) => parseFile({ path: file, text: texts[index] ?? '' })),
    )
    const times: number[] = []
    for (let index = 0, edits = 0; index < files.length && edits < 21; index++) {
      const file = files[index] as string
      if (!file.startsWith('studies/')) continue
      const text = (texts[index] ?? '').replace(/cmoc-\d+/, `cmoc-${(edits % 17) + 1}`)
      const start = performance.now()
      live.update(parseFile({ path: file, text }))
      void live.knowledgeBase.diagnostics.length
      times.push(performance.now() - start)
      edits++
    }
    return median(times)
  },
  async html() {
    const kb = await loadDirectory(corpus)
    const start = performance.now()
    renderHtml(buildTraceReport(kb))
    return performance.now() - start
  },
  async velite() {
    const { build } = await import('velite')
    const start = performance.now()
    // The runner passes the config's path: this script runs from a bundle elsewhere.
    const config =
      process.env.BENCH_VELITE_CONFIG ?? path.join(import.meta.dirname, 'velite.config.ts')
    await build({ config, logLevel: 'silent' })
    return performance.now() - start
  },
}

const run = phases[phase]
if (!run) throw new Error(`unknown phase ${phase}`)
const ms = await run()
process.stdout.write(`${JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`)
