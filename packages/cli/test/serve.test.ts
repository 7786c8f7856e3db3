import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// `realist-kb serve` as a user runs it: a process of its own on a copy of a fixture base, asked
// over HTTP. Waits are for events (a line printed, an event sent), each with a timeout that fits
// a busy machine; there are no fixed sleeps.
const root = path.resolve(import.meta.dirname, '../../..')
const fixture = path.join(import.meta.dirname, 'fixtures', 'small-kb')
const waitLimit = 60_000

let work: string
let child: ChildProcessWithoutNullStreams
let stdout = ''
let stderr = ''
let base: URL
let exited: Promise<number | null>

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'realist-kb-serve-'))
  await cp(fixture, path.join(work, 'content'), { recursive: true })
  child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      // Resolved here: the process runs in a temporary folder, where `tsx` would not be found.
      import.meta.resolve('tsx'),
      path.join(root, 'packages/cli/src/bin.ts'),
      'serve',
      'content',
      '--debounce',
      '20',
      '--no-cache',
    ],
    { cwd: work },
  )
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += String(chunk)
  })
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += String(chunk)
  })
  exited = new Promise((resolve) => child.on('exit', resolve))
  await waitFor(() => /serving content at (\S+)/.test(stdout), 'the server to start')
  base = new URL(/serving content at (\S+)/.exec(stdout)?.[1] ?? '')
}, waitLimit * 2)

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL')
  await rm(work, { recursive: true, force: true })
})

describe('realist-kb serve', { timeout: waitLimit * 2 }, () => {
  it('listens on 127.0.0.1 only, and rebuilds the page on every save', async () => {
    expect(base.hostname).toBe('127.0.0.1')
    const first = await get('/')
    expect(first.status).toBe(200)
    expect(first.body).toContain('Experience motivates integration')
    expect(first.body).toContain("connect-src 'self'")
    expect(first.body).toMatch(/Live preview of content: 0 errors, \d+ warnings?/)
    expect(first.body).not.toContain('cmoc-1a.md:11:11')

    const events = openEvents()
    try {
      await events.next((data) => data === '1')
      const file = path.join(work, 'content', 'cmocs', 'cmoc-1a.md')
      const original = await readFile(file, 'utf8')
      await writeFile(
        file,
        original
          .replace('Experience motivates integration', 'Practice makes integration')
          .replace('strategies: [education]', 'related: [cmoc-9z]'),
      )
      // A build may catch the file half written (truncated, then written): the page is fetched
      // after each new build until one has the saved text.
      let second = first
      for (let build = 2; !second.body.includes('Practice makes integration'); build++) {
        await events.next((data) => Number(data) >= build)
        second = await get('/')
      }
      expect(second.body).toContain('Practice makes integration')
      expect(second.body).not.toContain('Experience motivates integration')
      // The banner names the new error by its place.
      expect(second.body).toMatch(/Live preview of content: 1 error, /)
      expect(second.body).toContain('content/cmocs/cmoc-1a.md:11:11')
    } finally {
      events.close()
    }
  })

  it('serves nothing but the report and its events', async () => {
    for (const target of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/..%2f..%2fetc/passwd',
      '/etc/passwd',
      '//etc/passwd',
      '/content/review.md',
      '/cmocs/cmoc-1a.md',
      'http://127.0.0.1/etc/passwd',
    ]) {
      const response = await get(target)
      expect({ target, status: response.status }).toEqual({ target, status: 404 })
      expect(response.body).toBe('Not found\n')
    }
    // A name that is not this machine's (a DNS-rebinding page) is refused too.
    expect((await get('/', { host: 'example.com' })).status).toBe(403)
    expect((await get('/', {}, 'POST')).status).toBe(405)
  })

  it('stops cleanly on Ctrl-C, with exit code 0', async () => {
    child.kill('SIGINT')
    expect(await withTimeout(exited, 'the server to exit')).toBe(0)
    expect(stdout).toMatch(/stopped serving\n$/)
    expect(stderr).toBe('')
  })
})

interface Response {
  readonly status: number
  readonly body: string
}

/** A request with `target` sent exactly as written (no normalising of `..` or `%2e`). */
function get(
  target: string,
  headers: Readonly<Record<string, string>> = {},
  method = 'GET',
): Promise<Response> {
  return withTimeout(
    new Promise((resolve, reject) => {
      const sent = request(
        { host: base.hostname, port: base.port, path: target, method, headers },
        (response) => {
          let body = ''
          response.on('data', (chunk: Buffer) => {
            body += String(chunk)
          })
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
        },
      )
      sent.on('error', reject)
      sent.end()
    }),
    `${method} ${target}`,
  )
}

/** The page's event stream: `next` waits for a `build` event whose data passes `test`. */
function openEvents(): {
  next: (test: (data: string) => boolean) => Promise<void>
  close: () => void
} {
  const seen: string[] = []
  const waiting = new Set<() => void>()
  const sent = request({ host: base.hostname, port: base.port, path: '/events' }, (response) => {
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/)
    let buffer = ''
    response.on('data', (chunk: Buffer) => {
      buffer += String(chunk)
      let end = buffer.indexOf('\n\n')
      while (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (/^event: build$/m.test(block)) seen.push(/^data: (.*)$/m.exec(block)?.[1] ?? '')
        end = buffer.indexOf('\n\n')
      }
      for (const wake of waiting) wake()
    })
  })
  sent.on('error', () => {})
  sent.end()
  return {
    next: (test) =>
      withTimeout(
        new Promise<void>((resolve) => {
          const check = (): void => {
            if (!seen.some(test)) return
            waiting.delete(check)
            resolve()
          }
          waiting.add(check)
          check()
        }),
        () => `a build event (seen: ${seen.join(', ') || 'none'})`,
      ),
    close: () => sent.destroy(),
  }
}

function waitFor(condition: () => boolean, what: string): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve) => {
      const check = (): void => {
        if (condition()) {
          child.stdout.off('data', check)
          resolve()
        }
      }
      child.stdout.on('data', check)
      check()
    }),
    () => `${what} (stdout: ${stdout}, stderr: ${stderr})`,
  )
}

async function withTimeout<T>(promise: Promise<T>, what: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`)),
          waitLimit,
        )
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}
