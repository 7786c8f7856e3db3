import { formatDiagnostics, summaryLine } from '@realist-kb/core'
import { parseCommandArgs } from '../args.js'
import { resolveContentDir } from '../content-dir.js'
import { type CliIo, exitCodes, UsageError } from '../io.js'
import { formatDiff } from '../watch/diagnostic-diff.js'
import { IncrementalValidator } from '../watch/incremental-validator.js'
import { TreeWatcher } from '../watch/tree-watcher.js'

export const watchHelp = `Usage: realist-kb watch [dir] [options]

Validate a knowledge base, then keep validating it as files change: after each change, print
only the diagnostics that appeared (+) and those that were resolved (-), then the summary line.
An edited file is read and parsed again on its own; added, deleted and renamed files and folders
are picked up. Stop with Ctrl-C.

Arguments:
  dir                   content folder (default: content)

Options:
  --debounce <ms>       wait this long after the last change before validating (default: 100)
  -h, --help            show this help

Exit codes: 0 stopped, 2 usage error.
`

/** The command's io, plus a signal that stops watching (tests use it instead of Ctrl-C). */
export type WatchIo = CliIo & { readonly signal?: AbortSignal }

/**
 * `realist-kb watch [dir]`: validate on every change until SIGINT (or `io.signal`) stops it.
 *
 * @example
 * ```ts
 * const controller = new AbortController()
 * const running = watchCommand(['content'], { ...io, signal: controller.signal })
 * controller.abort()
 * await running // 0
 * ```
 */
export async function watchCommand(args: readonly string[], io: WatchIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { debounce: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    1,
  )
  if (values.help) {
    io.stdout.write(watchHelp)
    return exitCodes.ok
  }
  const debounce = values.debounce === undefined ? 100 : Number(values.debounce)
  if (!Number.isInteger(debounce) || debounce < 0 || debounce > 60_000)
    throw new UsageError(
      `Unexpected --debounce \`${values.debounce}\`, expected a whole number of milliseconds from 0 to 60000`,
    )
  const dir = await resolveContentDir(io.cwd, positionals[0])

  const validator = new IncrementalValidator(dir.absolute)
  const kb = await validator.start()
  io.stdout.write(formatDiagnostics(kb.diagnostics, { root: dir.shown }))

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
    const tree = new TreeWatcher(dir.absolute, schedule, (error) => {
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
          const update = await validator.update(changed)
          const diff = formatDiff(update, { root: dir.shown })
          if (diff !== '') io.stdout.write(`${diff}  ${summaryLine(update.kb.diagnostics)}\n`)
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
        io.stdout.write(`watching ${dir.shown} (Ctrl-C to stop)\n`)
        // Changes made while the first validation ran, before the watch began, are caught by
        // checking every file's signature once.
        schedule(undefined)
      },
      (error: unknown) => {
        io.stderr.write(`realist-kb watch: cannot watch ${dir.shown} (${messageOf(error)})\n`)
        stop()
      },
    )
  })
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
