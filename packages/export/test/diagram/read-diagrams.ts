import { type ASTNode, parse } from '@ts-graphviz/ast'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** What a drawing shows, read back from its text: the same shape for SVG, DOT and Mermaid. */
export interface ReadDiagram {
  /** Node ids, sorted. */
  readonly nodes: string[]
  /** `id < parent` for each cluster (`id` alone at the top), sorted. */
  readonly clusters: string[]
  /** `node in cluster` for each node drawn in a cluster, sorted. */
  readonly membership: string[]
  /** `source -> target (basis)` for each arrow, sorted. */
  readonly edges: string[]
}

function attributesOf(node: ASTNode): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const child of node.children) {
    if (child.type === 'Attribute') attributes[child.key.value] = child.value.value
    if (child.type === 'AttributeList' && child.kind === 'Graph')
      Object.assign(attributes, attributesOf(child))
  }
  return attributes
}

/** A DOT text read with a real DOT parser: clusters are `subgraph "cluster_<id>"`. */
export function readDot(text: string): ReadDiagram & { readonly labels: Map<string, string> } {
  const graph = parse(text).children.find((child) => child.type === 'Graph')
  if (!graph) throw new Error('no graph')
  const nodes: string[] = []
  const clusters: string[] = []
  const membership: string[] = []
  const edges: string[] = []
  const labels = new Map<string, string>()
  const walk = (parent: ASTNode, cluster: string | undefined): void => {
    for (const statement of parent.children) {
      if (statement.type === 'Node') {
        nodes.push(statement.id.value)
        labels.set(statement.id.value, attributesOf(statement).label ?? '')
        if (cluster !== undefined) membership.push(`${statement.id.value} in ${cluster}`)
      }
      if (statement.type === 'Subgraph') {
        const id = statement.id?.value
        // Anonymous subgraphs only hold a column in order (rank=same, invisible edges).
        if (id === undefined) continue
        const name = id.replace(/^cluster_/, '')
        clusters.push(cluster === undefined ? name : `${name} < ${cluster}`)
        walk(statement, name)
      }
      if (statement.type === 'Edge' && parent.type === 'Graph') {
        const [source, target] = statement.targets
        if (source?.type !== 'NodeRef' || target?.type !== 'NodeRef') throw new Error('edge')
        const style = attributesOf(statement).style
        edges.push(
          `${source.id.value} -> ${target.id.value} (${style === 'dashed' ? 'inferred' : 'stated'})`,
        )
      }
    }
  }
  walk(graph, undefined)
  return {
    nodes: nodes.sort(),
    clusters: clusters.sort(),
    membership: membership.sort(),
    edges: edges.sort(),
    labels,
  }
}

const mermaidNode =
  /^\s*(n_\w+)(\[\[|\[\/|\[\(|\(\[|\[|\()"([^"]*)"(\]\]|\/\]|\)\]|\]\)|\]|\)):::(\w+)$/
const mermaidEdge = /^\s*(n_\w+) (-->|-\.->)(?:\|[a-z -]+\|)? (n_\w+)$/
const mermaidSubgraph = /^\s*subgraph (g_\w+)\["[^"]*"\]$/

/**
 * A Mermaid flowchart read line by line (Mermaid's own parser reads it in the browser tests).
 * Ids are given back through `idOf`, the diagram's own ids keyed by their Mermaid ids.
 */
export function readMermaid(text: string, idOf: ReadonlyMap<string, string>): ReadDiagram {
  const nodes: string[] = []
  const clusters: string[] = []
  const membership: string[] = []
  const edges: string[] = []
  const open: string[] = []
  const id = (mermaid: string): string => idOf.get(mermaid) ?? `?${mermaid}`
  for (const line of text.split('\n')) {
    const subgraph = mermaidSubgraph.exec(line)
    if (subgraph?.[1]) {
      const name = id(subgraph[1])
      const parent = open.at(-1)
      clusters.push(parent === undefined ? name : `${name} < ${parent}`)
      open.push(name)
      continue
    }
    if (line.trim() === 'end') {
      open.pop()
      continue
    }
    const node = mermaidNode.exec(line)
    if (node?.[1]) {
      nodes.push(id(node[1]))
      const cluster = open.at(-1)
      if (cluster !== undefined) membership.push(`${id(node[1])} in ${cluster}`)
      continue
    }
    const edge = mermaidEdge.exec(line)
    if (edge?.[1] && edge[3])
      edges.push(`${id(edge[1])} -> ${id(edge[3])} (${edge[2] === '-.->' ? 'inferred' : 'stated'})`)
  }
  return {
    nodes: nodes.sort(),
    clusters: clusters.sort(),
    membership: membership.sort(),
    edges: edges.sort(),
  }
}

type XmlElement = Record<string, unknown>

/** An SVG read with an XML parser, by its data attributes; it must be well-formed XML. */
export function readSvg(text: string): ReadDiagram {
  const valid = XMLValidator.validate(text)
  if (valid !== true) throw new Error(`Unexpected malformed SVG: ${valid.err.msg}`)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
  })
  const nodes: string[] = []
  const clusters: string[] = []
  const membership: string[] = []
  const edges: string[] = []
  const walk = (items: readonly XmlElement[]): void => {
    for (const item of items) {
      const attributes = (item[':@'] ?? {}) as Record<string, string>
      if (attributes['data-id'] !== undefined) {
        nodes.push(attributes['data-id'])
        if (attributes['data-cluster'] !== undefined)
          membership.push(`${attributes['data-id']} in ${attributes['data-cluster']}`)
      }
      if (attributes['data-cluster'] !== undefined && attributes['data-id'] === undefined)
        clusters.push(
          attributes['data-parent'] === undefined
            ? attributes['data-cluster']
            : `${attributes['data-cluster']} < ${attributes['data-parent']}`,
        )
      if (attributes['data-source'] !== undefined)
        edges.push(
          `${attributes['data-source']} -> ${attributes['data-target']} (${attributes['data-basis']})`,
        )
      for (const [key, value] of Object.entries(item))
        if (key !== ':@' && Array.isArray(value)) walk(value as XmlElement[])
    }
  }
  walk(parser.parse(text) as XmlElement[])
  return {
    nodes: nodes.sort(),
    clusters: clusters.sort(),
    membership: membership.sort(),
    edges: edges.sort(),
  }
}
