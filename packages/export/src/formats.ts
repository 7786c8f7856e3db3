import { type KnowledgeBase, reviewFlow } from '@realist-kb/core'
import { writeDot } from './diagram/dot.js'
import { writeMermaid } from './diagram/mermaid.js'
import type { Diagram } from './diagram/model.js'
import { programmeTheoryDiagram } from './diagram/programme-theory.js'
import { writeSvg } from './diagram/svg.js'
import { traceDiagram } from './diagram/trace.js'
import { writePrismaCsv } from './flow/prisma-csv.js'
import { htmlExporter } from './html/render-html.js'
import { toCodebook, writeCodebook } from './interchange/codebook.js'
import { writeBibtexStudies, writeCslJson, writeRisStudies } from './interchange/csl-json.js'
import { writeGexf } from './interchange/gexf.js'
import { writeGraphml } from './interchange/graphml.js'
import { writeKnowledgeBaseJson } from './interchange/knowledge-base-json.js'
import { writeQdpx } from './interchange/qdpx.js'
import { csvExporter, gapMapExporter } from './report/csv.js'
import type { Exporter } from './report/exporter.js'
import { jsonExporter } from './report/json.js'
import { markdownExporter } from './report/markdown.js'

/**
 * A report format: rendered from the trace report (`realist-kb report --format <name>`).
 *
 * @example
 * ```ts
 * const html = findFormat('trace-report', 'html')
 * html?.render(buildTraceReport(kb))
 * ```
 */
export interface TraceReportFormat extends Exporter {
  readonly input: 'trace-report'
  /** What it is, in a few words (help and docs). */
  readonly description: string
}

/**
 * Options of the formats rendered from the knowledge base.
 *
 * @example
 * ```ts
 * const options: KnowledgeBaseFormatOptions = { trace: 'rec-2-3' }
 * findFormat('knowledge-base', 'mermaid')?.render(kb, options)
 * ```
 */
export interface KnowledgeBaseFormatOptions {
  /** Diagrams: draw this recommendation's trace instead of the programme theory. */
  readonly trace?: string
}

/**
 * An interchange format: rendered from the knowledge base (`realist-kb export --format <name>`).
 *
 * @example
 * ```ts
 * const gexf = findFormat('knowledge-base', 'gexf')
 * gexf?.render(kb) // '<?xml version="1.0" ...'
 * ```
 */
export interface KnowledgeBaseFormat {
  readonly name: string
  readonly input: 'knowledge-base'
  readonly description: string
  /** The usual file extension, without a dot. */
  readonly extension: string
  readonly mediaType: string
  /** Whether it takes {@link KnowledgeBaseFormatOptions.trace}. */
  readonly traces: boolean
  /** Whether its output is bytes (an archive), to be written to a file rather than printed. */
  readonly binary?: boolean
  /** Throws {@link UnknownTraceError} for a `trace` that names no recommendation. */
  readonly render: (
    kb: KnowledgeBase,
    options?: Readonly<KnowledgeBaseFormatOptions>,
  ) => string | Uint8Array
}

/**
 * Any registered format: its `input` says what it renders from.
 *
 * @example
 * ```ts
 * const text = (format: Format) =>
 *   format.input === 'trace-report' ? format.render(buildTraceReport(kb)) : format.render(kb)
 * ```
 */
export type Format = TraceReportFormat | KnowledgeBaseFormat

/**
 * `trace` names no recommendation of the knowledge base.
 *
 * @example
 * ```ts
 * try {
 *   findFormat('knowledge-base', 'dot')?.render(kb, { trace: 'rec-9-9' })
 * } catch (error) {
 *   if (error instanceof UnknownTraceError) console.error(`no recommendation ${error.id}`)
 * }
 * ```
 */
export class UnknownTraceError extends Error {
  override readonly name = 'UnknownTraceError'
  constructor(readonly id: string) {
    super(`Unexpected trace \`${id}\`, expected the id of a recommendation or a CMOC`)
  }
}

function diagramOf(kb: KnowledgeBase, trace: string | undefined): Diagram {
  if (trace === undefined) return programmeTheoryDiagram(kb)
  const diagram = traceDiagram(kb, trace)
  if (diagram === undefined) throw new UnknownTraceError(trace)
  return diagram
}

function report(exporter: Exporter, description: string): TraceReportFormat {
  return { ...exporter, input: 'trace-report', description }
}

/**
 * Every format realist-kb writes, each registered once: its name, its input (the trace report or
 * the knowledge base), file extension and media type. The command line's `--format` choices and
 * help, the docs table and the exporters' contract tests are all made from this list.
 *
 * @example
 * ```ts
 * import { formats } from '@realist-kb/export'
 * for (const format of formats) console.log(format.input, format.name, format.extension)
 * ```
 */
