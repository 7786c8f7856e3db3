import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { studiesOfSize, writeCorpus } from '../generate-corpus.js'
import { median } from './median.js'
import { measureProcesses } from './processes.js'

/**
 * `pnpm bench`: every figure of the performance targets, measured side by side in one run on the
 * same generated corpus, each phase in a fresh Node process (so its peak memory is its own),
 * repeated and reported as medians and as ratios to the floors. Results and how to read them:
 * docs/performance.md.
 */
const allPhases = ['read', 'read-sync', 'read-gray-matter', 'cold', 'warm', 'incremental', 'html']
const usage = `Usage: pnpm bench [options]

Measure every performance target on generated corpora, each phase in a fresh Node process, and
print medians with their ratios to the floors (see docs/performance.md).

Options:
  --sizes <list>        corpus sizes, the first one the targets' (default 10k,50k)
  --runs <n>            runs of each phase (default 3)
  --phases <list>       only these phases: ${allPhases.join(', ')}
  --no-velite           leave velite out
  --velite-runs <n>     runs of velite (default 3)
  --process-runs <n>    runs of each whole process (default 10)
  --processes-only      only the whole-process figures
  --help                print this help
`

const benchOptions = {
  help: { type: 'boolean', default: false },
  sizes: { type: 'string', default: '10k,50k' },
  runs: { type: 'string', default: '3' },
  'velite-runs': { type: 'string', default: '3' },
  'no-velite': { type: 'boolean', default: false },
  // Whole processes are short: more runs steady their medians.
  'process-runs': { type: 'string', default: '10' },
  'processes-only': { type: 'boolean', default: false },
  // Some phases only (e.g. `read,html`), to look at one figure without waiting for them all;
  // whole processes are measured only with every phase.
  phases: { type: 'string' },
} as const

function parseOptions(): ReturnType<typeof parseArgs<{ options: typeof benchOptions }>> {
  try {
    return parseArgs({ options: benchOptions })
  } catch (error) {
    // A mistyped option: say which and how to ask for the list, not a stack trace.
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
    process.exit(2)
  }
}

const { values } = parseOptions()
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const phases = values.phases === undefined ? allPhases : values.phases.split(',')
for (const name of phases)
  if (!allPhases.includes(name)) {
    console.error(`Unknown phase ${name}, expected one of ${allPhases.join(', ')}`)
    process.exit(2)
  }
const sizes = values.sizes.split(',').filter(Boolean)
const runs = Math.max(1, Number(values.runs))
const root = path.resolve(import.meta.dirname, '../..')
const work = path.join(root, 'node_modules', '.cache', 'realist-kb-bench')

interface Sample {
  readonly ms: number
  readonly rssMb: number
}

