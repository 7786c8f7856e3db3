import type { ContentFolder, ContentUpdate } from '@realist-kb/core/node'
import type { CommandIo } from '../command.js'
import { TreeWatcher } from './tree-watcher.js'

/** What {@link followFolder} calls as the folder changes. */
export interface FollowHandlers {
  /** The watch is in place: changes from now on are seen. */
  readonly ready: () => void
  /** The folder was brought up to date after changes (called one at a time). */
  readonly updated: (update: ContentUpdate) => void | Promise<void>
  /** A failed update (the folder vanished, say): following goes on. */
  readonly failed: (message: string) => void
  /** The folder cannot be watched (`starting`: from the start): following has stopped. */
  readonly lost: (message: string, starting: boolean) => void
}

/** A running {@link followFolder}. */
export interface Following {
  /** Stop watching; resolves once the update under way, if any, is done. */
  readonly stop: () => Promise<void>
}

/**
 * Keep `folder` up to date as files change: watch it, wait `debounce` ms after the last change,
 * then update it incrementally with the paths seen. Shared by `watch` and `serve`.
 */
export function followFolder(
  folder: ContentFolder,
  debounce: number,
  handlers: FollowHandlers,
): Following {
  const pending = new Set<string | undefined>()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  let stopped = false
  const schedule = (file: string | undefined): void => {
    if (stopped) return
    pending.add(file)
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, debounce)
  }
  const tree = new TreeWatcher(folder.root, schedule, (error) => {
    void stop()
    handlers.lost(error.message, false)
  })

  const flush = (): void => {
    timer = undefined
    const changed = [...pending]
    pending.clear()
    // Updates run one after another; changes that arrive meanwhile wait for the next one.
    running = running
      .then(async () => {
        if (stopped) return
        const update = await folder.update(changed)
        await handlers.updated(update)
        // New folders get watched; what was written there before the watch began is caught by
        // checking them once more.
        if (update.relisted) for (const added of await tree.sync()) schedule(added)
      })
      .catch((error: unknown) => handlers.failed(messageOf(error)))
  }

  const stop = (): Promise<void> => {
    stopped = true
    if (timer) clearTimeout(timer)
    tree.close()
    return running
  }

  tree.start().then(
    () => {
      if (stopped) return
      handlers.ready()
      // Changes made while the first load ran, before the watch began, are caught by checking
      // every file's signature once.
      schedule(undefined)
    },
    (error: unknown) => {
      void stop()
      handlers.lost(messageOf(error), true)
    },
  )
  return { stop }
}

/**
 * Follow `folder` until Ctrl-C, SIGTERM or `io.signal` stops it, or until it can no longer be
 * watched. Failed updates and the loss of the folder are told on stderr in `command`'s name;
 * `handlers` say what the command does when the watch is ready and after each update.
 */
export async function followUntilStopped(
  folder: ContentFolder,
  debounce: number,
  io: CommandIo,
  said: { readonly command: string; readonly shown: string },
  handlers: Pick<FollowHandlers, 'ready' | 'updated'>,
): Promise<void> {
  const lost = new AbortController()
  const prefix = `realist-kb ${said.command}`
  const following = followFolder(folder, debounce, {
    ...handlers,
    failed: (message) => io.stderr.write(`${prefix}: ${message}\n`),
    lost: (message, starting) => {
      io.stderr.write(
        starting
          ? `${prefix}: cannot watch ${said.shown} (${message})\n`
          : `${prefix}: ${message}\n`,
      )
      lost.abort()
    },
  })
  await untilStopped(
    io.signal === undefined ? lost.signal : AbortSignal.any([io.signal, lost.signal]),
  )
  await following.stop()
}

/**
 * Resolves on the first Ctrl-C (SIGINT), SIGTERM or abort of `signal`, whichever comes first;
 * the listeners are removed then.
 */
export function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done)
      process.off('SIGTERM', done)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    if (signal?.aborted) return resolve()
    process.on('SIGINT', done)
    process.on('SIGTERM', done)
    signal?.addEventListener('abort', done, { once: true })
  })
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
