import type { Entity, KnowledgeBase } from '@realist-kb/core'
import { type Column, columnValues, edgeColumns, nodeColumns } from './columns.js'
import { entityLabel } from './entity-text.js'
import { kindColours, kindSizes, rgb } from './kind-colours.js'
import { type GraphEdge, sortedEdges, sortedEntities } from './sorted.js'
import { escapeXmlText, xmlAttributes, xmlDeclaration } from './xml.js'

// The node label is GEXF's own `label` attribute, so it is not repeated as a column.
const gexfNodeColumns = nodeColumns.filter((column) => column.name !== 'label')

/**
 * Write a knowledge base as GEXF 1.3, the format Gephi opens: one node per entity (labelled, with
 * its kind and main fields as typed attribute columns, coloured and sized by kind with the viz
 * module) and one directed edge per link (its type as label and kind, its basis and place as
 * columns). Valid against the GEXF 1.3 RELAX NG grammar with viz (the normative schema).
 *
 * Written here rather than with graphology-gexf's writer so that the columns are declared from one
 * typed table (shared with GraphML) instead of inferred from whatever values happen to occur, and
 * so that nodes and edges come out in a sorted, file-order-independent sequence.
 *
 * @example
 * ```ts
 * import { writeGexf } from '@realist-kb/export'
 * const gexf = writeGexf(kb) // '<?xml version="1.0" encoding="UTF-8"?>\n<gexf ...'
 * ```
 */
export function writeGexf(kb: KnowledgeBase): string {
  const entities = sortedEntities(kb.graph)
  const edges = sortedEdges(kb.graph, entities)
  const reviewId = kb.graph.getAttribute('review')
  const review = reviewId === undefined ? undefined : kb.graph.getNodeAttributes(reviewId)
  const lines = [
    xmlDeclaration,
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '  <meta>',
    '    <creator>realist-kb</creator>',
    ...(review ? [`    <description>${escapeXmlText(entityLabel(review))}</description>`] : []),
    '  </meta>',
    '  <graph mode="static" defaultedgetype="directed">',
    ...declareColumns('node', gexfNodeColumns),
    ...declareColumns('edge', edgeColumns),
    `    <nodes count="${entities.length}">`,
    ...entities.flatMap(nodeElement),
    '    </nodes>',
    `    <edges count="${edges.length}">`,
    ...edges.flatMap(edgeElement),
    '    </edges>',
    '  </graph>',
    '</gexf>',
  ]
  return `${lines.join('\n')}\n`
}

const gexfTypes = { string: 'string', integer: 'integer' } as const

function declareColumns<T>(kind: 'node' | 'edge', columns: readonly Column<T>[]): string[] {
  return [
    `    <attributes class="${kind}" mode="static">`,
    ...columns.map(
      (column) =>
        `      <attribute${xmlAttributes([
          ['id', column.name],
          ['title', column.name],
          ['type', gexfTypes[column.type]],
        ])}/>`,
    ),
    '    </attributes>',
  ]
}

function attvalues<T>(columns: readonly Column<T>[], item: T): string[] {
  const values = columnValues(columns, item)
  if (values.length === 0) return []
  return [
    '        <attvalues>',
    ...values.map(
      ([column, value]) =>
        `          <attvalue${xmlAttributes([
          ['for', column.name],
          ['value', value],
        ])}/>`,
    ),
    '        </attvalues>',
  ]
}

function nodeElement(entity: Entity): string[] {
  const open = `      <node${xmlAttributes([
    ['id', entity.id],
    ['label', entityLabel(entity)],
  ])}>`
  // Colour and size by kind (the viz module), so that Gephi shows the structure on opening.
  const [r, g, b] = rgb(kindColours[entity.kind].stroke)
  return [
    open,
    ...attvalues(gexfNodeColumns, entity),
    `        <viz:color r="${r}" g="${g}" b="${b}"/>`,
    `        <viz:size value="${kindSizes[entity.kind]}"/>`,
    '      </node>',
  ]
}

function edgeElement(edge: GraphEdge): string[] {
  const open = `      <edge${xmlAttributes([
    ['id', edge.key],
    ['source', edge.source],
    ['target', edge.target],
    ['label', edge.attributes.type],
    ['kind', edge.attributes.type],
  ])}>`
  return [open, ...attvalues(edgeColumns, edge), '      </edge>']
}
