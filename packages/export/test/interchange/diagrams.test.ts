import { loadDirectory } from '@realist-kb/core/node'
import {
  type Diagram,
  programmeTheoryDiagram,
  traceDiagram,
  writeDot,
  writeMermaid,
} from '@realist-kb/export'
import { type ASTNode, parse } from '@ts-graphviz/ast'
import { describe, expect, it } from 'vitest'
import { hostileFixture, loadContent, validFixture } from './helpers.js'

const valid = await loadDirectory(validFixture)
const hostile = await loadDirectory(hostileFixture)
const content = await loadContent()

const oneLine = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\p{Cc}/gu, '')

interface DotGraph {
  nodes: Map<string, Record<string, string>>
  edges: { source: string; target: string; attributes: Record<string, string> }[]
}

function attributesOf(node: ASTNode): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const child of node.children) {
    if (child.type === 'Attribute') attributes[child.key.value] = child.value.value
  }
  return attributes
}

// Read nodes and edges back with a real DOT parser.
function readDot(text: string): DotGraph {
  const dot = parse(text)
  const graph = dot.children.find((child) => child.type === 'Graph')
  if (!graph) throw new Error('no graph')
  const result: DotGraph = { nodes: new Map(), edges: [] }
  for (const statement of graph.children) {
    if (statement.type === 'Node') result.nodes.set(statement.id.value, attributesOf(statement))
    if (statement.type === 'Edge') {
      const [source, target] = statement.targets
      if (source?.type !== 'NodeRef' || target?.type !== 'NodeRef') throw new Error('edge')
      result.edges.push({
        source: source.id.value,
        target: target.id.value,
        attributes: attributesOf(statement),
      })
    }
  }
  return result
}

// What Graphviz shows for a quoted label: `\\"` is a quote, `\n` a line break; a backslash from
// content is shown as `⧵`, which looks the same and expands nothing.
const shownDotLabel = (value: string): string =>
  value
    .replace(/\\(.)/g, (_match, char: string) => (char === 'n' ? ' ' : char))
    .replace(/\u29F5/g, '\\')

function checkDot(diagram: Diagram): void {
  const dot = readDot(writeDot(diagram))
  expect([...dot.nodes.keys()]).toEqual(diagram.nodes.map((node) => node.id))
  for (const node of diagram.nodes) {
    expect(shownDotLabel(dot.nodes.get(node.id)?.label ?? '')).toBe(oneLine(node.label))
  }
  expect(dot.edges.map((edge) => [edge.source, edge.target, edge.attributes.style])).toEqual(
    diagram.edges.map((edge) => [
      edge.source,
      edge.target,
      edge.basis === 'inferred' ? 'dashed' : 'solid',
    ]),
  )
}

