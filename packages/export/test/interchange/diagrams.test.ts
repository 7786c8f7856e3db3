import { loadDirectory } from '@realist-kb/core/node'
import {
  type Diagram,
  programmeTheoryDiagram,
  traceDiagram,
  writeDot,
  writeMermaid,
  writeSvg,
} from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { readDot } from '../diagram/read-diagrams.js'
import { hostileFixture, loadContent, validFixture } from './helpers.js'

const valid = await loadDirectory(validFixture)
const hostile = await loadDirectory(hostileFixture)
const content = await loadContent()

const oneLine = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\p{Cc}/gu, '')

// What Graphviz shows for a quoted label: `\\"` is a quote, `\n` a line break; a backslash from
// content is shown as `⧵`, which looks the same and expands nothing.
const shownDotLabel = (value: string): string =>
  value
    .replace(/\\(.)/g, (_match, char: string) => (char === 'n' ? ' ' : char))
    .replace(/\u29F5/g, '\\')

function checkDot(diagram: Diagram): void {
  const dot = readDot(writeDot(diagram))
  expect(dot.nodes).toEqual(diagram.nodes.map((node) => node.id).sort())
  for (const node of diagram.nodes) {
    expect(shownDotLabel(dot.labels.get(node.id) ?? '')).toBe(oneLine(node.label))
  }
  expect(dot.edges).toEqual(
    diagram.edges.map((edge) => `${edge.source} -> ${edge.target} (${edge.basis})`).sort(),
  )
}

const mermaidNode =
  /^ +(n_\w+)(\[\[|\[\/|\[\(|\(\[|\[|\()"([^"]*)"(\]\]|\/\]|\)\]|\]\)|\]|\)):::(\w+)$/
const mermaidEdge = /^ {2}(n_\w+) (-->|-\.->)(?:\|[a-z -]+\|)? (n_\w+)$/
const mermaidClass = /^ {2}classDef \w+ fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#1a1a1a$/
const mermaidSubgraph = /^ +(subgraph g_\w+\["[^"]*"\]|end)$/

// A line-by-line check of the Mermaid flowchart grammar we emit: every line is a node, an edge,
// a class or a subgraph's start or end, so no label can have opened a statement of its own.
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
  const other = body.filter((line) => mermaidClass.test(line) || mermaidSubgraph.test(line))
  expect(nodes.length + edges.length + other.length).toBe(body.length)
  expect(nodes).toHaveLength(diagram.nodes.length)
  const shown = nodes.map((line) => {
    const label = mermaidNode.exec(line)?.[3] ?? ''
    // One line per label: Mermaid does the wrapping.
    expect(label).not.toContain('<br')
    return label.replace(/#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)))
  })
  expect(shown.sort()).toEqual(diagram.nodes.map((node) => oneLine(node.label)).sort())
  expect(edges.map((line) => mermaidEdge.exec(line)?.[2])).toEqual(
    diagram.edges.map((edge) => (edge.basis === 'inferred' ? '-.->' : '-->')),
  )
}

describe('programme theory and trace diagrams', () => {
  it("draws CMOCs and recommendations in their group's frame, inferred links dashed", () => {
    const diagram = programmeTheoryDiagram(valid)
    expect(diagram.clusters.map((cluster) => cluster.id)).toEqual(['coherence'])
    expect(diagram.nodes.map((node) => `${node.id} in ${node.cluster}`)).toEqual([
      'cmoc-1a in coherence',
      'rec-1-1 in coherence',
    ])
    expect(diagram.edges).toEqual([
      { source: 'cmoc-1a', target: 'rec-1-1', type: 'derived-from', basis: 'inferred' },
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
    // A CMOC traces to its evidence and studies, and to the recommendations resting on it.
    const cmocTrace = traceDiagram(valid, 'cmoc-1a')
    expect(cmocTrace?.nodes.map((node) => node.id)).toContain('rec-1-1')
    expect(cmocTrace?.nodes.map((node) => node.id)).toContain('doe-2020')
    expect(traceDiagram(valid, 'no-such-id')).toBeUndefined()
  })

  it("keeps the theory's order: groups, then each group's CMOCs, by their order", () => {
    const ids = (kind: string) =>
      programmeTheoryDiagram(content)
        .nodes.filter((node) => node.kind === kind)
        .map((node) => node.id)
    expect(programmeTheoryDiagram(content).clusters.map((cluster) => cluster.id)).toEqual([
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
    // DOT holds that order: the groups' clusters come in it, each column within a cluster is
    // chained in it, and successors keep theirs.
    const dot = writeDot(programmeTheoryDiagram(content))
    expect(dot).toContain('ordering=out')
    expect([...dot.matchAll(/subgraph "cluster_([a-z-]+)"/g)].map((match) => match[1])).toEqual([
      'coherence',
      'cognitive-participation',
      'collective-action',
      'reflexive-monitoring',
    ])
    expect(dot).toMatch(
      /\{ rank=same; "cmoc-1a" -> "cmoc-1b" -> "cmoc-1c" -> "cmoc-1d" \[style=invis\]; \}/,
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
    await expect(writeSvg(theory)).toMatchFileSnapshot('__snapshots__/programme-theory.svg')
    await expect(writeSvg(trace)).toMatchFileSnapshot('__snapshots__/trace-rec-1-1.svg')
  })

  it('matches the snapshots of the hostile fixture', async () => {
    const theory = programmeTheoryDiagram(hostile)
    await expect(writeMermaid(theory)).toMatchFileSnapshot('__snapshots__/hostile-theory.mmd')
    await expect(writeDot(theory)).toMatchFileSnapshot('__snapshots__/hostile-theory.dot')
    await expect(writeSvg(theory)).toMatchFileSnapshot('__snapshots__/hostile-theory.svg')
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
      clusters: [{ id: 'c-d', label: escapes, detail: escapes }],
      nodes: [{ id: 'a-b', kind: 'cmoc', label: escapes, detail: escapes, cluster: 'c-d' }],
      edges: [{ source: 'a-b', target: 'a-b', type: 'leads-to', basis: 'stated', label: escapes }],
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
