import { Worker } from 'node:worker_threads'

/** One file as read by the worker: its bytes and content hash, or why it was not read. */
export type WorkerRead =
  | { readonly file: string; readonly bytes: Uint8Array; readonly hash: string }
  | { readonly file: string; readonly tooLarge: number }
  | { readonly file: string; readonly error: string }

// Plain CommonJS run with `eval`, so it works the same from sources (tests) and from dist.
// Synchronous reads are fine in a worker: it has nothing else to do, and the main thread is free
// meanwhile to restore a cached knowledge base.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const fs = require('node:fs')
const path = require('node:path')
const crypto = require('node:crypto')
const { root, files, limit } = workerData
const out = files.map((file) => {
  const absolute = path.join(root, ...file.split('/'))
  let fd
  try {
    // One open, then stat and read through it: the size checked is the size of what is read (a
    // link is measured by its target, not by itself), and a special file put in place of a
    // content file since it was listed neither blocks the open (O_NONBLOCK) nor is read.
    fd = fs.openSync(absolute, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK || 0))
    const info = fs.fstatSync(fd)
    if (!info.isFile()) return { file, error: 'not a regular file' }
    if (info.size > limit) return { file, tooLarge: info.size }
    const bytes = fs.readFileSync(fd)
    return { file, bytes, hash: crypto.createHash('sha1').update(bytes).digest('hex') }
  } catch (error) {
    return { file, error: (error && error.code) || 'error' }
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
})
parentPort.postMessage(out)
`

/**
 * Read and hash files on a worker thread, so that the main thread can work at the same time.
 *
 * @example
 * ```ts
 * const reads = await readInWorker('/content', ['review.md'], 4 * 1024 * 1024)
 * ```
 */
export function readInWorker(
  root: string,
  files: readonly string[],
  limit: number,
): Promise<WorkerRead[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { root, files, limit } })
    worker.once('message', (reads: WorkerRead[]) => {
      resolve(reads)
      void worker.terminate()
    })
    worker.once('error', reject)
  })
}
