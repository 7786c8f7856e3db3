import type { Entity, EntityKind, KnowledgeBase } from '@realist-kb/core'
import { type Column, columnValues, edgeColumns, nodeColumns } from './columns.js'
import { entityLabel } from './entity-text.js'
import { kindColours, kindSizes } from './kind-colours.js'
import { type GraphEdge, sortedEdges, sortedEntities } from './sorted.js'
import { escapeXmlText, xmlAttributes, xmlDeclaration } from './xml.js'

const graphmlTypes = { string: 'string', integer: 'int' } as const

/**
 * Write a knowledge base as GraphML, the format yEd, Cytoscape, networkx, igraph and Neo4j read:
 * one node per entity and one directed edge per link, with every attribute declared as a typed
 * `<key>` (`attr.name`, `attr.type`). Parallel edges are kept. yEd shows each node with its label,
 * its kind's colour and shape, and inferred links dashed (yEd's `nodegraphics` and `edgegraphics`
 * data); Neo4j's APOC import with `readLabels: true` gives each node its kind as a label (`:CMOC`)
 * from the `labels` data. Valid against the GraphML 1.0 XSD, extended for the yEd data the way
 * GraphML provides (and yEd's own schema does).
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
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
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
    // Neo4j's APOC import (readLabels: true) makes node labels of the data whose key id is `labels`.
    `  <key${xmlAttributes([
      ['id', 'labels'],
      ['for', 'node'],
      ['attr.name', 'labels'],
      ['attr.type', 'string'],
    ])}/>`,
    ...declareKeys('edge', edgeColumns),
    // yEd draws nodes and edges from these: a label, a colour and a shape per kind.
    '  <key id="yed-node" for="node" yfiles.type="nodegraphics"/>',
    '  <key id="yed-edge" for="edge" yfiles.type="edgegraphics"/>',
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

// Labels as Neo4j names them: one per kind, in PascalCase.
const neo4jLabels: Readonly<Record<EntityKind, string>> = {
  review: 'Review',
  group: 'Group',
  cmoc: 'CMOC',
  study: 'Study',
  evidence: 'Evidence',
  recommendation: 'Recommendation',
  audience: 'Audience',
}

const yedShapes: Readonly<Record<EntityKind, string>> = {
  review: 'rectangle',
  group: 'hexagon',
  cmoc: 'roundrectangle',
  study: 'rectangle',
  evidence: 'parallelogram',
  recommendation: 'rectangle',
  audience: 'ellipse',
}

// A box label short enough to read at a glance; the full text stays in the `label` data.
const maxBoxLabel = 60

function boxLabel(entity: Entity): string {
  const label = entityLabel(entity)
  return label.length <= maxBoxLabel ? label : `${label.slice(0, maxBoxLabel - 1).trimEnd()}…`
}

function nodeElement(entity: Entity): string[] {
  const { fill, stroke } = kindColours[entity.kind]
  const label = boxLabel(entity)
  const height = 20 + kindSizes[entity.kind]
  const width = Math.max(height, Math.min(360, 16 + label.length * 7))
  return [
    `    <node${xmlAttributes([['id', entity.id]])}>`,
    // The graphics first: networkx reads the yEd label into `label` too, and the last one read
    // wins, so the full label of the data below is the one it keeps.
    '      <data key="yed-node">',
    '        <y:ShapeNode>',
    `          <y:Geometry height="${height}" width="${width}"/>`,
    `          <y:Fill color="${fill.toUpperCase()}" transparent="false"/>`,
    `          <y:BorderStyle color="${stroke.toUpperCase()}" type="line" width="1.0"/>`,
    `          <y:NodeLabel>${escapeXmlText(label)}</y:NodeLabel>`,
    `          <y:Shape type="${yedShapes[entity.kind]}"/>`,
    '        </y:ShapeNode>',
    '      </data>',
    ...data('node', nodeColumns, entity),
    `      <data key="labels">:${neo4jLabels[entity.kind]}</data>`,
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
    '      <data key="yed-edge">',
    '        <y:PolyLineEdge>',
    `          <y:LineStyle color="#555555" type="${edge.attributes.basis === 'inferred' ? 'dashed' : 'line'}" width="1.0"/>`,
    '          <y:Arrows source="none" target="standard"/>',
    `          <y:EdgeLabel>${escapeXmlText(edge.attributes.type)}</y:EdgeLabel>`,
    '        </y:PolyLineEdge>',
    '      </data>',
    '    </edge>',
  ]
}
