import type { CliIo } from '@realist-kb/cli'

/** An in-memory CliIo: what a command printed, for assertions. */
export function memoryIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let stdout = ''
  let stderr = ''
  return {
    cwd,
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    out: () => stdout,
    err: () => stderr,
  }
}
