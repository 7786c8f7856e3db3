import { existsSync } from 'node:fs'
import path from 'node:path'

/**
 * Where loads may keep their cache: `node_modules/.cache/realist-kb` when the working folder has a
 * `node_modules` (the usual place for tool caches), nowhere otherwise or with `--no-cache`. The
 * cache is keyed by file content, so it never changes a result.
 *
 * @example
 * ```ts
 * const cacheDirectory = cacheDirectoryFor(io.cwd, values['no-cache'])
 * ```
 */
export function cacheDirectoryFor(cwd: string, disabled: boolean | undefined): string | undefined {
  if (disabled) return undefined
  const modules = path.join(cwd, 'node_modules')
  return existsSync(modules) ? path.join(modules, '.cache', 'realist-kb') : undefined
}
