/** Where a command writes and from where it runs: injected so that tests need no subprocess. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown; readonly isTTY?: boolean }
  readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean }
  readonly cwd: string
}

/** Exit codes: 0 ok, 1 content errors, 2 usage errors. */
export const exitCodes = { ok: 0, contentErrors: 1, usage: 2 } as const

/** A mistake in how the command was called: printed with the command's usage, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
