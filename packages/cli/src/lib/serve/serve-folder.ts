import type { KnowledgeBase } from '@realist-kb/core'
import type { ContentFolder } from '@realist-kb/core/node'
import type { CommandIo } from '../command.js'
import { exitCodes, UsageError } from '../io.js'
import { followUntilStopped } from '../watch/follow-folder.js'
import { PortUnavailableError, type PreviewPage, startPreviewServer } from './preview-server.js'
import { servedPage } from './served-page.js'

/** Options of {@link serveFolder}. */
export interface ServeOptions {
  /** 0: a free port. */
  readonly port: number
  /** Wait this long after the last change before rebuilding, in ms. */
  readonly debounce: number
}

/**
 * Serve the HTML report of `folder` on 127.0.0.1 and rebuild it on every change, until Ctrl-C
 * (SIGINT, SIGTERM or `io.signal`): the folder is updated incrementally, the page rebuilt in
 * memory and every open page told to reload.
 */
export async function serveFolder(
  folder: ContentFolder,
  shown: string,
  options: Readonly<ServeOptions>,
  io: CommandIo,
): Promise<number> {
  const [{ buildTraceReport, summaryLine }, { renderHtml }] = await Promise.all([
    import('@realist-kb/core'),
    import('@realist-kb/export'),
  ])
  let build = 0
  const pageOf = (kb: KnowledgeBase): PreviewPage => {
    build++
    const html = renderHtml(buildTraceReport(kb, { contentHash: folder.contentHash }))
    return { html: servedPage(html, { diagnostics: kb.diagnostics, root: shown, build }), build }
  }

  let server: Awaited<ReturnType<typeof startPreviewServer>>
  try {
    server = await startPreviewServer(options.port, pageOf(folder.knowledgeBase))
  } catch (error) {
    if (error instanceof PortUnavailableError) throw new UsageError(error.message)
    throw error
  }
  io.stdout.write(`serving ${shown} at ${server.url} (Ctrl-C to stop)\n`)

  await followUntilStopped(
    folder,
    options.debounce,
    io,
    { command: 'serve', shown },
    {
      ready: () => {},
      updated: (update) => {
        const changed =
          update.reparsed.length > 0 ||
          update.dropped.length > 0 ||
          update.added.length > 0 ||
          update.removed.length > 0
        if (!changed) return
        server.publish(pageOf(update.knowledgeBase))
        io.stdout.write(`rebuilt (${summaryLine(update.knowledgeBase.diagnostics)})\n`)
      },
    },
  )
  await server.close()
  io.stdout.write('stopped serving\n')
  return exitCodes.ok
}
