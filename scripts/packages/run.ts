import { spawn } from 'node:child_process'

/** What a finished command printed and how it exited. */
export interface RunResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * Run a command to completion without a shell, capturing its output; never throws on a non-zero
 * exit (the caller decides what failure means), only when the command cannot start.
 *
 * @example
 * ```ts
 * const { code, stdout } = await run('pnpm', ['--version'], { cwd: process.cwd() })
 * ```
 */
export function run(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}
