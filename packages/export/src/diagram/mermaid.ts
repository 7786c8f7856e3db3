import type { EntityKind } from '@realist-kb/core'
import { oneLine } from '../interchange/entity-text.js'
import { kindColours } from '../interchange/kind-colours.js'
import { type ClusterContents, clusterTree } from './cluster-tree.js'
import type { Diagram, DiagramEdge, DiagramNode } from './model.js'

// Mermaid node shapes by kind; the label goes between the two halves, in double quotes.
const shapes: Readonly<Record<EntityKind, readonly [string, string]>> = {
  review: ['[', ']'],
  group: ['[[', ']]'],
  cmoc: ['(', ')'],
  recommendation: ['[', ']'],
  evidence: ['[/', '/]'],
  study: ['[(', ')]'],
  audience: ['([', '])'],
}

/**
 * Escape text for a double-quoted Mermaid label. Every character that Mermaid or the HTML it
 * renders into could read as syntax becomes a Mermaid entity code (`#34;`), which Mermaid turns
 * back into the character as text: a title such as `"]; click x call alert()` or `<script>`
 * stays a label.
 *
 * @example
 * ```ts
 * escapeMermaid('a "b" <c>') // 'a #34;b#34; #60;c#62;'
 * ```
 */
export function escapeMermaid(text: string): string {
  return oneLine(text)
    .replace(/\p{Cc}/gu, '')
    .replace(/["#&<>`[\](){}|%\\]/g, (char) => `#${char.charCodeAt(0)};`)
}

/**
 * Draw a diagram as a Mermaid flowchart (left to right). Each group is a `subgraph`, sub-groups
 * nested in their parent's. Inferred links are dotted arrows (`-.->`), stated ones solid
 * (`-->`); each kind has its own shape and colour. Labels are one line each: Mermaid wraps them,
 * once.
 *
 * @example
 * ```ts
 * import { programmeTheoryDiagram, writeMermaid } from '@realist-kb/export'
 * const text = writeMermaid(programmeTheoryDiagram(kb)) // paste into a ```mermaid block
 * ```
 */
export function writeMermaid(diagram: Diagram): string {
  const ids = mermaidIds('n_', diagram.nodes)
  // Clusters have a prefix of their own, so that a group never shares an id with a node.
  const clusterIds = mermaidIds('g_', diagram.clusters)
  const kinds = new Set(diagram.nodes.map((node) => node.kind))
  const contents = clusterTree(diagram)
  const lines = [
    '---',
    `title: ${JSON.stringify(oneLine(diagram.title))}`,
    '---',
    'flowchart LR',
    ...clusterBody(contents, undefined, { ids, clusterIds }, '  '),
    ...diagram.edges.flatMap((edge) => {
      const line = edgeLine(edge, ids)
      return line === undefined ? [] : [`  ${line}`]
    }),
    ...[...kinds].map((kind) => {
      const { fill, stroke } = kindColours[kind]
      return `  classDef ${kind} fill:${fill},stroke:${stroke},color:#1a1a1a`
    }),
  ]
  return `${lines.join('\n')}\n`
}

// One level: its nodes, then each sub-cluster as a subgraph holding its own.
function clusterBody(
  contents: (id: string | undefined) => ClusterContents,
  id: string | undefined,
  names: {
    readonly ids: ReadonlyMap<string, string>
    readonly clusterIds: ReadonlyMap<string, string>
  },
  indent: string,
): string[] {
  const { clusters, nodes } = contents(id)
  const { ids, clusterIds } = names
  return [
    ...nodes.map((node) => `${indent}${nodeLine(node, ids)}`),
    ...clusters.flatMap((cluster) => [
      `${indent}subgraph ${clusterIds.get(cluster.id)}["${escapeMermaid(cluster.label)}"]`,
      ...clusterBody(contents, cluster.id, names, `${indent}  `),
      `${indent}end`,
    ]),
  ]
}

// Mermaid ids are kept to letters, digits and underscores, with a prefix so that no id is a
// keyword (`end`) or starts with an arrow-like letter (`o`, `x`).
function mermaidIds(
  prefix: string,
  items: readonly { readonly id: string }[],
): Map<string, string> {
  const ids = new Map<string, string>()
  const used = new Set<string>()
  for (const item of items) {
    let id = `${prefix}${item.id.replace(/[^A-Za-z0-9]/g, '_')}`
    if (used.has(id)) id = `${id}_${used.size}`
    used.add(id)
    ids.set(item.id, id)
  }
  return ids
}

function nodeLine(node: DiagramNode, ids: ReadonlyMap<string, string>): string {
  const [open, close] = shapes[node.kind]
  // No line breaks of our own: Mermaid wraps labels to its own width, and breaking them first
  // made it wrap each broken line again (tall, narrow boxes).
  const label = escapeMermaid(node.label)
  return `${ids.get(node.id)}${open}"${label}"${close}:::${node.kind}`
}

function edgeLine(edge: DiagramEdge, ids: ReadonlyMap<string, string>): string | undefined {
  const source = ids.get(edge.source)
  const target = ids.get(edge.target)
  if (source === undefined || target === undefined) return undefined
  const arrow = edge.basis === 'inferred' ? '-.->' : '-->'
  const label = edge.label?.replace(/[^A-Za-z0-9 -]/g, '')
  return label ? `${source} ${arrow}|${label}| ${target}` : `${source} ${arrow} ${target}`
}
