import type { EntityKind } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { writeGraphml } from '@realist-kb/export'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { edgeColumns, nodeColumns } from '../../src/interchange/columns.js'
import { hostileFixture, validFixture, xmlSafe } from './helpers.js'

interface ParsedGraphml {
  keys: Map<string, { for: string; name: string; type: string }>
  nodes: Map<string, Record<string, unknown>>
  edges: { source: string; target: string; data: Record<string, unknown> }[]
}

type Element = Record<string, unknown>
const asArray = (value: unknown): Element[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Element[]

// A small GraphML reader, typed the way networkx reads GraphML: by each key's attr.type.
function readGraphml(xml: string): ParsedGraphml {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: false,
    htmlEntities: true,
    isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
  })
  const root = parser.parse(xml).graphml as Element
  // yEd's graphics keys carry yfiles.type instead of attr.name; networkx reads them apart too.
  const graphics = new Set(
    asArray(root.key)
      .filter((key) => key['@yfiles.type'] !== undefined)
      .map((key) => String(key['@id'])),
  )
  const keys = new Map(
    asArray(root.key)
      .filter((key) => !graphics.has(String(key['@id'])))
      .map((key) => [
        String(key['@id']),
        {
          for: String(key['@for']),
          name: String(key['@attr.name']),
          type: String(key['@attr.type']),
        },
      ]),
  )
  const data = (element: Element): Record<string, unknown> => {
    const values: Record<string, unknown> = {}
    for (const item of asArray(element.data)) {
      if (graphics.has(String(item['@key']))) continue
      const key = keys.get(String(item['@key']))
      if (!key) throw new Error(`undeclared key ${String(item['@key'])}`)
      const text = String(item['#text'] ?? '')
      values[key.name] = key.type === 'int' ? Number.parseInt(text, 10) : text
    }
    return values
  }
  const graph = asArray(root.graph)[0] as Element
  return {
    keys,
    nodes: new Map(asArray(graph.node).map((node) => [String(node['@id']), data(node)])),
    edges: asArray(graph.edge).map((edge) => ({
      source: String(edge['@source']),
      target: String(edge['@target']),
      data: data(edge),
    })),
  }
}

// What Neo4j's APOC GraphML import (readLabels: true) reads as each node's labels.
const neo4jLabels: Record<EntityKind, string> = {
  review: ':Review',
  group: ':Group',
  cmoc: ':CMOC',
  study: ':Study',
  evidence: ':Evidence',
  recommendation: ':Recommendation',
  audience: ':Audience',
}

describe('writeGraphml', () => {
  it.each([
    ['valid', validFixture],
    ['hostile', hostileFixture],
  ])('round-trips the %s fixture: same nodes, edges and attributes', async (_name, dir) => {
    const kb = await loadDirectory(dir)
    const parsed = readGraphml(writeGraphml(kb))
    expect(parsed.nodes.size).toBe(kb.graph.order)
    kb.graph.forEachNode((id, entity) => {
      const expected: Record<string, unknown> = {}
      for (const column of nodeColumns) {
        const value = column.value(entity)
        if (value !== undefined && value !== '') expected[column.name] = xmlSafe(value)
      }
      expected.labels = neo4jLabels[entity.kind]
      expect(parsed.nodes.get(id)).toEqual(expected)
    })
    const expectedEdges = kb.graph.mapEdges((key, attributes, source, target) => {
      const data: Record<string, unknown> = {}
      for (const column of edgeColumns) {
        const value = column.value({ key, source, target, attributes })
        if (value !== undefined) data[column.name] = xmlSafe(value)
      }
      return { source, target, data }
    })
    const order = (edge: { source: string; target: string; data: Record<string, unknown> }) =>
      JSON.stringify(edge)
    expect(parsed.edges.map(order).sort()).toEqual(expectedEdges.map(order).sort())
  })

  it('declares every key with its type, for nodes and edges', async () => {
    const parsed = readGraphml(writeGraphml(await loadDirectory(validFixture)))
    expect(parsed.keys.get('node-year')).toEqual({ for: 'node', name: 'year', type: 'int' })
    expect(parsed.keys.get('edge-basis')).toEqual({ for: 'edge', name: 'basis', type: 'string' })
    expect(parsed.keys.get('graph-title')?.for).toBe('graph')
  })

  it('keeps parallel edges between the same two entities', async () => {
    const kb = await loadDirectory(hostileFixture)
    const parsed = readGraphml(writeGraphml(kb))
    // CMOC `x` belongs to group `end` and also mentions it in its body: two edges.
    const types = parsed.edges
      .filter((edge) => edge.source === 'x' && edge.target === 'end')
      .map((edge) => edge.data.type)
    expect(types.sort()).toEqual(['belongs-to', 'mentions'])
    expect(parsed.edges).toHaveLength(kb.graph.size)
  })
})
