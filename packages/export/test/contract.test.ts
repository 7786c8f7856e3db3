// One contract, run against every format of the registry (reports and interchange): the same
// input gives byte-identical output ending with a newline, every entity the format carries is
// there, and every in-document link resolves. A format added to the registry without its entry
// here fails the first test.
import { buildTraceReport, type KnowledgeBase, type TraceReport } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { type Format, formats } from '@realist-kb/export'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { hostileFixture, loadContent, validFixture } from './interchange/helpers.js'
import { looseEndsKnowledgeBase } from './report-helpers.js'

/** What each format promises beyond determinism, by `input:name`. */
interface Contract {
  /** The entity kinds whose every id appears in the output. */
  readonly carries: readonly ('recommendation' | 'cmoc' | 'study')[]
  /** How the output names an id it carries (default: as it is). */
  readonly names?: (id: string) => string
  /** The in-document links that do not resolve (reports only). */
  readonly unresolved?: (text: string, report: TraceReport) => string[]
}

/** Checks that every in-document link of one format resolves, given the rendered text. */
const linkCheckers = {
  html: (text) =>
    unresolved(
      [...text.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] ?? ''),
      new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '')),
    ),
  md: (text) => {
    const anchors = new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1] ?? ''))
    for (const heading of text.matchAll(/^#+ (.+)$/gm)) anchors.add(githubSlug(heading[1] ?? ''))
    return unresolved(
      [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] ?? ''),
      anchors,
    )
  },
  json: (text, report) => {
    const parsed = JSON.parse(text) as TraceReport
    const ids = new Set(
      [
        ...parsed.cmocs,
        ...parsed.studies,
        ...parsed.recommendations,
        ...parsed.audiences,
        ...parsed.groups,
        ...parsed.evidence,
      ].map((x) => x.id),
    )
    const references = [
      ...parsed.recommendations.flatMap((r) => [
        ...r.cmocs.map((l) => l.id),
        ...r.audiences,
        ...r.studies,
      ]),
      ...parsed.cmocs.flatMap((c) => [...c.evidence, ...c.studies, ...c.recommendations]),
      ...parsed.evidence.flatMap((e) => [e.study, ...e.cmocs.map((l) => l.id)]),
    ]
    expect(parsed.recommendations).toHaveLength(report.recommendations.length)
    return unresolved(references, ids)
  },
  csv: (text, report) => {
    const ids = new Set([...report.cmocs, ...report.studies, ...report.evidence].map((x) => x.id))
    const rows = text.trimEnd().split('\r\n').slice(1)
    return unresolved(
      rows.flatMap((row) =>
        row
          .split(',')
          .filter((cell) => /^(cmoc|[a-z]+-\d{4}(-e\d+)?)/.test(cell) && /^[a-z0-9-]+$/.test(cell)),
      ),
      ids,
    )
  },
  'gap-map': (text, report) => {
    const cmocs = new Set(report.cmocs.map((c) => c.id))
    return unresolved(
      text
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((row) => row.split(',')[1] ?? ''),
      cmocs,
    )
  },
} satisfies Record<string, (text: string, report: TraceReport) => string[]>

function unresolved(references: readonly string[], targets: ReadonlySet<string>): string[] {
  return [...new Set(references.filter((reference) => !targets.has(reference)))]
}

function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-')
}

