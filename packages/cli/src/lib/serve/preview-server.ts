import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eventsPath } from './served-page.js'

/** The one address the preview listens on: never reachable from another machine. */
export const previewHost = '127.0.0.1'

/** The page served now and its build number. */
export interface PreviewPage {
  readonly html: string
  readonly build: number
}

/** A listening preview server. */
export interface PreviewServer {
  readonly url: string
  /** Serve `page` from now on and tell every open page to reload. */
  publish(page: PreviewPage): void
  /** Close the event streams and the server. */
  close(): Promise<void>
}

/** The port asked for is taken (or not ours to take). */
export class PortUnavailableError extends Error {
  override readonly name = 'PortUnavailableError'
}

/**
 * Listen on 127.0.0.1 (`port` 0: a free port) and serve the report at `/` and its reload events
 * at `/events`, and nothing else: every other path is 404, compared as sent, before any
 * decoding, so that `/../x` or `/%2e%2e/x` never reach anything. The server reads no file: the
 * page is built in memory from the content folder. A request naming another host is refused, so
 * that a web page cannot reach the preview through a name it rebinds to 127.0.0.1.
 */
export async function startPreviewServer(port: number, first: PreviewPage): Promise<PreviewServer> {
  let page = first
  const streams = new Set<ServerResponse>()
  let allowedHosts = new Set<string>()

  const server = createServer((request, response) => {
    if (!allowedHosts.has(request.headers.host ?? '')) return refuse(response, 403, 'Forbidden')
    const target = (request.url ?? '').split('?')[0]
    if (target !== '/' && target !== eventsPath) return refuse(response, 404, 'Not found')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return refuse(response, 405, 'Method not allowed')
    }
    if (target === eventsPath) return openStream(request, response)
    response.writeHead(200, {
      ...commonHeaders,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(page.html),
    })
    response.end(request.method === 'HEAD' ? undefined : page.html)
  })

  const openStream = (request: IncomingMessage, response: ServerResponse): void => {
    response.writeHead(200, {
      ...commonHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    })
    if (request.method === 'HEAD') return void response.end()
    streams.add(response)
    response.on('close', () => streams.delete(response))
    response.write(`retry: 1000\n${buildEvent(page.build)}`)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new PortUnavailableError(
              `Unexpected port ${port} in use or reserved, expected a free port`,
            )
          : error,
      ),
    )
    server.listen(port, previewHost, resolve)
  })
  const bound = (server.address() as AddressInfo).port
  allowedHosts = new Set([`${previewHost}:${bound}`, `localhost:${bound}`])

  return {
    url: `http://${previewHost}:${bound}/`,
    publish(next) {
      page = next
      for (const stream of streams) stream.write(buildEvent(next.build))
    },
    close() {
      for (const stream of streams) stream.end()
      streams.clear()
      return new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

const commonHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const

function buildEvent(build: number): string {
  return `event: build\ndata: ${build}\n\n`
}

function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...commonHeaders, 'Content-Type': 'text/plain; charset=utf-8' })
  response.end(`${text}\n`)
}
