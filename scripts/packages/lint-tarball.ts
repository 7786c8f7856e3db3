import path from 'node:path'
import { type RunResult, run } from './run.js'
import { repoRoot } from './workspace-packages.js'

/** One linter's verdict on a tarball. */
export interface LintResult extends RunResult {
  readonly tool: 'publint' | 'attw'
  readonly ok: boolean
}

const bin = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name)

/**
 * Lint a packed tarball with publint (strict: warnings fail too) and with Are the Types Wrong
 * (profile `esm-only`: our packages are ESM only, so resolution from CommonJS `require` and the
 * legacy `node10` mode are expected to fail and are not checked; node16 from ESM and bundler are).
 *
 * @example
 * ```ts
 * const results = await lintTarball('/tmp/packs/realist-kb-core-0.1.0.tgz')
 * const failed = results.filter((result) => !result.ok)
 * ```
 */
export async function lintTarball(tarball: string): Promise<LintResult[]> {
  const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }
  const [publint, attw] = await Promise.all([
    run(bin('publint'), ['run', tarball, '--strict'], { cwd: repoRoot, env }),
    run(bin('attw'), [tarball, '--profile', 'esm-only', '--no-emoji', '--no-color'], {
      cwd: repoRoot,
      env,
    }),
  ])
  return [
    // publint prints suggestions without failing; a clean package has none at all.
    { tool: 'publint', ...publint, ok: publint.code === 0 && /All good!/.test(publint.stdout) },
    { tool: 'attw', ...attw, ok: attw.code === 0 },
  ]
}
