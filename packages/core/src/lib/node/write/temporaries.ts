import { randomBytes } from 'node:crypto'
import { unlinkSync } from 'node:fs'
import { lstat, readdir, unlink } from 'node:fs/promises'
import path from 'node:path'
import { onExit } from 'signal-exit'
import { isRunning } from './process-running.js'

// Temporary files carry the writing process's id, so that a later run can tell a leftover of a
// killed run (its process gone) from a temporary another run is still writing.
const temporaryPattern = /^\..+\.rkb-(\d+)-[0-9a-f]{12}\.tmp$/

/** A fresh temporary name beside `name`: hidden, so loaders and watchers skip it. */
export function temporaryName(name: string): string {
  // Cut a long name, so that the temporary name stays within the file system's limit.
  return `.${name.slice(0, 100)}.rkb-${process.pid}-${randomBytes(6).toString('hex')}.tmp`
}

/** Whether `name` is one of realist-kb's temporary files. */
export function isTemporaryName(name: string): boolean {
  return temporaryPattern.test(name)
}

// Files to remove if the process ends before the write does (SIGTERM, SIGINT, SIGHUP, exit).
const live = new Set<string>()
let removeExitHandler: (() => void) | undefined

/**
 * Remove `file` if the process is ended (by a signal or an exit) while it is tracked. The handler
 * is installed only while something is tracked, and signal-exit re-raises the signal after it,
 * so a run that writes nothing keeps Node's own signal behaviour.
 */
export function trackUntilDone(file: string): void {
  live.add(file)
  removeExitHandler ??= onExit(() => {
    for (const tracked of live) {
      try {
        unlinkSync(tracked)
      } catch {
        // Already gone, or renamed into place.
      }
    }
  })
}

/** Stop tracking `file` (it was renamed into place or removed). */
export function done(file: string): void {
  live.delete(file)
  if (live.size === 0 && removeExitHandler) {
    removeExitHandler()
    removeExitHandler = undefined
  }
}

const swept = new Set<string>()
// The start of this process: a temporary file older than that was not written by this run.
const startedAt = performance.timeOrigin

/**
 * Remove temporaries that a killed run (SIGKILL, power loss) left in `folder`: files named as
 * realist-kb names them, older than this run, whose writing process is gone. Once per folder per
 * process; a failure to sweep never fails the write.
 */
export async function sweepStaleTemporaries(folder: string): Promise<void> {
  if (swept.has(folder)) return
  swept.add(folder)
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return
  }
  for (const name of names) {
    const pid = temporaryPattern.exec(name)?.[1]
    if (pid === undefined || isRunning(Number(pid))) continue
    const file = path.join(folder, name)
    const info = await lstat(file).catch(() => undefined)
    if (info?.isFile() && info.mtimeMs < startedAt) await unlink(file).catch(() => undefined)
  }
}
