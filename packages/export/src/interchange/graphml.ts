import type { Entity, KnowledgeBase } from '@realist-kb/core'
import { type Column, columnValues, edgeColumns, nodeColumns } from './columns.js'
import { entityLabel } from './entity-text.js'
import { type GraphEdge, sortedEdges, sortedEntities } from './sorted.js'
import { escapeXmlText, xmlAttributes, xmlDeclaration } from './xml.js'

const graphmlTypes = { string: 'string', integer: 'int' } as const

/**
 * Write a knowledge base as GraphML, the format yEd, Cytoscape, networkx and igraph read: one node
 * per entity and one directed edge per link, with every attribute declared as a typed `<key>`
 * (`attr.name`, `attr.type`). Parallel edges are kept. Valid against the GraphML 1.0 XSD.
 *
 * Node ids are the entity ids; edge ids are `e1`, `e2`, ... in a sorted order, because GraphML ids
 * must be XML name tokens and the graph's own edge keys are not.
 *
 * @example
 * ```ts
 * import { writeGraphml } from '@realist-kb/export'
 * const graphml = writeGraphml(kb) // networkx.read_graphml(...) reads it
 * ```
 */
export function writeGraphml(kb: KnowledgeBase): string {
  const entities = sortedEntities(kb.graph)
  const edges = sortedEdges(kb.graph, entities)
  const reviewId = kb.graph.getAttribute('review')
  const review = reviewId === undefined ? undefined : kb.graph.getNodeAttributes(reviewId)
  const lines = [
    xmlDeclaration,
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <key${xmlAttributes([
      ['id', 'graph-review'],
      ['for', 'graph'],
      ['attr.name', 'review'],
      ['attr.type', 'string'],
    ])}/>`,
    `  <key${xmlAttributes([
      ['id', 'graph-title'],
      ['for', 'graph'],
      ['attr.name', 'title'],
      ['attr.type', 'string'],
    ])}/>`,
    ...declareKeys('node', nodeColumns),
    ...declareKeys('edge', edgeColumns),
    '  <graph id="knowledge-base" edgedefault="directed">',
    ...(review
      ? [
          `    <data key="graph-review">${escapeXmlText(review.id)}</data>`,
          `    <data key="graph-title">${escapeXmlText(entityLabel(review))}</data>`,
        ]
      : []),
    ...entities.flatMap(nodeElement),
    ...edges.flatMap(edgeElement),
    '  </graph>',
    '</graphml>',
  ]
  return `${lines.join('\n')}\n`
}

function keyId(kind: 'node' | 'edge', name: string): string {
  return `${kind}-${name}`
}

function declareKeys<T>(kind: 'node' | 'edge', columns: readonly Column<T>[]): string[] {
  return columns.map(
    (column) =>
      `  <key${xmlAttributes([
        ['id', keyId(kind, column.name)],
        ['for', kind],
        ['attr.name', column.name],
        ['attr.type', graphmlTypes[column.type]],
      ])}/>`,
  )
}

function data<T>(kind: 'node' | 'edge', columns: readonly Column<T>[], item: T): string[] {
  return columnValues(columns, item).map(
    ([column, value]) =>
      `      <data key="${keyId(kind, column.name)}">${escapeXmlText(String(value))}</data>`,
  )
}

function nodeElement(entity: Entity): string[] {
  return [
    `    <node${xmlAttributes([['id', entity.id]])}>`,
    ...data('node', nodeColumns, entity),
    '    </node>',
  ]
}

function edgeElement(edge: GraphEdge, index: number): string[] {
  return [
    `    <edge${xmlAttributes([
      ['id', `e${index + 1}`],
      ['source', edge.source],
      ['target', edge.target],
    ])}>`,
    ...data('edge', edgeColumns, edge),
    '    </edge>',
  ]
}
