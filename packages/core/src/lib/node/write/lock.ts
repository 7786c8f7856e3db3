import { lstat, open, unlink } from 'node:fs/promises'
import { isRunning } from './process-running.js'
import { readRegularFile } from './read-regular.js'
import { done, trackUntilDone } from './temporaries.js'
import { WriteRefusedError } from './write-refused-error.js'

/** A lock older than this is taken to be left by a run that hung or lost its machine. */
const staleAfterMs = 30_000
/** How long to wait for a lock held by a live run before giving up. */
const waitAtMostMs = 60_000

/**
 * Run `work` while holding the lock file `file`: created exclusively (so one process at a time
 * holds it), holding the holder's process id and the time, removed afterwards and on SIGTERM or
 * SIGINT. A lock whose holder is gone (killed with SIGKILL) or that is older than 30 s is stale
 * and broken.
 */
export async function withLockFile<T>(file: string, work: () => Promise<T>): Promise<T> {
  await acquire(file)
  try {
    return await work()
  } finally {
    done(file)
    await unlink(file).catch(() => undefined)
  }
}

async function acquire(file: string): Promise<void> {
  const deadline = Date.now() + waitAtMostMs
  for (let attempt = 0; ; attempt++) {
    try {
      // `wx` is O_CREAT | O_EXCL: it fails if anything is there, and never follows a link.
      const handle = await open(file, 'wx')
      trackUntilDone(file)
      try {
        await handle.writeFile(`${process.pid} ${Date.now()}\n`)
      } catch (error) {
        done(file)
        await unlink(file).catch(() => undefined)
        throw error
      } finally {
        await handle.close()
      }
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    if (await breakIfStale(file)) continue
    if (Date.now() > deadline)
      throw new Error(`Unexpected lock \`${file}\` held for over a minute, expected it released`)
    // Back off a little more each time, with jitter so that waiting runs do not retry in step.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(5 + attempt * 5, 100) * Math.random()),
    )
  }
}

/** Remove the lock at `file` if its holder is gone or it is old; whether it was removed. */
async function breakIfStale(file: string): Promise<boolean> {
  const info = await lstat(file).catch(() => undefined)
  if (info === undefined) return true
  if (!info.isFile())
    throw new WriteRefusedError(
      'not-a-file',
      file,
      `Unexpected \`${file}\` that is not a regular file, expected realist-kb's lock file`,
    )
  const text = (await readRegularFile(file, 64))?.toString('utf8') ?? ''
  const [pid, time] = text.trim().split(' ').map(Number)
  // A lock just created may not hold its line yet: judge it by its age alone.
  // Our own id: another write of this run holds it, unless it predates this run (a reused id).
  const holderGone =
    pid === process.pid
      ? info.mtimeMs < performance.timeOrigin
      : pid !== undefined && pid > 0 && !isRunning(pid)
  const old = Date.now() - (time && Number.isFinite(time) ? time : info.mtimeMs) > staleAfterMs
  if (!holderGone && !old) return false
  // Only the lock that was judged: if another run broke it and took a new one meanwhile, keep that.
  const again = await lstat(file).catch(() => undefined)
  if (again !== undefined && again.ino === info.ino) await unlink(file).catch(() => undefined)
  return true
}