export const formats: readonly Format[] = [
  report(htmlExporter, 'one self-contained, offline HTML page'),
  report(markdownExporter, 'Markdown'),
  report(jsonExporter, 'the trace report as versioned JSON'),
  report(csvExporter, 'one row per recommendation-CMOC-evidence-study path'),
  report(gapMapExporter, 'CSV of CMOCs by study characteristic (evidence gap map)'),
  {
    name: 'gexf',
    input: 'knowledge-base',
    description: 'graph for Gephi (GEXF 1.3)',
    extension: 'gexf',
    mediaType: 'application/gexf+xml',
    traces: false,
    render: (kb) => writeGexf(kb),
  },
  {
    name: 'graphml',
    input: 'knowledge-base',
    description: 'graph for yEd, Cytoscape, networkx (GraphML)',
    extension: 'graphml',
    mediaType: 'application/graphml+xml',
    traces: false,
    render: (kb) => writeGraphml(kb),
  },
  {
    name: 'mermaid',
    input: 'knowledge-base',
    description: 'programme theory (or a trace) as a Mermaid flowchart',
    extension: 'mmd',
    mediaType: 'text/vnd.mermaid',
    traces: true,
    render: (kb, options) => writeMermaid(diagramOf(kb, options?.trace)),
  },
  {
    name: 'dot',
    input: 'knowledge-base',
    description: 'programme theory (or a trace) in Graphviz DOT',
    extension: 'dot',
    mediaType: 'text/vnd.graphviz',
    traces: true,
    render: (kb, options) => writeDot(diagramOf(kb, options?.trace)),
  },
  {
    name: 'svg',
    input: 'knowledge-base',
    description: 'programme theory (or a trace) as an SVG picture, laid out by dagre',
    extension: 'svg',
    mediaType: 'image/svg+xml',
    traces: true,
    render: (kb, options) => writeSvg(diagramOf(kb, options?.trace)),
  },
  {
    name: 'qdc',
    input: 'knowledge-base',
    description: 'groups and CMOCs as a REFI-QDA codebook (NVivo, ATLAS.ti, MAXQDA)',
    extension: 'qdc',
    mediaType: 'application/xml',
    traces: false,
    render: (kb) => writeCodebook(toCodebook(kb)),
  },
  {
    name: 'qdpx',
    input: 'knowledge-base',
    description:
      'a REFI-QDA project: codebook, studies as coded sources, groups as sets, notes as memos (needs --out)',
    extension: 'qdpx',
    mediaType: 'application/zip',
    traces: false,
    binary: true,
    render: (kb) => writeQdpx(kb),
  },
  {
    name: 'csl-json',
    input: 'knowledge-base',
    description: 'studies as CSL-JSON (Zotero, pandoc)',
    extension: 'json',
    mediaType: 'application/vnd.citationstyles.csl+json',
    traces: false,
    render: (kb) => writeCslJson(kb),
  },
  {
    name: 'ris',
    input: 'knowledge-base',
    description: 'studies as RIS (EndNote, Covidence, Rayyan, EPPI-Reviewer)',
    extension: 'ris',
    mediaType: 'application/x-research-info-systems',
    traces: false,
    render: (kb) => writeRisStudies(kb),
  },
  {
    name: 'bibtex',
    input: 'knowledge-base',
    description: 'studies as BibTeX (LaTeX, JabRef, Zotero)',
    extension: 'bib',
    mediaType: 'application/x-bibtex',
    traces: false,
    render: (kb) => writeBibtexStudies(kb),
  },
  {
    name: 'prisma-csv',
    input: 'knowledge-base',
    description:
      "the PRISMA 2020 flow of the review's reported figures, as the CSV the PRISMA2020 R package and Shiny app read",
    extension: 'csv',
    mediaType: 'text/csv',
    traces: false,
    render: (kb) => writePrismaCsv(reviewFlow(kb)),
  },
  {
    name: 'json',
    input: 'knowledge-base',
    description: 'the whole knowledge base as versioned JSON',
    extension: 'json',
    mediaType: 'application/json',
    traces: false,
    render: (kb) => writeKnowledgeBaseJson(kb),
  },
]

/**
 * The formats of one input, in registry order.
 *
 * @example
 * ```ts
 * formatsOf('trace-report').map((format) => format.name) // ['html', 'md', 'json', 'csv', 'gap-map']
 * ```
 */
export function formatsOf<I extends Format['input']>(input: I): Extract<Format, { input: I }>[] {
  return formats.filter((format): format is Extract<Format, { input: I }> => format.input === input)
}

/**
 * The format of that input and name, if registered.
 *
 * @example
 * ```ts
 * findFormat('knowledge-base', 'gexf')?.render(kb)
 * findFormat('trace-report', 'html')?.render(buildTraceReport(kb))
 * ```
 */
export function findFormat<I extends Format['input']>(
  input: I,
  name: string,
): Extract<Format, { input: I }> | undefined {
  return formatsOf(input).find((format) => format.name === name)
}
