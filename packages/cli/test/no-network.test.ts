// Import must never reach the network: citation-js can resolve DOIs and URLs, over `fetch`
// (node-fetch) or synchronously (sync-fetch, in a child process). Every way out is trapped here
// before citation-js loads, then every input path runs; any call fails the test.

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire, Module } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryIo } from './cli-io.js'

const require = createRequire(import.meta.url)
// citation-js is a dependency of @realist-kb/citations: resolve it as that package does.
const citationsRequire = createRequire(require.resolve('@realist-kb/citations/package.json'))
const calls: string[] = []
const restore: (() => void)[] = []

function trap<T extends object>(target: T, key: keyof T & string, label: string): void {
  const original = target[key]
  Object.defineProperty(target, key, {
    configurable: true,
    writable: true,
    value: (..._args: unknown[]) => {
      calls.push(label)
      throw new Error(`network access attempted: ${label}`)
    },
  })
  restore.push(() => {
    Object.defineProperty(target, key, { configurable: true, writable: true, value: original })
  })
}

const fixtures = path.join(import.meta.dirname, 'fixtures', 'import')
const exports = path.join(fixtures, '..', 'reference-exports')
let work: string
let main: typeof import('@realist-kb/cli').main

beforeAll(async () => {
  const coreMain = citationsRequire.resolve('@citation-js/core')
  // sync-fetch keeps its own reference to child_process.execFileSync, taken when it loads; the
  // only way to trap it is to be the module citation-js gets.
  expect(require.cache[coreMain], 'citation-js loaded before the traps').toBeUndefined()
  const syncFetchPath = createRequire(coreMain).resolve('sync-fetch')
  const stub = new Module(syncFetchPath)
  stub.filename = syncFetchPath
  stub.loaded = true
  stub.exports = Object.assign(
    () => {
      calls.push('sync-fetch')
      throw new Error('network access attempted: sync-fetch')
    },
    { Headers: class {} },
  )
  require.cache[syncFetchPath] = stub
  restore.push(() => {
    delete require.cache[syncFetchPath]
  })

  trap(globalThis, 'fetch', 'fetch')
  for (const name of ['node:http', 'node:https'] as const) {
    const http = require(name) as typeof import('node:http')
    trap(http, 'request', `${name} request`)
    trap(http, 'get', `${name} get`)
  }
  const net = require('node:net') as typeof import('node:net')
  trap(net, 'connect', 'net.connect')
  trap(net, 'createConnection', 'net.createConnection')
  trap(net.Socket.prototype, 'connect', 'socket.connect')
  const tls = require('node:tls') as typeof import('node:tls')
  trap(tls, 'connect', 'tls.connect')
  const childProcess = require('node:child_process') as typeof import('node:child_process')
  for (const key of ['execFileSync', 'spawnSync', 'execSync', 'spawn', 'execFile'] as const)
    trap(childProcess, key, `child_process.${key}`)

  ;({ main } = await import('@realist-kb/cli'))
  work = await mkdtemp(path.join(tmpdir(), 'realist-kb-offline-'))
})

afterAll(async () => {
  for (const undo of restore.reverse()) undo()
  await rm(work, { recursive: true, force: true })
})

describe('import never fetches', () => {
  it('loads no citation-js parser that could fetch', async () => {
    const { registeredParsers } = await import('@realist-kb/citations/import')
    const parsers = registeredParsers()
    expect(parsers).toContain('@bibtex/text')
    expect(parsers).toContain('@ris/file')
    expect(parsers.filter((name) => /doi|url|wikidata|pubmed|isbn|orcid/i.test(name))).toEqual([])
  })

  it('reads DOIs and URLs as text, in every format, and formats references offline', async () => {
    await writeFile(path.join(work, 'doi.txt'), '10.1000/example.2020.001\n')
    await writeFile(path.join(work, 'url.txt'), 'https://doi.org/10.1000/example.2020.001\n')
    await writeFile(
      path.join(work, 'doi-only.json'),
      JSON.stringify([{ DOI: '10.1000/example.2020.001', URL: 'https://example.org/x' }]),
    )
    const run = async (...args: string[]): Promise<number> =>
      main(['import', ...args, '--dir', 'content'], memoryIo(work))
    for (const file of ['latex-and-duplicates.bib', 'literal-names.json', 'quirks.ris'])
      await run(path.join(fixtures, file))
    for (const file of ['_baseline_openalex.ris', '_baseline_pubmed.ris', '_baseline_scopus.ris'])
      expect(await run(path.join(exports, file))).toBe(0)
    expect(await run('doi.txt')).toBe(2)
    expect(await run('url.txt')).toBe(2)
    for (const format of ['bibtex', 'ris', 'csl-json', 'medline'])
      expect(await run('doi.txt', '--from', format)).toBe(1)
    expect(await run('url.txt', '--from', 'ris')).toBe(1)
    expect(await run('doi-only.json')).toBe(1)

    const io = memoryIo(work)
    expect(await main(['show', 'muller-2020', 'content'], io)).toBe(0)
    expect(io.out()).toContain('Müller J, García A, van der Berg P.')
    expect(calls).toEqual([])
  })
})

describe('the traps', () => {
  it('catch citation-js fetching, synchronously and asynchronously', async () => {
    calls.length = 0
    const { util } = citationsRequire('@citation-js/core') as {
      util: { fetchFile(url: string): string; fetchFileAsync(url: string): Promise<string> }
    }
    expect(() => util.fetchFile('https://doi.org/10.1000/example')).toThrow(/network access/)
    await expect(util.fetchFileAsync('https://doi.org/10.1000/example')).rejects.toThrow()
    expect(calls[0]).toBe('sync-fetch')
    expect(calls.length).toBeGreaterThan(1)
  })
})
