import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeOutput } from '../src/lib/write-output.js'
import { memoryIo } from './cli-io.js'

const root = path.resolve(import.meta.dirname, '../../..')
const fixtures = path.join(root, 'packages/core/test/fixtures')
const valid = path.join(fixtures, 'valid')

let temp: string
beforeEach(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'realist-kb-export-'))
})
afterEach(async () => {
  await rm(temp, { recursive: true, force: true })
})

describe('realist-kb export', () => {
  it.each([
    [
      'gexf',
      '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    ],
    ['graphml', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'],
    ['mermaid', 'flowchart LR'],
    ['dot', 'digraph "programme-theory" {'],
    ['svg', 'data-diagram="programme-theory"'],
    ['qdc', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"'],
    ['csl-json', '"id": "doe-2020"'],
    ['json', '"formatVersion": 2'],
  ])('writes --format %s to a new file, creating its folders', async (format, expected) => {
    const io = memoryIo(temp)
    const out = path.join('nested', 'folder', `kb.${format}`)
    expect(await main(['export', valid, '--format', format, '--out', out], io)).toBe(0)
    expect(await readFile(path.join(temp, out), 'utf8')).toContain(expected)
    expect(io.out()).toBe('')
    expect(io.err()).toMatch(new RegExp(`^realist-kb export: wrote .*kb\\.${format} \\(${format},`))
    // Nothing but the file and the ledger of generated files is left behind: no temporary file.
    expect(await readdir(path.join(temp, 'nested', 'folder'))).toEqual([
      '.realist-kb-outputs.json',
      `kb.${format}`,
    ])
  })

  it('writes --format qdpx as a zip, and only to a file', async () => {
    const io = memoryIo(temp)
    expect(await main(['export', valid, '--format', 'qdpx', '--out', 'kb.qdpx'], io)).toBe(0)
    const bytes = await readFile(path.join(temp, 'kb.qdpx'))
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    const bare = memoryIo(temp)
    expect(await main(['export', valid, '--format', 'qdpx'], bare)).toBe(2)
    expect(bare.out()).toBe('')
    expect(bare.err()).toContain('without --out')
  })

  it('prints to standard output without --out', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['export', 'valid', '--format', 'mermaid'], io)).toBe(0)
    expect(io.out()).toContain('subgraph g_coherence["Coherence"]')
    expect(io.out()).toContain('n_cmoc_1a -.-> n_rec_1_1')
    expect(io.err()).toBe('')
  })

  it('draws one recommendation with --trace', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['export', 'valid', '--format', 'dot', '--trace', 'rec-1-1'], io)).toBe(0)
    expect(io.out()).toContain('digraph "trace-rec-1-1" {')
    expect(io.out()).toContain('"doe-2020-e1" -> "cmoc-1a" [style=solid')
    const svg = memoryIo(fixtures)
    expect(await main(['export', 'valid', '--format', 'svg', '--trace', 'rec-1-1'], svg)).toBe(0)
    expect(svg.out()).toContain('data-diagram="trace-rec-1-1"')
    expect(svg.out()).toContain('data-source="doe-2020-e1" data-target="cmoc-1a"')
  })

  it('refuses to overwrite an existing file without --force, and replaces it with it', async () => {
    const target = path.join(temp, 'graph.gexf')
    await writeFile(target, 'precious')
    const refused = memoryIo(temp)
    expect(await main(['export', valid, '--format', 'gexf', '--out', 'graph.gexf'], refused)).toBe(
      2,
    )
    expect(refused.err()).toContain('Unexpected existing file')
    expect(refused.err()).toContain('--force')
    expect(await readFile(target, 'utf8')).toBe('precious')

    const forced = memoryIo(temp)
    const args = ['export', valid, '--format', 'gexf', '--out', 'graph.gexf', '--force']
    expect(await main(args, forced)).toBe(0)
    expect(await readFile(target, 'utf8')).toContain('<gexf')
    expect(await readdir(temp)).toEqual(['.realist-kb-outputs.json', 'graph.gexf'])
  })

  it('exits 1 on content errors, still writing what loaded', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['export', 'dangling-reference', '--format', 'json'], io)).toBe(1)
    expect(JSON.parse(io.out())).toMatchObject({ formatVersion: 2 })
    expect(io.err()).toContain('2 errors')
  })

  it('exits 2 on usage errors, with the command help', async () => {
    for (const args of [
      ['export', 'valid'],
      ['export', 'valid', '--format', 'xml'],
      ['export', 'valid', '--format', 'gexf', '--trace', 'rec-1-1'],
      ['export', 'valid', '--format', 'dot', '--trace', 'rec-1-2'],
      ['export', 'valid', '--format', 'dot', '--trace', 'doe-2020'],
      ['export', 'valid', '--format', 'json', '--force'],
      ['export', 'valid', '--format', 'json', '--out', ''],
      ['export', 'no-such-folder', '--format', 'json'],
      ['export', 'valid', 'extra', '--format', 'json'],
      ['export', '--bogus'],
    ]) {
      const io = memoryIo(fixtures)
      expect(await main(args, io), args.join(' ')).toBe(2)
      expect(io.err()).toContain('Usage: realist-kb export')
      expect(io.out()).toBe('')
    }
  })

  it('suggests the nearest recommendation for an unknown --trace', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['export', 'valid', '--format', 'mermaid', '--trace', 'rec-1-2'], io)).toBe(2)
    expect(io.err()).toContain('did you mean `rec-1-1`?')
  })

  it('prints its help with --help, and is listed in the main help', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['export', '--help'], io)).toBe(0)
    expect(io.out()).toMatch(/^Usage: realist-kb export \[dir\] \[options\]/)
    expect(io.out()).toMatch(/^ {2}--format <format> +one of:$/m)
    for (const format of [
      'gexf',
      'graphml',
      'mermaid',
      'dot',
      'svg',
      'qdc',
      'qdpx',
      'csl-json',
      'json',
    ])
      expect(io.out()).toContain(format)
    const top = memoryIo(fixtures)
    await main(['--help'], top)
    expect(top.out()).toMatch(/^ {2}export +the knowledge base for other tools/m)
  })

  it('exits 1 when there is nothing to put in a codebook', async () => {
    const empty = path.join(temp, 'empty')
    await mkdir(empty)
    const io = memoryIo(temp)
    expect(await main(['export', 'empty', '--format', 'qdc'], io)).toBe(1)
    expect(io.err()).toContain('no group or CMOC')
  })
})

