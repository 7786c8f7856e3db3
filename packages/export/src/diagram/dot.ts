import type { EntityKind } from '@realist-kb/core'
import { oneLine } from '../interchange/entity-text.js'
import { kindColours } from '../interchange/kind-colours.js'
import { wrapWords } from '../interchange/wrap.js'
import { type ClusterContents, clusterTree } from './cluster-tree.js'
import type { Diagram, DiagramEdge, DiagramNode } from './model.js'

const shapes: Readonly<Record<EntityKind, string>> = {
  review: 'box',
  group: 'box3d',
  cmoc: 'box',
  recommendation: 'box',
  evidence: 'note',
  study: 'cylinder',
  audience: 'ellipse',
}

/**
 * Quote text as a Graphviz string. A backslash from content is written as `⧵` (U+29F5, reverse
 * solidus operator), which looks the same: Graphviz expands `\N`, `\G`, `\E`, `\T`, `\H`, `\L`
 * in labels and tooltips, and reads a doubled backslash in a tooltip as a backslash followed by
 * the next escape, so no backslash from content can be kept safely. Quotes are escaped, control
 * characters dropped; being a quoted string rather than `<...>`, a label is never read as an
 * HTML-like label.
 *
 * @example
 * ```ts
 * quoteDot('say "hi" \\N <b>') // '"say \\"hi\\" ⧵N <b>"'
 * ```
 */
export function quoteDot(text: string): string {
  return `"${escapeDot(oneLine(text))}"`
}

function escapeDot(text: string): string {
  return text
    .replace(/\p{Cc}/gu, '')
    .replace(/\\/g, '\u29F5')
    .replace(/"/g, '\\"')
}

// A wrapped label: each line escaped, then joined with Graphviz's centred line break `\n`.
function wrappedLabel(text: string): string {
  return `"${wrapWords(oneLine(text), 28).map(escapeDot).join('\\n')}"`
}

/**
 * Draw a diagram in the Graphviz DOT language (`dot -Tsvg`), left to right, keeping the order
 * of the diagram's nodes and arrows (the theory's order) within each column. Each group is a
 * cluster (`subgraph cluster_...`), sub-groups nested in their parent's. Inferred links are
 * dashed, stated ones solid; each kind has its own shape and colour, and each node a tooltip with
 * its full text. Nodes carry a `class` (kind) and arrows theirs (basis and type) for styling the
 * SVG.
 *
 * @example
 * ```ts
 * import { traceDiagram, writeDot } from '@realist-kb/export'
 * const dot = writeDot(traceDiagram(kb, 'rec-1-1')!) // dot -Tsvg trace.dot > trace.svg
 * ```
 */
export function writeDot(diagram: Diagram): string {
  const known = new Set(diagram.nodes.map((node) => node.id))
  const contents = clusterTree(diagram)
  const lines = [
    `digraph ${quoteDot(diagram.name)} {`,
    // ordering=out keeps each node's successors in the order written (the theory's order);
    // without it Graphviz reorders them freely to reduce crossings.
    `  graph [rankdir=LR, ordering=out, labelloc=t, fontname="Helvetica", label=${quoteDot(diagram.title)}];`,
    '  node [fontname="Helvetica", fontsize=11, style="filled", margin="0.15,0.08"];',
    '  edge [fontname="Helvetica", fontsize=9, color="#555555"];',
    ...clusterBody(contents, undefined, diagram, '  '),
    ...diagram.edges
      .filter((edge) => known.has(edge.source) && known.has(edge.target))
      .map((edge) => `  ${edgeStatement(edge)}`),
    '}',
  ]
  return `${lines.join('\n')}\n`
}

// The statements of one level: its nodes, each column held in order, then its sub-clusters.
function clusterBody(
  contents: (id: string | undefined) => ClusterContents,
  id: string | undefined,
  diagram: Diagram,
  indent: string,
): string[] {
  const { clusters, nodes } = contents(id)
  return [
    ...nodes.map((node) => `${indent}${nodeStatement(node)}`),
    ...columnChains(nodes, diagram.edges).map((line) => `${indent}${line}`),
    ...clusters.flatMap((cluster) => [
      `${indent}subgraph ${quoteDot(`cluster_${cluster.id}`)} {`,
      `${indent}  graph [label=${wrappedLabel(cluster.label)}, class="group", style="rounded,filled", fillcolor="${kindColours.group.fill}", color="${kindColours.group.stroke}"${cluster.detail === undefined ? '' : `, tooltip=${quoteDot(cluster.detail)}`}];`,
      ...clusterBody(contents, cluster.id, diagram, `${indent}  `),
      `${indent}}`,
    ]),
  ]
}

function nodeStatement(node: DiagramNode): string {
  const { fill, stroke } = kindColours[node.kind]
  const attributes = [
    `label=${wrappedLabel(node.label)}`,
    `shape=${shapes[node.kind]}`,
    ...(node.kind === 'cmoc' ? ['style="filled,rounded"'] : []),
    `fillcolor="${fill}"`,
    `color="${stroke}"`,
    `class="${node.kind}"`,
    ...(node.detail === undefined ? [] : [`tooltip=${quoteDot(node.detail)}`]),
  ]
  return `${quoteDot(node.id)} [${attributes.join(', ')}];`
}

function edgeStatement(edge: DiagramEdge): string {
  const attributes = [
    `style=${edge.basis === 'inferred' ? 'dashed' : 'solid'}`,
    `class="${edge.basis} ${edge.type}"`,
    ...(edge.label === undefined ? [] : [`label=${quoteDot(edge.label)}`]),
  ]
  return `${quoteDot(edge.source)} -> ${quoteDot(edge.target)} [${attributes.join(', ')}];`
}

// Each column of one level (its nodes of one kind, less those hanging from another of their
// kind, such as CMOCs nested in another) is held in the diagram's order by a chain of invisible
// edges within one rank: Graphviz keeps flat edges pointing one way, which fixes the order top
// to bottom.
function columnChains(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): string[] {
  const kindOf = new Map(nodes.map((node) => [node.id, node.kind]))
  const hanging = new Set(
    edges
      .filter(
        (edge) => kindOf.has(edge.source) && kindOf.get(edge.source) === kindOf.get(edge.target),
      )
      .map((edge) => edge.target),
  )
  const columns = new Map<EntityKind, string[]>()
  for (const node of nodes) {
    if (hanging.has(node.id)) continue
    const column = columns.get(node.kind)
    if (column === undefined) columns.set(node.kind, [quoteDot(node.id)])
    else column.push(quoteDot(node.id))
  }
  return [...columns.values()]
    .filter((ids) => ids.length > 1)
    .map((ids) => `{ rank=same; ${ids.join(' -> ')} [style=invis]; }`)
}
