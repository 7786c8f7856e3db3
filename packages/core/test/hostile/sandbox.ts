import { createRequire, syncBuiltinESMExports } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/** What the code under test tried to do while a sandbox was installed. */
export interface Sandbox {
  /** Absolute paths handed to a file-system function that reads files, folders or links. */
  readonly fileAccess: readonly { fn: string; path: string }[]
  /** Attempts to start a process or reach the network (each also threw). */
  readonly escapes: readonly string[]
  /** Whether content code ran: the flag hostile fixtures set if they are ever executed. */
  executed(): boolean
  /** Put everything back. */
  restore(): void
}

/** The flag hostile fixtures would set if anything ran them as code. */
export const executedFlag = '__realistKbExecuted'

// Every function that reads a file, lists a folder or follows a link, in every flavour.
const fsFunctions = [
  'readFile',
  'open',
  'opendir',
  'readdir',
  'readlink',
  'realpath',
  'stat',
  'lstat',
  'access',
  'cp',
  'copyFile',
  'createReadStream',
  'watch',
]
const escapes: Record<string, readonly string[]> = {
  'node:child_process': [
    'spawn',
    'spawnSync',
    'exec',
    'execSync',
    'execFile',
    'execFileSync',
    'fork',
  ],
  'node:http': ['request', 'get'],
  'node:https': ['request', 'get'],
  'node:net': ['connect', 'createConnection'],
  'node:tls': ['connect'],
  'node:dns': ['lookup', 'resolve'],
  'node:worker_threads': ['Worker'],
  'node:vm': ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction'],
}

/**
 * Watch what code does, by replacing the functions of Node's built-in modules (the shared
 * CommonJS objects, then `syncBuiltinESMExports`, so that ES module imports see the
 * replacements too). File-system reads are recorded and still performed; starting a process,
 * a worker or a network connection, and compiling code with `vm`, are recorded and refused;
 * `fetch` is refused. Only code on this thread is watched.
 *
 * @example
 * ```ts
 * const sandbox = installSandbox()
 * try { await loadDirectory(root) } finally { sandbox.restore() }
 * expect(sandbox.escapes).toEqual([])
 * ```
 */
export function installSandbox(): Sandbox {
  const fileAccess: { fn: string; path: string }[] = []
  const refused: string[] = []
  const undo: (() => void)[] = []
  const replace = (target: object, key: string, value: unknown): void => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key)
    if (descriptor === undefined) return
    Object.defineProperty(target, key, { configurable: true, writable: true, value })
    undo.push(() => Object.defineProperty(target, key, descriptor))
  }
  const record = (module: string, target: Record<string, unknown>): void => {
    for (const name of [...fsFunctions, ...fsFunctions.map((fn) => `${fn}Sync`)]) {
      const original = target[name]
      if (typeof original !== 'function') continue
      replace(target, name, function (this: unknown, ...args: unknown[]) {
        const first = args[0]
        if (typeof first === 'string' || first instanceof URL || Buffer.isBuffer(first))
          fileAccess.push({ fn: `${module}.${name}`, path: path.resolve(String(first)) })
        return (original as (...a: unknown[]) => unknown).apply(this, args)
      })
    }
  }
  record('fs', require('node:fs') as Record<string, unknown>)
  record('fs/promises', require('node:fs/promises') as Record<string, unknown>)
  for (const [module, names] of Object.entries(escapes)) {
    const target = require(module) as Record<string, unknown>
    for (const name of names) {
      replace(target, name, (..._args: unknown[]) => {
        refused.push(`${module}.${name}`)
        throw new Error(`Refused in the sandbox: ${module}.${name}`)
      })
    }
  }
  replace(globalThis, 'fetch', (..._args: unknown[]) => {
    refused.push('fetch')
    throw new Error('Refused in the sandbox: fetch')
  })
  syncBuiltinESMExports()
  const flags = globalThis as Record<string, unknown>
  delete flags[executedFlag]
  return {
    fileAccess,
    escapes: refused,
    executed: () => flags[executedFlag] !== undefined,
    restore: () => {
      for (const step of undo.reverse()) step()
      syncBuiltinESMExports()
    },
  }
}

/**
 * Is `candidate` the folder `root` or inside it?
 *
 * @example
 * ```ts
 * isInside('/kb/content', '/kb/content/cmocs/a.md') // true
 * isInside('/kb/content', '/kb/content-old/a.md') // false
 * ```
 */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}