async function main(): Promise<void> {
  await mkdir(work, { recursive: true })
  // Phases run the built packages in plain Node: bundle the measuring script, packages external.
  const measure = path.join(work, 'measure.mjs')
  await build({
    entryPoints: [path.join(import.meta.dirname, 'measure.ts')],
    outfile: measure,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  })

  console.log(
    `realist-kb bench: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; medians of ${runs} runs\n`,
  )
  const measuredSizes = values['processes-only'] ? [] : sizes
  for (const size of measuredSizes) {
    const corpus = path.join(root, 'bench-corpus', size)
    if (!existsSync(path.join(corpus, 'review.md'))) {
      const made = await writeCorpus(size, path.join(root, 'bench-corpus'))
      console.log(
        `generated ${made.files} files (${(made.bytes / 1e6).toFixed(0)} MB) in bench-corpus/${size}`,
      )
    }
  }
  // Rounds: each run measures every phase of every size once, one after another, so that a
  // figure and the floor it is divided by are measured minutes apart at most, not a whole bench
  // apart. A slow spell of a shared machine then slows both sides of a ratio, not one.
  const veliteRuns = values['no-velite'] ? 0 : Math.max(1, Number(values['velite-runs']))
  const samples = new Map<string, Map<string, Sample[]>>()
  const cacheOf = (size: string): string => path.join(work, `cache-${size}`)
  for (let run = 0; run < Math.max(runs, veliteRuns); run++) {
    for (const size of measuredSizes) {
      const corpus = path.join(root, 'bench-corpus', size)
      const cache = cacheOf(size)
      const bySize = samples.get(size) ?? new Map<string, Sample[]>()
      samples.set(size, bySize)
      const measured = [
        ...(run < runs ? phases : []),
        ...(run < veliteRuns && size === sizes[0] ? ['velite'] : []),
      ]
      if (measured.length === 0) continue
      process.stdout.write(`  ${size}, run ${run + 1}:`)
      for (const name of measured) {
        // Warm runs need a filled cache (not measured); a warm load leaves it as it found it.
        if (name === 'warm' && run === 0) runPhase(measure, 'cold-fill-cache', corpus, cache)
        const sample = runPhase(measure, name, corpus, cache)
        const taken = bySize.get(name) ?? []
        taken.push(sample)
        bySize.set(name, taken)
        process.stdout.write(` ${name} ${format(sample.ms)}`)
      }
      process.stdout.write('\n')
    }
  }
  for (const size of measuredSizes) await rm(cacheOf(size), { recursive: true, force: true })
  const results = new Map<string, Map<string, Sample>>()
  for (const [size, bySize] of samples)
    results.set(
      size,
      new Map(
        [...bySize].map(([name, taken]) => [
          name,
          { ms: median(taken.map((s) => s.ms)), rssMb: median(taken.map((s) => s.rssMb)) },
        ]),
      ),
    )
  report(results)
  if (values.phases === undefined) reportProcesses()
}

/** Start-up and warm load as whole processes, as a user waits for them. */
function reportProcesses(): void {
  const first = sizes[0] ?? '10k'
  const corpus = path.join(root, 'bench-corpus', first)
  const processRuns = Math.max(1, Number(values['process-runs']))
  const { rows } = measureProcesses(
    root,
    processRuns,
    existsSync(path.join(corpus, 'review.md')) ? corpus : undefined,
  )
  console.log(`\nWhole processes (medians of ${processRuns} runs, wall time):\n`)
  printRows(rows)
}

function runPhase(measure: string, name: string, corpus: string, cache: string): Sample {
  const result = spawnSync(process.execPath, [measure, name, corpus, cache], {
    cwd: root,
    env: {
      ...process.env,
      BENCH_CORPUS: corpus,
      BENCH_VELITE_CONFIG: path.join(import.meta.dirname, 'velite.config.ts'),
      NODE_ENV: 'production',
    },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  })
  if (result.status !== 0) throw new Error(`phase ${name} failed:\n${result.stderr}`)
  const line = result.stdout.trim().split('\n').at(-1) ?? '{}'
  return JSON.parse(line) as Sample
}

