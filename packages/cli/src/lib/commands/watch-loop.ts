import { formatDiagnostics, formatDiff, summaryLine } from '@realist-kb/core'
import type { ContentFolder } from '@realist-kb/core/node'
import type { CommandIo } from '../command.js'
import { exitCodes } from '../io.js'
import { followUntilStopped } from '../watch/follow-folder.js'

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
  await followUntilStopped(
    folder,
    debounce,
    io,
    { command: 'watch', shown },
    {
      ready: () => io.stdout.write(`watching ${shown} (Ctrl-C to stop)\n`),
      updated: (update) => {
        const diff = formatDiff(update, { root: shown })
        if (diff !== '')
          io.stdout.write(`${diff}  ${summaryLine(update.knowledgeBase.diagnostics)}\n`)
      },
    },
  )
  io.stdout.write('stopped watching\n')
  return exitCodes.ok
}
