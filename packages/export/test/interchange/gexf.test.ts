import type { Entity } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { writeGexf } from '@realist-kb/export'
import { parse } from 'graphology-gexf'
import { describe, expect, it } from 'vitest'
import { edgeColumns, nodeColumns } from '../../src/interchange/columns.js'
import { hostileFixture, validFixture, xmlSafe } from './helpers.js'

type GraphConstructor = Parameters<typeof parse>[0]

// Gephi's colour and size by kind, as graphology-gexf reads the viz elements back.
const viz: Record<Entity['kind'], { color: string; size: number }> = {
  review: { color: 'rgb(97,97,97)', size: 30 },
  group: { color: 'rgb(57,73,171)', size: 24 },
  cmoc: { color: 'rgb(0,121,107)', size: 16 },
  recommendation: { color: 'rgb(173,20,87)', size: 14 },
  audience: { color: 'rgb(106,27,154)', size: 12 },
  study: { color: 'rgb(161,136,127)', size: 10 },
  evidence: { color: 'rgb(249,168,37)', size: 6 },
}

function expectedNode(entity: Entity): Record<string, unknown> {
  const values: Record<string, unknown> = { ...viz[entity.kind] }
  for (const column of nodeColumns) {
    const value = column.value(entity)
    if (value !== undefined && value !== '') values[column.name] = xmlSafe(value)
  }
  return values
}

describe('writeGexf', () => {
  it.each([
    ['valid', validFixture],
    ['hostile', hostileFixture],
  ])(
    'round-trips the %s fixture through graphology-gexf: same nodes, edges and attributes',
    async (_name, dir) => {
      const kb = await loadDirectory(dir)
      const parsed = parse(kb.graph.constructor as GraphConstructor, writeGexf(kb))
      expect(parsed.order).toBe(kb.graph.order)
      expect(parsed.size).toBe(kb.graph.size)
      kb.graph.forEachNode((id, entity) => {
        // The label is GEXF's own node attribute; graphology-gexf reads it back as `label`.
        expect(parsed.getNodeAttributes(id)).toEqual(expectedNode(entity))
      })
      kb.graph.forEachEdge((key, attributes, source, target) => {
        expect(parsed.source(key)).toBe(source)
        expect(parsed.target(key)).toBe(target)
        const expected: Record<string, unknown> = { label: attributes.type, kind: attributes.type }
        for (const column of edgeColumns) {
          const value = column.value({ key, source, target, attributes })
          if (value !== undefined) expected[column.name] = xmlSafe(value)
        }
        expect(parsed.getEdgeAttributes(key)).toEqual(expected)
      })
    },
  )

  it('flattens lists with `; ` and never writes an object', async () => {
    const kb = await loadDirectory(validFixture)
    const gexf = writeGexf(kb)
    expect(gexf).toContain('<attvalue for="parts" value="mechanism; outcome"/>')
    expect(gexf).toContain('<attvalue for="examples" value="patients; families"/>')
    expect(gexf).not.toContain('[object Object]')
  })

  it('declares typed columns', async () => {
    const gexf = writeGexf(await loadDirectory(validFixture))
    expect(gexf).toContain('<attribute id="year" title="year" type="integer"/>')
    expect(gexf).toContain('<attribute id="kind" title="kind" type="string"/>')
  })

  it('is the same whatever order the files are read in', async () => {
    const kb = await loadDirectory(validFixture)
    const reversed = kb.graph.emptyCopy()
    reversed.clear()
    kb.graph
      .nodes()
      .reverse()
      .forEach((id) => {
        reversed.addNode(id, kb.graph.getNodeAttributes(id))
      })
    kb.graph
      .edges()
      .reverse()
      .forEach((key) => {
        reversed.addEdgeWithKey(
          key,
          kb.graph.source(key),
          kb.graph.target(key),
          kb.graph.getEdgeAttributes(key),
        )
      })
    expect(writeGexf({ ...kb, graph: reversed })).toBe(writeGexf(kb))
  })
})