const contracts: Readonly<Record<string, Contract>> = {
  'trace-report:html': { carries: ['recommendation'], unresolved: linkCheckers.html },
  'trace-report:md': { carries: ['recommendation'], unresolved: linkCheckers.md },
  'trace-report:json': { carries: ['recommendation'], unresolved: linkCheckers.json },
  'trace-report:csv': { carries: ['recommendation'], unresolved: linkCheckers.csv },
  'trace-report:gap-map': { carries: ['cmoc'], unresolved: linkCheckers['gap-map'] },
  'knowledge-base:gexf': { carries: ['recommendation', 'cmoc', 'study'] },
  'knowledge-base:graphml': { carries: ['recommendation', 'cmoc', 'study'] },
  'knowledge-base:json': { carries: ['recommendation', 'cmoc', 'study'] },
  'knowledge-base:mermaid': { carries: [] },
  'knowledge-base:dot': { carries: ['recommendation', 'cmoc'] },
  'knowledge-base:svg': { carries: ['recommendation', 'cmoc'], names: (id) => `data-id="${id}"` },
  'knowledge-base:qdc': { carries: [] },
  'knowledge-base:qdpx': { carries: [] },
  'knowledge-base:csl-json': { carries: ['study'] },
  'knowledge-base:ris': { carries: ['study'], names: (id) => `\r\nID  - ${id}\r\n` },
  'knowledge-base:bibtex': { carries: ['study'], names: (id) => `{${id},\n` },
  // The flow of documents: figures, not entities.
  'knowledge-base:prisma-csv': { carries: [] },
}

const keyOf = (format: Format): string => `${format.input}:${format.name}`

// Each source loads afresh on every call: determinism is checked across two loads.
const sources: [string, () => Promise<KnowledgeBase>][] = [
  ['valid fixture', () => loadDirectory(validFixture)],
  ['hostile fixture', () => loadDirectory(hostileFixture)],
  ['bundled review', loadContent],
  ['valid fixture with a recommendation under no group', looseEndsKnowledgeBase],
]

/** The output of a format on a knowledge base, and with a trace when the format draws one. */
function render(format: Format, kb: KnowledgeBase): string[] {
  if (format.input === 'trace-report') return [format.render(buildTraceReport(kb))]
  const first = kb.graph.filterNodes((_id, entity) => entity.kind === 'recommendation').sort()[0]
  return [
    format.render(kb),
    ...(format.traces && first !== undefined ? [format.render(kb, { trace: first })] : []),
  ].map(asText)
}

/** An archive's files as text, in archive order (the project, then each study's source). */
function asText(output: string | Uint8Array): string {
  if (typeof output === 'string') return output
  return `${Object.entries(unzipSync(output))
    .map(([name, bytes]) => `${name}\n${strFromU8(bytes)}`)
    .join('')}\n`
}

it('every registered format has a contract, and each name is registered once per input', () => {
  expect(formats.map(keyOf).sort()).toEqual(Object.keys(contracts).sort())
})

// Two loads of each source, shared by every format: loading the bundled review twice for each of
// the formats was most of this file's time. The last test checks that rendering changed neither.
const loads = new Map<string, Promise<readonly [KnowledgeBase, KnowledgeBase]>>()
function twoLoads(source: string, load: () => Promise<KnowledgeBase>) {
  let both = loads.get(source)
  if (!both) {
    both = Promise.all([load(), load()])
    loads.set(source, both)
  }
  return both
}

/** What a loaded knowledge base holds, to compare it with a fresh load. */
const asLoaded = (kb: KnowledgeBase): unknown => ({
  graph: kb.graph.export(),
  diagnostics: kb.diagnostics,
  files: kb.files,
})

describe.each(formats.map((format) => [keyOf(format), format] as const))('%s', (key, format) => {
  const contract = contracts[key] as Contract
  it.each(sources)('is deterministic and complete on the %s', async (source, load) => {
    const [kb, again] = await twoLoads(source, load)
    const outputs = render(format, kb)
    expect(render(format, again)).toEqual(outputs)
    for (const output of outputs) expect(output.endsWith('\n')).toBe(true)
    const [output = ''] = outputs
    kb.graph.forEachNode((id, entity) => {
      if ((contract.carries as readonly string[]).includes(entity.kind))
        expect(output, `${entity.kind} ${id}`).toContain(contract.names?.(id) ?? id)
    })
    if (contract.unresolved) expect(contract.unresolved(output, buildTraceReport(kb))).toEqual([])
  })
})

it.each(sources)('leaves the %s as loaded after every format rendered it', async (source, load) => {
  const fresh = asLoaded(await load())
  for (const kb of await twoLoads(source, load)) expect(asLoaded(kb)).toEqual(fresh)
})
