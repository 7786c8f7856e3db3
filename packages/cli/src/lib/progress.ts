import type { CliIo } from './io.js'

/** Reports the steps of a long run on stderr. */
export interface Progress {
  step(message: string): void
  done(): void
}

/**
 * A progress indicator on stderr: shown on a terminal (or when asked), silent in pipes and tests
 * so that output stays clean for machines.
 *
 * @example
 * ```ts
 * const progress = createProgress(io, 4, false)
 * progress.step('loading content')
 * ```
 */
export function createProgress(io: CliIo, steps: number, force: boolean): Progress {
  const enabled = force || io.stderr.isTTY === true
  const interactive = io.stderr.isTTY === true
  let current = 0
  const started = Date.now()
  return {
    step(message) {
      current++
      if (!enabled) return
      const line = `[${current}/${steps}] ${message}`
      io.stderr.write(interactive ? `\r\u001b[2K${line}` : `${line}\n`)
    },
    done() {
      if (!enabled) return
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      io.stderr.write(interactive ? `\r\u001b[2Kdone in ${seconds}s\n` : `done in ${seconds}s\n`)
    },
  }
}
