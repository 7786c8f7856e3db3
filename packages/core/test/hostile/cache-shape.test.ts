import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { serialize } from 'node:v8'
import type { KnowledgeBase } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { afterEach, describe, expect, it } from 'vitest'
import { tempContent } from './temp-content.js'

const files = {
  'audiences/a.md': '---\nkind: audience\nname: A\n---\nSee [[b]].\n',
  'audiences/b.md': '---\nkind: audience\nname: B\n---\n',
}

const sealed = (payload: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`${createHash('sha256').update(payload).digest('hex')}\n`), payload])

const summary = (kb: KnowledgeBase) => ({
  nodes: kb.graph.nodes(),
  edges: kb.graph.size,
  diagnostics: kb.diagnostics.map((d) => `${d.file} ${d.name}`),
})

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const clean of cleanup) await clean()
  cleanup = []
})

describe('a cache entry of the wrong shape is discarded and rebuilt', () => {
  async function setUp() {
    const temp = await tempContent(files)
    const cacheDirectory = await mkdtemp(path.join(tmpdir(), 'rkb-cache-shape-'))
    cleanup.push(temp.cleanup, () => rm(cacheDirectory, { recursive: true, force: true }))
    const fresh = summary(await loadDirectory(temp.root))
    expect(summary(await loadDirectory(temp.root, { cacheDirectory }))).toEqual(fresh)
    const names = await readdir(cacheDirectory)
    const snapshot = path.join(cacheDirectory, names.find((n) => n.endsWith('.kb.json')) ?? '')
    const parsed = path.join(cacheDirectory, names.find((n) => n.endsWith('.parsed.v8')) ?? '')
    const original = await readFile(snapshot)
    const json = JSON.parse(original.subarray(65).toString('utf8')) as Record<string, unknown>
    return { root: temp.root, cacheDirectory, snapshot, parsed, json, fresh }
  }

  const damaged: [string, (json: Record<string, unknown>) => Buffer][] = [
    ['valid JSON, not sealed', (json) => Buffer.from(JSON.stringify({ ...json, diagnostics: 5 }))],
    [
      'sealed, diagnostics not a list',
      (json) => sealed(Buffer.from(JSON.stringify({ ...json, diagnostics: 5 }))),
    ],
    [
      'sealed, graph of the wrong shape',
      (json) => sealed(Buffer.from(JSON.stringify({ ...json, graph: { nodes: 7 } }))),
    ],
    ['sealed, a list instead of a map', () => sealed(Buffer.from('[1, 2, 3]'))],
    // Of the right shape at the top, but a graph no restore can build: the graph is restored
    // only when first used, so the snapshot is checked through when read.
    [
      'sealed, two nodes under one key',
      (json) => {
        const graph = json.graph as { nodes: unknown[] }
        return sealed(
          Buffer.from(
            JSON.stringify({
              ...json,
              graph: { ...graph, nodes: [...graph.nodes, graph.nodes[0]] },
            }),
          ),
        )
      },
    ],
    [
      'sealed, a resolved link to a node it does not hold',
      (json) => {
        const graph = structuredClone(json.graph) as {
          nodes: { attributes: { links: { target: string }[] } }[]
        }
        const link = graph.nodes.flatMap((node) => node.attributes.links)[0]
        if (link === undefined) throw new Error('no link to damage')
        link.target = 'nowhere'
        return sealed(Buffer.from(JSON.stringify({ ...json, graph })))
      },
    ],
  ]
  for (const [name, make] of damaged) {
    it(`snapshot: ${name}`, async () => {
      const { root, cacheDirectory, snapshot, json, fresh } = await setUp()
      await writeFile(snapshot, make(json))
      expect(summary(await loadDirectory(root, { cacheDirectory }))).toEqual(fresh)
      // Rebuilt: the next run reads a good cache again.
      expect(summary(await loadDirectory(root, { cacheDirectory }))).toEqual(fresh)
    })
  }

  it('parsed files: a sealed cache of the wrong shape, with the snapshot gone', async () => {
    const { root, cacheDirectory, snapshot, parsed, json, fresh } = await setUp()
    await rm(snapshot)
    await writeFile(
      parsed,
      sealed(serialize({ format: json.format, parsed: { 'audiences/a.md': 3 } })),
    )
    expect(summary(await loadDirectory(root, { cacheDirectory }))).toEqual(fresh)
  })
})
