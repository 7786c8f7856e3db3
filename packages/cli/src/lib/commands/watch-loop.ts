import { formatDiagnostics, formatDiff, summaryLine } from '@realist-kb/core'
import type { ContentFolder } from '@realist-kb/core/node'
import type { CommandIo } from '../command.js'
import { exitCodes } from '../io.js'
import { followFolder, untilStopped } from '../watch/follow-folder.js'

/**
 * Keep validating `folder` as files change until Ctrl-C (SIGINT, SIGTERM or `io.signal`) stops
 * it: print only the diagnostics that appeared (+) and went away (-), then the summary line.
 */
export async function watchFolder(
  folder: ContentFolder,
  shown: string,
  debounce: number,
  io: CommandIo,
): Promise<number> {
  io.stdout.write(formatDiagnostics(folder.knowledgeBase.diagnostics, { root: shown }))
  const controller = new AbortController()
  const following = followFolder(folder, debounce, {
    ready: () => io.stdout.write(`watching ${shown} (Ctrl-C to stop)\n`),
    updated: (update) => {
      const diff = formatDiff(update, { root: shown })
      if (diff !== '')
        io.stdout.write(`${diff}  ${summaryLine(update.knowledgeBase.diagnostics)}\n`)
    },
    failed: (message) => io.stderr.write(`realist-kb watch: ${message}\n`),
    lost: (message, starting) => {
      io.stderr.write(
        starting
          ? `realist-kb watch: cannot watch ${shown} (${message})\n`
          : `realist-kb watch: ${message}\n`,
      )
      controller.abort()
    },
  })
  await untilStopped(
    io.signal === undefined ? controller.signal : AbortSignal.any([io.signal, controller.signal]),
  )
  await following.stop()
  io.stdout.write('stopped watching\n')
  return exitCodes.ok
}
