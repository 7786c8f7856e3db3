import { formatDiagnostics, formatDiff, summaryLine } from '@realist-kb/core'
import type { ContentFolder } from '@realist-kb/core/node'
import type { CommandIo } from '../command.js'
import { exitCodes } from '../io.js'
import { TreeWatcher } from '../watch/tree-watcher.js'

/**
 * Keep validating `folder` as files change until SIGINT (or `io.signal`) stops it: print only
 * the diagnostics that appeared (+) and went away (-), then the summary line.
 */
export async function watchFolder(
  folder: ContentFolder,
  shown: string,
  debounce: number,
  io: CommandIo,
): Promise<number> {
  io.stdout.write(formatDiagnostics(folder.knowledgeBase.diagnostics, { root: shown }))

  return new Promise<number>((resolve) => {
    const pending = new Set<string | undefined>()
    let timer: NodeJS.Timeout | undefined
    let running: Promise<void> = Promise.resolve()
    let stopped = false
    const schedule = (file: string | undefined): void => {
      pending.add(file)
      if (timer) clearTimeout(timer)
      timer = setTimeout(flush, debounce)
    }
    const tree = new TreeWatcher(folder.root, schedule, (error) => {
      io.stderr.write(`realist-kb watch: ${error.message}\n`)
      stop()
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
          const diff = formatDiff(update, { root: shown })
          if (diff !== '')
            io.stdout.write(`${diff}  ${summaryLine(update.knowledgeBase.diagnostics)}\n`)
          // New folders get watched; what was written there before the watch began is caught
          // by checking them once more.
          if (update.relisted) for (const folder of await tree.sync()) schedule(folder)
        })
        .catch((error: unknown) => {
          // A failed update (the folder vanished, say) is reported; watching goes on.
          io.stderr.write(`realist-kb watch: ${messageOf(error)}\n`)
        })
    }

    const stop = (): void => {
      if (stopped) return
      stopped = true
      if (timer) clearTimeout(timer)
      tree.close()
      process.off('SIGINT', stop)
      io.signal?.removeEventListener('abort', stop)
      void running.finally(() => {
        io.stdout.write('stopped watching\n')
        resolve(exitCodes.ok)
      })
    }

    process.on('SIGINT', stop)
    if (io.signal?.aborted) stop()
    else io.signal?.addEventListener('abort', stop, { once: true })
    tree.start().then(
      () => {
        if (stopped) return
        io.stdout.write(`watching ${shown} (Ctrl-C to stop)\n`)
        // Changes made while the first validation ran, before the watch began, are caught by
        // checking every file's signature once.
        schedule(undefined)
      },
      (error: unknown) => {
        io.stderr.write(`realist-kb watch: cannot watch ${shown} (${messageOf(error)})\n`)
        stop()
      },
    )
  })
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
