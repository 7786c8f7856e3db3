import { createRequire } from 'node:module'
import path from 'node:path'
import { entitiesOfKind } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import {
  type Diagram,
  programmeTheoryDiagram,
  traceDiagram,
  writeMermaid,
} from '@realist-kb/export'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nestedBase } from '../../packages/export/test/diagram/nested-base.js'
import { connectChromium, hasChromium } from './chromium.js'

const require = createRequire(import.meta.url)
const root = path.resolve(import.meta.dirname, '../..')
const validFixture = path.join(root, 'packages/core/test/fixtures/valid')
const hostileFixture = path.join(root, 'packages/export/test/fixtures/hostile')

interface Rendered {
  readonly nodes: number
  readonly edges: number
  readonly labels: string[]
  readonly scripts: number
  readonly handlers: string[]
}

/**
 * Mermaid's own parser and renderer, in chromium: the flowcharts we write are read by the real
 * grammar (a line-by-line check in the export tests only knows the lines we meant to write).
 */
describe.skipIf(!hasChromium)('Mermaid flowcharts read by Mermaid itself', () => {
  let browser: Browser
  let page: Page
  const diagrams: [string, Diagram][] = []

  beforeAll(async () => {
    const content = await loadDirectory(path.join(root, 'content'))
    const valid = await loadDirectory(validFixture)
    const hostile = await loadDirectory(hostileFixture)
    for (const [name, kb] of [
      ['valid', valid],
      ['hostile', hostile],
      ['bundled', content],
    ] as const) {
      diagrams.push([`the ${name} programme theory`, programmeTheoryDiagram(kb)])
      for (const rec of entitiesOfKind(kb.graph, 'recommendation')) {
        const trace = traceDiagram(kb, rec.id)
        if (trace) diagrams.push([`the ${name} trace of ${rec.id}`, trace])
      }
    }
    // Groups nested two deep, which the bundled review does not have.
    diagrams.push(['the nested programme theory', programmeTheoryDiagram(nestedBase())])
    browser = await connectChromium()
    page = await browser.newPage()
    await page.setContent('<!doctype html><html><body></body></html>')
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') })
    await page.evaluate(() => {
      ;(globalThis as unknown as MermaidGlobal).mermaid.initialize({ startOnLoad: false })
    })
  })

  afterAll(async () => {
    await browser?.close()
  })

  const parse = (text: string): Promise<string> =>
    page.evaluate(async (source) => {
      try {
        await (globalThis as unknown as MermaidGlobal).mermaid.parse(source)
        return 'ok'
      } catch (error) {
        return String(error)
      }
    }, text)

  it('refuses a broken flowchart (the parser is strict enough to test with)', async () => {
    expect(await parse('flowchart LR\n  a["x"]]\n')).not.toBe('ok')
    expect(await parse('flowchart LR\n  a["x"] --> b["y"]\n')).toBe('ok')
  })

  it('parses every programme theory and trace: valid, hostile and bundled', async () => {
    expect(diagrams.length).toBeGreaterThan(25)
    const failures: string[] = []
    for (const [name, diagram] of diagrams) {
      const result = await parse(writeMermaid(diagram))
      if (result !== 'ok') failures.push(`${name}: ${result}`)
    }
    expect(failures).toEqual([])
  })

  it("reads back, with Mermaid's own parser, the nodes, nested groups and arrows of the model", async () => {
    for (const name of [
      'the bundled programme theory',
      'the hostile programme theory',
      'the nested programme theory',
    ]) {
      const [, diagram] = diagrams.find(([label]) => label === name) ?? []
      if (!diagram) throw new Error(`no ${name}`)
      const read = await page.evaluate(async (source): Promise<ParsedFlowchart> => {
        const parsed = await (
          globalThis as unknown as MermaidGlobal
        ).mermaid.mermaidAPI.getDiagramFromText(source)
        const { db } = parsed
        return {
          vertices: [...db.getVertices().keys()],
          edges: db.getEdges().map((edge) => [edge.start, edge.end, edge.stroke] as const),
          subgraphs: db.getSubGraphs().map((subgraph) => [subgraph.id, subgraph.nodes] as const),
        }
      }, writeMermaid(diagram))
      // Mermaid's ids are the model's ids with a prefix, every other character an underscore.
      const id = (prefix: string, value: string): string =>
        `${prefix}${value.replace(/[^A-Za-z0-9]/g, '_')}`
      expect(read.vertices.sort()).toEqual(diagram.nodes.map((node) => id('n_', node.id)).sort())
      expect(read.edges.map(([start, end, stroke]) => `${start} ${end} ${stroke}`).sort()).toEqual(
        diagram.edges
          .map(
            (edge) =>
              `${id('n_', edge.source)} ${id('n_', edge.target)} ${edge.basis === 'inferred' ? 'dotted' : 'normal'}`,
          )
          .sort(),
      )
      // Each subgraph holds its own nodes and its sub-groups' subgraphs.
      expect(
        read.subgraphs
          .map(([subgraph, nodes]) => `${subgraph}: ${[...nodes].sort().join(' ')}`)
          .sort(),
      ).toEqual(
        diagram.clusters
          .map((cluster) => {
            const inside = [
              ...diagram.nodes
                .filter((node) => node.cluster === cluster.id)
                .map((node) => id('n_', node.id)),
              ...diagram.clusters
                .filter((child) => child.parent === cluster.id)
                .map((child) => id('g_', child.id)),
            ]
            return `${id('g_', cluster.id)}: ${inside.sort().join(' ')}`
          })
          .sort(),
      )
    }
  })

  it('renders the hostile theory with every node and arrow, its labels as text', async () => {
    const [, diagram] = diagrams.find(([name]) => name === 'the hostile programme theory') ?? []
    if (!diagram) throw new Error('no hostile theory')
    const rendered = await page.evaluate(async (source): Promise<Rendered> => {
      const { svg } = await (globalThis as unknown as MermaidGlobal).mermaid.render(
        'hostile',
        source,
      )
      const host = document.createElement('div')
      host.innerHTML = svg
      return {
        nodes: host.querySelectorAll('g.node').length,
        edges: host.querySelectorAll('path.flowchart-link').length,
        labels: Array.from(host.querySelectorAll('g.node')).map((node) => node.textContent ?? ''),
        scripts: host.querySelectorAll('script').length,
        handlers: Array.from(host.querySelectorAll('*')).flatMap((element) =>
          element.getAttributeNames().filter((attribute) => attribute.startsWith('on')),
        ),
      }
    }, writeMermaid(diagram))
    expect(rendered.nodes).toBe(diagram.nodes.length)
    expect(rendered.edges).toBe(diagram.edges.length)
    expect(rendered.scripts).toBe(0)
    expect(rendered.handlers).toEqual([])
    // Each box shows its label's characters, markup included, and nothing else (line breaks
    // aside: labels are wrapped, so whitespace is left out of the comparison).
    const text = (label: string): string => label.replace(/\s+/g, '')
    expect(rendered.labels.map(text).sort()).toEqual(
      diagram.nodes.map((node) => text(node.label)).sort(),
    )
    expect(rendered.labels.join(' ')).toContain('<script>')
  })

  it("wraps each label once: no box has more lines than its text needs at Mermaid's width", async () => {
    const [, diagram] = diagrams.find(([name]) => name === 'the bundled programme theory') ?? []
    if (!diagram) throw new Error('no bundled theory')
    const labels = await page.evaluate(async (source): Promise<WrappedLabel[]> => {
      const { svg } = await (globalThis as unknown as MermaidGlobal).mermaid.render('wrap', source)
      const host = document.createElement('div')
      document.body.append(host)
      host.innerHTML = svg
      const measured = Array.from(host.querySelectorAll('g.node .nodeLabel')).map((label) => {
        // The lines a label takes, read from the layout: its height over its line height.
        const style = getComputedStyle(label)
        const lines = Math.round(
          label.getBoundingClientRect().height / Number.parseFloat(style.lineHeight),
        )
        // The same text on one line, in the same font, against the width Mermaid wraps at.
        const probe = document.createElement('span')
        probe.style.whiteSpace = 'nowrap'
        probe.style.font = style.font
        probe.textContent = label.textContent
        host.append(probe)
        const natural = probe.getBoundingClientRect().width
        probe.remove()
        const box = label.closest('div')
        const width = Number.parseFloat(getComputedStyle(box ?? label).maxWidth) || 200
        return {
          text: label.textContent ?? '',
          lines,
          breaks: label.querySelectorAll('br').length,
          needed: Math.ceil(natural / width),
        }
      })
      host.remove()
      return measured
    }, writeMermaid(diagram))
    expect(labels).toHaveLength(diagram.nodes.length)
    expect(labels.some((label) => label.needed > 1)).toBe(true)
    // Breaking lines ourselves and letting Mermaid wrap each one again gave boxes twice as tall
    // as their text needs; wrapped once, a label takes at most one line more than its length
    // needs (a word that does not fit goes down whole).
    expect(labels.filter((label) => label.breaks > 0)).toEqual([])
    expect(labels.filter((label) => label.lines > label.needed + 1)).toEqual([])
  })
})

interface WrappedLabel {
  readonly text: string
  readonly lines: number
  readonly breaks: number
  readonly needed: number
}

interface ParsedFlowchart {
  readonly vertices: string[]
  readonly edges: (readonly [string, string, string])[]
  readonly subgraphs: (readonly [string, readonly string[]])[]
}

interface MermaidGlobal {
  mermaid: {
    mermaidAPI: {
      getDiagramFromText(text: string): Promise<{
        db: {
          getVertices(): Map<string, unknown>
          getEdges(): { start: string; end: string; stroke: string }[]
          getSubGraphs(): { id: string; nodes: string[] }[]
        }
      }>
    }
    initialize(config: { startOnLoad: boolean }): void
    parse(text: string): Promise<unknown>
    render(id: string, text: string): Promise<{ svg: string }>
  }
}