const mermaidNode =
  /^ {2}(n_\w+)(\[\[|\[\/|\[\(|\(\[|\[|\()"([^"]*)"(\]\]|\/\]|\)\]|\]\)|\]|\)):::(\w+)$/
const mermaidEdge = /^ {2}(n_\w+) (-->|-\.->)(?:\|[a-z -]+\|)? (n_\w+)$/
const mermaidClass = /^ {2}classDef \w+ fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#1a1a1a$/

// A line-by-line check of the Mermaid flowchart grammar we emit: every line is a node, an edge or
// a class, so no label can have opened a statement of its own.
function checkMermaid(diagram: Diagram): void {
  const lines = writeMermaid(diagram).trimEnd().split('\n')
  expect(lines.slice(0, 4)).toEqual([
    '---',
    `title: ${JSON.stringify(oneLine(diagram.title))}`,
    '---',
    'flowchart LR',
  ])
  const body = lines.slice(4)
  const nodes = body.filter((line) => mermaidNode.test(line))
  const edges = body.filter((line) => mermaidEdge.test(line))
  expect(nodes.length + edges.length + body.filter((l) => mermaidClass.test(l)).length).toBe(
    body.length,
  )
  expect(nodes).toHaveLength(diagram.nodes.length)
  nodes.forEach((line, index) => {
    const label = mermaidNode.exec(line)?.[3] ?? ''
    // One line per label: Mermaid does the wrapping.
    expect(label).not.toContain('<br')
    const shown = label.replace(/#(\d+);/g, (_match, code: string) =>
      String.fromCharCode(Number(code)),
    )
    expect(shown).toBe(oneLine(diagram.nodes[index]?.label ?? ''))
  })
  expect(edges.map((line) => mermaidEdge.exec(line)?.[2])).toEqual(
    diagram.edges.map((edge) => (edge.basis === 'inferred' ? '-.->' : '-->')),
  )
}

describe('programme theory and trace diagrams', () => {
  it('draws groups, CMOCs and recommendations, inferred links dashed', () => {
    const diagram = programmeTheoryDiagram(valid)
    expect(diagram.nodes.map((node) => node.id)).toEqual(['coherence', 'cmoc-1a', 'rec-1-1'])
    expect(diagram.edges).toEqual([
      { source: 'coherence', target: 'cmoc-1a', basis: 'stated' },
      { source: 'cmoc-1a', target: 'rec-1-1', basis: 'inferred' },
    ])
  })

  it('traces a recommendation to CMOCs, evidence and studies', () => {
    const diagram = traceDiagram(valid, 'rec-1-1')
    expect(diagram?.nodes.map((node) => `${node.kind}:${node.id}`)).toEqual([
      'recommendation:rec-1-1',
      'cmoc:cmoc-1a',
      'evidence:doe-2020-e1',
      'study:doe-2020',
      'evidence:roe-2021-e1',
      'study:roe-2021',
    ])
    // Arrows follow the chain of support: study -> evidence -> CMOC -> recommendation.
    expect(
      diagram?.edges.map((edge) => `${edge.source} -${edge.label ?? ''}-> ${edge.target}`),
    ).toEqual([
      'cmoc-1a --> rec-1-1',
      'doe-2020-e1 -supports-> cmoc-1a',
      'doe-2020 --> doe-2020-e1',
      'roe-2021-e1 -refines-> cmoc-1a',
      'roe-2021 --> roe-2021-e1',
    ])
    expect(traceDiagram(valid, 'cmoc-1a')).toBeUndefined()
    expect(traceDiagram(valid, 'no-such-id')).toBeUndefined()
  })

  it("keeps the theory's order: groups, then each group's CMOCs, by their order", () => {
    const ids = (kind: string) =>
      programmeTheoryDiagram(content)
        .nodes.filter((node) => node.kind === kind)
        .map((node) => node.id)
    expect(ids('group')).toEqual([
      'coherence',
      'cognitive-participation',
      'collective-action',
      'reflexive-monitoring',
    ])
    expect(ids('cmoc').slice(0, 6)).toEqual([
      'cmoc-1a',
      'cmoc-1b',
      'cmoc-1c',
      'cmoc-1d',
      'cmoc-2a',
      'cmoc-2b',
    ])
    // DOT holds that order: each column is chained in it, and successors keep theirs.
    const dot = writeDot(programmeTheoryDiagram(content))
    expect(dot).toContain('ordering=out')
    expect(dot).toContain(
      '{ rank=same; "coherence" -> "cognitive-participation" -> "collective-action" -> "reflexive-monitoring" [style=invis]; }',
    )
    expect(dot).toMatch(
      /\{ rank=same; "cmoc-1a" -> "cmoc-1b" -> "cmoc-1c" -> "cmoc-1d" -> "cmoc-2a"/,
    )
  })

  it('matches the snapshots of the valid fixture', async () => {
    const theory = programmeTheoryDiagram(valid)
    const trace = traceDiagram(valid, 'rec-1-1')
    if (!trace) throw new Error('no trace')
    await expect(writeMermaid(theory)).toMatchFileSnapshot('__snapshots__/programme-theory.mmd')
    await expect(writeDot(theory)).toMatchFileSnapshot('__snapshots__/programme-theory.dot')
    await expect(writeMermaid(trace)).toMatchFileSnapshot('__snapshots__/trace-rec-1-1.mmd')
    await expect(writeDot(trace)).toMatchFileSnapshot('__snapshots__/trace-rec-1-1.dot')
  })

  it('matches the snapshots of the hostile fixture', async () => {
    const theory = programmeTheoryDiagram(hostile)
    await expect(writeMermaid(theory)).toMatchFileSnapshot('__snapshots__/hostile-theory.mmd')
    await expect(writeDot(theory)).toMatchFileSnapshot('__snapshots__/hostile-theory.dot')
  })

  const diagrams: [string, () => Diagram | undefined][] = [
    ['the valid programme theory', () => programmeTheoryDiagram(valid)],
    ['the valid trace', () => traceDiagram(valid, 'rec-1-1')],
    ['the hostile programme theory', () => programmeTheoryDiagram(hostile)],
    ['the hostile trace', () => traceDiagram(hostile, 'rec-1-1')],
    ...(content
      ? ([
          ['the bundled programme theory', () => programmeTheoryDiagram(content)],
          ['a bundled trace', () => traceDiagram(content, 'rec-2-3')],
        ] as [string, () => Diagram | undefined][])
      : []),
  ]

  it('writes no Graphviz escape from content in labels, tooltips or titles', () => {
    const escapes = ['N', 'G', 'E', 'T', 'H', 'L', 'l', 'r', '\\N', '']
      .map((c) => `\\${c}`)
      .join(' ')
    const dot = writeDot({
      name: 'escapes',
      title: escapes,
      nodes: [{ id: 'a-b', kind: 'cmoc', label: escapes, detail: escapes }],
      edges: [{ source: 'a-b', target: 'a-b', basis: 'stated', label: escapes }],
    })
    // Every backslash left is one of the writer's own: a line break `\n` or a quote `\"`.
    expect(dot.match(/\\[^n"]/g)).toBeNull()
    expect(dot).toContain('⧵N ⧵G ⧵E ⧵T ⧵H ⧵L ⧵l ⧵r ⧵⧵N ⧵')
  })

  it.each(diagrams)('writes DOT for %s that a real parser reads back intact', (_name, make) => {
    const diagram = make()
    if (!diagram) throw new Error('no diagram')
    checkDot(diagram)
  })

  it.each(diagrams)('writes Mermaid for %s where no label escapes its quotes', (_name, make) => {
    const diagram = make()
    if (!diagram) throw new Error('no diagram')
    checkMermaid(diagram)
  })
})
