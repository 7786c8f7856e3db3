import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { median } from './median.js'

/** One whole-process figure: the median wall time of `runs` runs, in milliseconds. */
export interface ProcessFigure {
  readonly label: string
  readonly ms: number
}

/**
 * Every file under the corpus read whole, in a process that loads nothing else: the floor a
 * whole `realist-kb validate` process is compared with. It reads as the in-process floor does
 * (the `read` phase of scripts/bench/measure.ts): through promises, 64 files at a time.
 */
const readFloor = `
const { readdir, readFile } = require('node:fs/promises'), path = require('node:path')
const root = process.argv[1]
;(async () => {
  const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.md'))
  for (let start = 0; start < files.length; start += 64)
    await Promise.all(files.slice(start, start + 64).map((file) => readFile(path.join(root, file), 'utf8')))
})()
`

/**
 * Time a whole Node process, start to exit, as a user waits for it: median of `runs`.
 * Exit codes 0 and 1 (content errors) are both a finished run.
 */
export function timeProcess(args: readonly string[], runs: number, cwd: string): number {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    const result = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' })
    const ms = performance.now() - start
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`\`node ${args.join(' ')}\` exited with ${result.status}`)
    times.push(ms)
  }
  return median(times)
}

/**
 * Start-up and warm load as whole processes: `realist-kb --version` and `realist-kb validate
 * content` (the bundled review) against `node -e 0`, and, given a corpus, a warm `realist-kb
 * validate` of it against a process that only reads its files. The CLI runs from the built
 * packages with its usual cache (node_modules/.cache/realist-kb), filled by one unmeasured run.
 */
export function measureProcesses(
  root: string,
  runs: number,
  corpus: string | undefined,
): { rows: [string, string, string, string, boolean | undefined][] } {
  const cli = path.join(root, 'packages', 'cli', 'bin', 'realist-kb.js')
  const node = timeProcess(['-e', '0'], runs, root)
  const version = timeProcess([cli, '--version'], runs, root)
  timeProcess([cli, 'validate', 'content'], 1, root)
  const review = timeProcess([cli, 'validate', 'content'], runs, root)
  const rows: [string, string, string, string, boolean | undefined][] = [
    ['node -e 0 (floor)', format(node), '1.00x node', '', undefined],
    [
      'realist-kb --version',
      format(version),
      `${ratio(version, node)} node`,
      '<= 2.00x node -e 0',
      version <= 2 * node,
    ],
    [
      'realist-kb validate content (bundled review, warm)',
      format(review),
      `${ratio(review, node)} node`,
      '<= 3.00x node -e 0',
      review <= 3 * node,
    ],
  ]
  if (corpus !== undefined) {
    const floor = timeProcess(['-e', readFloor, corpus], runs, root)
    timeProcess([cli, 'validate', corpus], 1, root)
    const warm = timeProcess([cli, 'validate', corpus], runs, root)
    rows.push(
      ['process reading every file (floor)', format(floor), '1.00x read', '', undefined],
      [
        `realist-kb validate ${path.relative(root, corpus)} (warm)`,
        format(warm),
        `${ratio(warm, floor)} read`,
        '<= 1.50x the reading process',
        warm <= 1.5 * floor,
      ],
    )
  }
  return { rows }
}

function format(ms: number): string {
  return ms >= 100 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}x`
}
