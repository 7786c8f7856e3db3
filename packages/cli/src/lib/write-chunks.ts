import type { CliIo } from './io.js'

/** Batches written to standard output at once: few calls, bounded memory. */
const batchSize = 1024 * 1024

/**
 * Write `chunks` to `stream` in batches, waiting for a stream that says it is full (`write`
 * returning false) to drain, so that a large report piped to a slow reader is not buffered whole.
 */
export async function writeChunks(
  stream: CliIo['stdout'],
  chunks: Iterable<string>,
): Promise<void> {
  const drained = (): Promise<void> =>
    new Promise((resolve) => {
      const emitter = stream as Partial<Pick<NodeJS.WritableStream, 'once'>>
      if (typeof emitter.once === 'function') emitter.once('drain', () => resolve())
      else resolve()
    })
  let batch = ''
  for (const chunk of chunks) {
    batch += chunk
    if (batch.length < batchSize) continue
    const more = stream.write(batch)
    batch = ''
    if (more === false) await drained()
  }
  if (batch !== '') stream.write(batch)
}
