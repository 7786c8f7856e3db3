import { visibleControls } from '@realist-kb/core'
import type { CliIo } from './io.js'

/**
 * The same io, but what goes to a terminal on stdout cannot drive it: content printed by `show`,
 * `stats`, `import` or `watch` is data. Pipes and files get the bytes unchanged.
 *
 * @example
 * ```ts
 * const io = terminalSafe({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() })
 * ```
 */
export function terminalSafe(io: CliIo): CliIo {
  if (io.stdout.isTTY !== true) return io
  const stdout = io.stdout
  return {
    ...io,
    stdout: {
      isTTY: true,
      write: (chunk: string) => stdout.write(visibleControls(chunk, { keepLines: true })),
    },
  }
}