describe('writeOutput', () => {
  it('writes atomically into new folders, regenerates its own file, refuses one edited since', async () => {
    const target = path.join(temp, 'a', 'b', 'out.txt')
    await writeOutput(target, 'one', { force: false })
    expect(await readFile(target, 'utf8')).toBe('one')
    await writeOutput(target, 'two', { force: false }) // its own output: regenerated
    expect(await readFile(target, 'utf8')).toBe('two')
    await writeFile(target, 'edited by hand')
    await expect(writeOutput(target, 'three', { force: false })).rejects.toMatchObject({
      name: 'UsageError',
    })
    expect(await readFile(target, 'utf8')).toBe('edited by hand')
    await writeOutput(target, Uint8Array.from([116, 119, 111]), { force: true })
    expect(await readFile(target, 'utf8')).toBe('two')
    expect(await readdir(path.dirname(target))).toEqual(['.realist-kb-outputs.json', 'out.txt'])
  })

  it('refuses a folder, even with force, and reports a path it cannot create', async () => {
    await expect(writeOutput(temp, 'x', { force: true })).rejects.toMatchObject({
      name: 'UsageError',
    })
    await writeFile(path.join(temp, 'file'), 'x')
    await expect(
      writeOutput(path.join(temp, 'file', 'below.txt'), 'x', { force: false }),
    ).rejects.toMatchObject({ name: 'UsageError' })
  })

  it('lets exactly one of several simultaneous writers create the file', async () => {
    const target = path.join(temp, 'race.txt')
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        writeOutput(target, `writer ${index}`, { force: false }),
      ),
    )
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    expect(await readFile(target, 'utf8')).toMatch(/^writer \d$/)
    expect(await readdir(temp)).toEqual(['.realist-kb-outputs.json', 'race.txt'])
  })
})
