import { buildTraceReport, type KnowledgeBase } from '@realist-kb/core'
import * as exporters from '@realist-kb/export'
import { parse as parseDot } from '@ts-graphviz/ast'
import { XMLValidator } from 'fast-xml-parser'
import { strFromU8, unzipSync } from 'fflate'
import type { Element } from 'hast'
import { describe, expect, it } from 'vitest'
import { ids, knowledgeBaseWith, payloads } from './payloads.js'
import { htmlElements, markdownShape, syntaxLines, xmlShapes } from './shapes.js'

// Exporters are looked up by name, so that the outputs can be listed as data; a name that finds no
// exporter yields no output, which the first test below refuses.
const api = exporters as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>
const call = (name: string, ...args: unknown[]): unknown => api[name]?.(...args)
const text = (name: string, ...args: unknown[]): string | undefined => {
  const output = call(name, ...args)
  return typeof output === 'string' ? output : undefined
}

type Outputs = Record<string, string | undefined>

// The project XML inside a .qdpx archive.
function projectOf(archive: unknown): string | undefined {
  if (!(archive instanceof Uint8Array)) return undefined
  const project = unzipSync(archive)['project.qde']
  return project === undefined ? undefined : strFromU8(project)
}

/** Every output of every exporter for one knowledge base. */
function outputsOf(kb: KnowledgeBase): Outputs {
  const report = buildTraceReport(kb)
  const theory = call('programmeTheoryDiagram', kb)
  const trace = call('traceDiagram', kb, ids.recommendation)
  return {
    html: text('renderHtml', report),
    markdown: text('renderMarkdown', report),
    csv: text('renderCsv', report),
    gapMapCsv: text('renderGapMapCsv', report),
    json: text('renderJson', report),
    gexf: text('writeGexf', kb),
    graphml: text('writeGraphml', kb),
    codebook: text('writeCodebook', call('toCodebook', kb)),
    qdpxProject: projectOf(call('writeQdpx', kb)),
    cslJson: text('writeCslJson', kb),
    kbJson: text('writeKnowledgeBaseJson', kb),
    mermaidTheory: theory === undefined ? undefined : text('writeMermaid', theory),
    mermaidTrace: trace === undefined ? undefined : text('writeMermaid', trace),
    dotTheory: theory === undefined ? undefined : text('writeDot', theory),
    dotTrace: trace === undefined ? undefined : text('writeDot', trace),
    svgTheory: theory === undefined ? undefined : text('writeSvg', theory),
    svgTrace: trace === undefined ? undefined : text('writeSvg', trace),
  }
}

const baseline = outputsOf(knowledgeBaseWith('Plain text'))
const hostile = payloads.map((payload) => [payload, knowledgeBaseWith(payload)] as const)

const urlAttributes = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'xLinkHref',
  'data',
  'poster',
  'background',
  'cite',
  'srcSet',
  'ping',
])
// Elements a report may hold only as many of as it holds with plain text: its own.
const counted = [
  'script',
  'style',
  'meta',
  'link',
  'base',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'svg',
  'foreignObject',
  'use',
  'image',
  'animate',
  'set',
  'template',
  'noscript',
  'math',
]
const countTags = (elements: readonly Element[]): Record<string, number> => {
  const counts: Record<string, number> = Object.fromEntries(counted.map((tag) => [tag, 0]))
  for (const element of elements)
    if (element.tagName in counts) counts[element.tagName] = (counts[element.tagName] ?? 0) + 1
  return counts
}
const scripts = (elements: readonly Element[]): string[] =>
  elements
    .filter((e) => e.tagName === 'script')
    .map((e) => e.children.map((child) => ('value' in child ? child.value : '')).join(''))
// Parsing a report's HTML is most of this file's time: the plain report is parsed once for all
// payloads, each hostile report once for all of its checks.
const baselineElements = htmlElements(baseline.html as string)
const baselineTags = countTags(baselineElements)
const baselineScripts = scripts(baselineElements)

it('finds every exporter it names, each writing text', () => {
  expect(Object.entries(baseline).filter(([, output]) => output === undefined)).toEqual([])
})

