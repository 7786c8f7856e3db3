import { constants } from 'node:fs'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
type Fn = (...args: unknown[]) => unknown

const { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND } = constants
function opensForWriting(flags: unknown): boolean {
  if (typeof flags === 'number')
    return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) !== 0
  return typeof flags === 'string' && !/^(r|rs|sr)$/.test(flags)
}

// Functions that create, change or remove files and folders, with which arguments are paths.
const writers: Record<string, readonly number[]> = {
  writeFile: [0],
  appendFile: [0],
  rename: [0, 1],
  link: [1],
  symlink: [1],
  copyFile: [1],
  cp: [1],
  mkdir: [0],
  mkdtemp: [0],
  rm: [0],
  rmdir: [0],
  unlink: [0],
  truncate: [0],
  chmod: [0],
  utimes: [0],
}

/**
 * Replace functions of `node:fs/promises` for the length of `work`: on the shared module object
 * and, through `syncBuiltinESMExports`, on every ES module import of it. `overrides` receive the
 * original function as their first argument.
 *
 * @example
 * ```ts
 * await withFsOverrides({ rename: () => { throw new Error('EIO') } }, () => main(args, io))
 * ```
 */
export async function withFsOverrides<T>(
  overrides: Readonly<Record<string, (original: Fn, ...args: unknown[]) => unknown>>,
  work: () => Promise<T>,
): Promise<T> {
  const fsp = require('node:fs/promises') as Record<string, Fn>
  const saved = new Map<string, Fn>()
  for (const [name, override] of Object.entries(overrides)) {
    const original = fsp[name] as Fn
    saved.set(name, original)
    fsp[name] = (...args: unknown[]) => override(original, ...args)
  }
  syncBuiltinESMExports()
  try {
    return await work()
  } finally {
    for (const [name, original] of saved) fsp[name] = original
    syncBuiltinESMExports()
  }
}

/**
 * Run `work` and return every path it created, changed or removed (absolute), through
 * `node:fs/promises` (and `open` with a writing flag).
 *
 * @example
 * ```ts
 * const { written } = await recordWrites(() => main(['report', 'content', '--out', 'r.html'], io))
 * ```
 */
export async function recordWrites<T>(
  work: () => Promise<T>,
): Promise<{ result: T; written: string[] }> {
  const written: string[] = []
  const overrides: Record<string, (original: Fn, ...args: unknown[]) => unknown> = {}
  for (const [name, positions] of Object.entries(writers)) {
    overrides[name] = (original, ...args) => {
      for (const at of positions)
        if (typeof args[at] === 'string') written.push(path.resolve(args[at] as string))
      return original(...args)
    }
  }
  overrides.open = (original, ...args) => {
    if (typeof args[0] === 'string' && opensForWriting(args[1])) written.push(path.resolve(args[0]))
    return original(...args)
  }
  const result = await withFsOverrides(overrides, work)
  return { result, written }
}

/**
 * A Node-style error with a code, as the file system throws.
 *
 * @example
 * ```ts
 * throw errno('ENOSPC', 'no space left on device')
 * ```
 */
export function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code })
}