function report(results: Map<string, Map<string, Sample>>): void {
  const first = sizes[0] ?? '10k'
  const at = results.get(first)
  if (!at) return
  const get = (name: string): number => at.get(name)?.ms ?? Number.NaN
  const rows: [string, string, string, string, boolean | undefined][] = [
    ['read every file (floor)', format(get('read')), '1.00x read', '', undefined],
    [
      'read every file, synchronously (reference)',
      format(get('read-sync')),
      `${ratio(get('read-sync'), get('read'))} read`,
      '',
      undefined,
    ],
    [
      'read + gray-matter (floor)',
      format(get('read-gray-matter')),
      `${ratio(get('read-gray-matter'), get('read'))} read`,
      '',
      undefined,
    ],
    [
      'cold load: parse, validate, graph',
      format(get('cold')),
      `${ratio(get('cold'), get('read-gray-matter'))} floor`,
      '<= 2.00x read + gray-matter',
      get('cold') <= 2 * get('read-gray-matter'),
    ],
    [
      'warm load: nothing changed',
      format(get('warm')),
      `${ratio(get('warm'), get('read'))} read`,
      '<= 1.50x read',
      get('warm') <= 1.5 * get('read'),
    ],
    [
      'one edited file: parse, graph + diagnostics',
      format(get('incremental')),
      '',
      '<= 10 ms (median of 21 edits)',
      get('incremental') <= 10,
    ],
    [
      'HTML report (trace + render)',
      format(get('html')),
      `${ratio(get('html'), get('read'))} read`,
      '<= 3000 ms',
      get('html') <= 3000,
    ],
    [
      'peak RSS, cold load',
      `${(at.get('cold')?.rssMb ?? Number.NaN).toFixed(0)} MB`,
      '',
      '<= 300 MB',
      (at.get('cold')?.rssMb ?? Number.POSITIVE_INFINITY) <= 300,
    ],
    [
      'peak RSS, warm load',
      `${(at.get('warm')?.rssMb ?? Number.NaN).toFixed(0)} MB`,
      '',
      '',
      undefined,
    ],
  ]
  if (at.has('velite')) {
    rows.push([
      'velite on the same corpus',
      format(get('velite')),
      `${ratio(get('velite'), get('cold'))} our cold load`,
      '>= 4.00x slower than ours',
      get('velite') >= 4 * get('cold'),
    ])
    rows.push([
      'velite peak RSS',
      `${(at.get('velite')?.rssMb ?? Number.NaN).toFixed(0)} MB`,
      '',
      '',
      undefined,
    ])
  }
  for (const size of sizes.slice(1)) {
    const other = results.get(size)?.get('cold')?.ms ?? Number.NaN
    const factor = (studiesOfSize(size) ?? 1) / (studiesOfSize(first) ?? 1)
    rows.push([
      `cold load at ${size}`,
      format(other),
      `${ratio(other, get('cold'))} the ${first} load`,
      `<= ${(factor * 1.1).toFixed(1)}x (${factor}x the files)`,
      other <= factor * 1.1 * get('cold'),
    ])
    // The report grows with the base: every study is on the page.
    const html = results.get(size)?.get('html')?.ms ?? Number.NaN
    rows.push([
      `HTML report at ${size}`,
      format(html),
      `${ratio(html, get('html'))} the ${first} report`,
      `<= ${(factor * 1.1).toFixed(1)}x (${factor}x the files)`,
      html <= factor * 1.1 * get('html'),
    ])
    // The other phases at this size, for reference: the targets are set at the first size.
    const bySize = results.get(size)
    for (const [name, label] of growthLabels) {
      const ms = bySize?.get(name)?.ms ?? Number.NaN
      rows.push([
        `${label} at ${size}`,
        format(ms),
        `${ratio(ms, get(name))} at ${first}`,
        '',
        undefined,
      ])
    }
    rows.push([
      `peak RSS, cold load at ${size}`,
      `${(bySize?.get('cold')?.rssMb ?? Number.NaN).toFixed(0)} MB`,
      '',
      '',
      undefined,
    ])
  }
  console.log(
    `\nAt ${first} studies (${sizes.length > 1 ? `growth to ${sizes.slice(1).join(', ')}` : 'no growth run'}):\n`,
  )
  // With --phases, the rows of the phases left out have nothing to show.
  printRows(rows.filter((row) => row[1] !== '-' && !row[1].startsWith('NaN')))
}

function printRows(
  rows: readonly (readonly [string, string, string, string, boolean | undefined])[],
): void {
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...rows.map((row) => String(row[column]).length)),
  )
  for (const row of rows) {
    const verdict = row[4] === undefined ? '' : row[4] ? 'ok' : 'MISSED'
    console.log(
      `  ${row[0].padEnd(widths[0] ?? 0)}  ${row[1].padStart(widths[1] ?? 0)}  ${row[2].padEnd(widths[2] ?? 0)}  ${row[3].padEnd(widths[3] ?? 0)}  ${verdict}`,
    )
  }
}

const growthLabels: readonly (readonly [string, string])[] = [
  ['read', 'read every file'],
  ['read-sync', 'read synchronously'],
  ['read-gray-matter', 'read + gray-matter'],
  ['warm', 'warm load'],
  ['incremental', 'one edited file'],
]

function format(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return '-'
  return ms >= 100 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}x`
}

await main()