/** Every string anywhere in a parsed JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn)
  return []
}

describe.each(
  hostile.map(
    ([payload, kb], index) => [index, JSON.stringify(payload).slice(0, 60), kb, payload] as const,
  ),
)('payload %i %s in every field and body', (_index, _shown, kb, payload) => {
  const outputs = outputsOf(kb)

  it('loads as a valid knowledge base (so every exporter sees it)', () => {
    expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(kb.graph.order).toBe(9)
  })

  it('HTML: no element, handler or URL that content brought in', () => {
    const html = outputs.html as string
    const elements = htmlElements(html)
    expect(countTags(elements)).toEqual(baselineTags)
    expect(scripts(elements)).toEqual(baselineScripts)
    for (const element of elements) {
      for (const [name, value] of Object.entries(element.properties)) {
        expect(name, `<${element.tagName} ${name}>`).not.toMatch(/^on/i)
        if (urlAttributes.has(name))
          expect(String(value), `<${element.tagName} ${name}>`).not.toMatch(
            /^\s*(javascript|vbscript|data|file):/i,
          )
        expect(`${name}=${String(value)}`).not.toMatch(/^style=.*(expression|url\()/i)
      }
    }
    // The report's own anchors stay unique: content cannot clobber them.
    for (const id of html.match(/id="rkb-[^"]+"/g) ?? [])
      expect(html.split(id).length - 1, id).toBe(1)
  })

  it('Markdown: text stays text (same structure as with plain text)', () => {
    expect(markdownShape(outputs.markdown as string)).toBe(
      markdownShape(baseline.markdown as string),
    )
  })

  it.each(['csv', 'gapMapCsv'] as const)(
    '%s: same rows and columns, no cell a spreadsheet runs',
    (format) => {
      const rows = parseCsv(outputs[format] as string)
      const plain = parseCsv(baseline[format] as string)
      expect(rows.map((row) => row.length)).toEqual(plain.map((row) => row.length))
      for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/)
    },
  )

  it.each(['json', 'cslJson', 'kbJson'] as const)(
    '%s: parses, and keeps the text as a value',
    (format) => {
      expect(stringsIn(JSON.parse(outputs[format] as string))).toContain(payload)
    },
  )

  it.each(['gexf', 'graphml', 'codebook', 'qdpxProject', 'svgTheory', 'svgTrace'] as const)(
    '%s: well-formed XML of the same structure, no declarations from content',
    (format) => {
      const xml = outputs[format] as string
      expect(XMLValidator.validate(xml)).toBe(true)
      expect(xml).not.toMatch(/<!DOCTYPE|<!ENTITY|<!\[CDATA\[/)
      expect(xml.slice(1)).not.toMatch(/<\?/)
      const plain = xmlShapes(baseline[format] as string)
      expect([...xmlShapes(xml)].filter((shape) => !plain.has(shape))).toEqual([])
    },
  )

  it.each(['mermaidTheory', 'mermaidTrace'] as const)(
    '%s: same statements, text only inside labels',
    (format) => {
      const output = outputs[format] as string
      const syntax = syntaxLines(output)
      expect(syntax).toEqual(syntaxLines(baseline[format] as string))
      // Outside quoted labels, nothing from content: no directive, link or markup.
      expect(syntax.join('\n')).not.toMatch(/javascript:|%%\{|<script/i)
    },
  )

  it.each(['dotTheory', 'dotTrace'] as const)(
    '%s: parses to the same graph, text only inside strings',
    (format) => {
      const output = outputs[format] as string
      expect(() => parseDot(output)).not.toThrow()
      expect(syntaxLines(output)).toEqual(syntaxLines(baseline[format] as string))
    },
  )
})

/** RFC 4180 rows: quoted cells may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"'
        index++
      } else if (character === '"') quoted = false
      else cell += character
    } else if (character === '"') quoted = true
    else if (character === ',') {
      row.push(cell)
      cell = ''
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      index++
    } else if (character === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += character
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}
