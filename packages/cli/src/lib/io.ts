/**
 * Where a command writes and from where it runs: injected so that tests need no subprocess.
 *
 * @example
 * ```ts
 * const lines: string[] = []
 * const io: CliIo = { stdout: { write: (chunk) => lines.push(chunk) }, stderr: process.stderr, cwd: process.cwd() }
 * const code = await main(['validate', 'content', '--format', 'json'], io)
 * ```
 */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown; readonly isTTY?: boolean }
  readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean }
  readonly cwd: string
}

/**
 * Exit codes: 0 ok, 1 content errors, 2 usage errors, 70 an internal failure (a bug in
 * realist-kb, not in the content or the command: `EX_SOFTWARE` of sysexits.h).
 *
 * @example
 * ```ts
 * const code = await main(process.argv.slice(2), io)
 * if (code === exitCodes.contentErrors) console.error('The knowledge base has errors.')
 * ```
 */
export const exitCodes = { ok: 0, contentErrors: 1, usage: 2, internal: 70 } as const

/**
 * A mistake in how the command was called: printed with the command's usage, exit 2.
 *
 * @example
 * ```ts
 * try {
 *   throw new UsageError('Unexpected option `--fromat`, expected `--format`')
 * } catch (error) {
 *   if (error instanceof UsageError) process.exitCode = exitCodes.usage
 * }
 * ```
 */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
