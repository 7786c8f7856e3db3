import { execFileSync } from 'node:child_process'
import path from 'node:path'

/** What a child process reports of one load: its outcome and the peak memory it needed. */
export interface ChildLoad {
  /** `ok`, or the error the load threw. */
  readonly outcome: string
  /** Diagnostics as `name line:column`, at most the first ten. */
  readonly diagnostics: readonly string[]
  /** Peak resident memory of the child above its resident memory before the load, in bytes. */
  readonly peakBytes: number
  /** Length of the generated text, in characters. */
  readonly inputLength: number
}

const root = path.join(import.meta.dirname, '..', '..', '..', '..')

/**
 * Generate one content file in a fresh Node process (the expression `text` is evaluated there),
 * load it with `loadFromMemory`, and report the outcome and the peak memory used. The heap is
 * capped, so a runaway load fails instead of taking the machine; a separate process keeps the
 * measure free of the test runner's own memory.
 *
 * @example
 * ```ts
 * const load = measureInChild('audiences/a.md', "'---\\nkind: audience\\nname: A\\n---\\n'")
 * ```
 */
export function measureInChild(file: string, text: string): ChildLoad {
  const script = `
    const { loadFromMemory } = await import('@realist-kb/core')
    const text = ${text}
    const before = process.memoryUsage().rss
    let outcome = 'ok'
    let diagnostics = []
    try {
      diagnostics = loadFromMemory([{ path: ${JSON.stringify(file)}, text }]).diagnostics
    } catch (error) {
      outcome = String(error)
    }
    const peakBytes = Math.max(0, process.resourceUsage().maxRSS * 1024 - before)
    console.log(JSON.stringify({
      outcome,
      diagnostics: diagnostics.slice(0, 10).map((d) => d.name + ' ' + d.line + ':' + d.column),
      peakBytes,
      inputLength: text.length,
    }))
  `
  return JSON.parse(runInChild(script)) as ChildLoad
}

/**
 * {@link measureInChild} for several files in one process: each file is generated and loaded on
 * its own, in order, and its `peakBytes` is the peak of the process so far (resident memory never
 * shrinks in that measure), so a bound that holds for it holds for each file before it too. One
 * process instead of one per file keeps the tests fast.
 *
 * @example
 * ```ts
 * const loads = measureEachInChild([['audiences/a.md', "'---\\nkind: audience\\nname: A\\n---\\n'"]])
 * ```
 */
export function measureEachInChild(files: readonly (readonly [string, string])[]): ChildLoad[] {
  const script = `
    const { loadFromMemory } = await import('@realist-kb/core')
    const before = process.memoryUsage().rss
    const loads = []
    for (const [file, generate] of [${files.map(([file, text]) => `[${JSON.stringify(file)}, () => ${text}]`).join(', ')}]) {
      let text = generate()
      let outcome = 'ok'
      let diagnostics = []
      try {
        diagnostics = loadFromMemory([{ path: file, text }]).diagnostics
      } catch (error) {
        outcome = String(error)
      }
      loads.push({
        outcome,
        diagnostics: diagnostics.slice(0, 10).map((d) => d.name + ' ' + d.line + ':' + d.column),
        peakBytes: Math.max(0, process.resourceUsage().maxRSS * 1024 - before),
        inputLength: text.length,
      })
      text = undefined
    }
    console.log(JSON.stringify(loads))
  `
  return JSON.parse(runInChild(script)) as ChildLoad[]
}

/** Run a module script in a fresh Node process with a capped heap; its last line of output. */
function runInChild(script: string): string {
  const output = execFileSync(
    process.execPath,
    [
      '--max-old-space-size=1024',
      '--conditions=source',
      '--import',
      'tsx',
      '--input-type=module',
      '--eval',
      script,
    ],
    { cwd: root, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 20 },
  )
  return output.trim().split('\n').at(-1) ?? '{}'
}
