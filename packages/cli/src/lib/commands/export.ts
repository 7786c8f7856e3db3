import { didYouMean, type KnowledgeBase, summaryLine } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import {
  EmptyCodebookError,
  programmeTheoryDiagram,
  toCodebook,
  traceDiagram,
  writeBibtexStudies,
  writeCodebook,
  writeCslJson,
  writeDot,
  writeGexf,
  writeGraphml,
  writeKnowledgeBaseJson,
  writeMermaid,
  writeQdpx,
  writeRisStudies,
} from '@realist-kb/export'
import { oneOf, parseCommandArgs } from '../args.js'
import { resolveContentDir } from '../content-dir.js'
import { type CliIo, exitCodes, UsageError } from '../io.js'
import { writeOutput } from '../write-output.js'

const formats = [
  'gexf',
  'graphml',
  'mermaid',
  'dot',
  'qdc',
  'qdpx',
  'csl-json',
  'ris',
  'bibtex',
  'json',
] as const
type ExportFormat = (typeof formats)[number]

export const exportHelp = `Usage: realist-kb export [dir] --format <format> [options]

Write the knowledge base in a format other tools open.

Arguments:
  dir                   content folder (default: content)

Options:
  --format <format>     one of:
                          gexf      graph for Gephi (GEXF 1.3)
                          graphml   graph for yEd, Cytoscape, networkx (GraphML)
                          mermaid   programme theory as a Mermaid flowchart
                          dot       programme theory in Graphviz DOT
                          qdc       groups and CMOCs as a REFI-QDA codebook
                                    (NVivo, ATLAS.ti, MAXQDA)
                          qdpx      a REFI-QDA project: the codebook, studies as coded
                                    sources, groups as sets, notes as memos (needs --out)
                          csl-json  studies as CSL-JSON (Zotero, pandoc)
                          ris       studies as RIS (EndNote, Covidence, Rayyan,
                                    EPPI-Reviewer)
                          bibtex    studies as BibTeX (LaTeX, JabRef, Zotero)
                          json      the whole knowledge base as versioned JSON
  --trace <id>          mermaid and dot: draw this recommendation's trace (to its CMOCs,
                        evidence and studies) instead of the programme theory
  --out <path>          file to write (parent folders are created); without it the
                        output goes to standard output
  --force               overwrite --out if it exists
  -h, --help            show this help

The export is written even when the knowledge base has errors (entities with errors are
left out); the exit code is then 1. Exit codes: 0 ok, 1 content errors, 2 usage error
(including a refused overwrite).
`

function render(
  kb: KnowledgeBase,
  format: ExportFormat,
  trace: string | undefined,
): string | Uint8Array {
  switch (format) {
    case 'gexf':
      return writeGexf(kb)
    case 'graphml':
      return writeGraphml(kb)
    case 'mermaid':
    case 'dot': {
      const diagram = trace === undefined ? programmeTheoryDiagram(kb) : traceDiagram(kb, trace)
      if (diagram === undefined) throw unknownRecommendation(kb, trace ?? '')
      return format === 'mermaid' ? writeMermaid(diagram) : writeDot(diagram)
    }
    case 'qdc':
      return writeCodebook(toCodebook(kb))
    case 'qdpx':
      return writeQdpx(kb)
    case 'csl-json':
      return writeCslJson(kb)
    case 'ris':
      return writeRisStudies(kb)
    case 'bibtex':
      return writeBibtexStudies(kb)
    case 'json':
      return writeKnowledgeBaseJson(kb)
  }
}

function unknownRecommendation(kb: KnowledgeBase, id: string): UsageError {
  const recommendations = kb.graph.filterNodes((_id, entity) => entity.kind === 'recommendation')
  const suggestion = didYouMean(id, recommendations)
  return new UsageError(
    `Unexpected --trace \`${id}\`, expected the id of a recommendation${suggestion === undefined ? '' : ` (did you mean \`${suggestion}\`?)`}`,
  )
}

/**
 * Run `realist-kb export`: load the knowledge base, render the chosen format, and print it or
 * write it with {@link writeOutput}. Resolves to the exit code.
 *
 * @example
 * ```ts
 * await exportCommand(['content', '--format', 'gexf', '--out', 'kb.gexf'], io) // 0
 * ```
 */
export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: 'string' },
      trace: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    1,
  )
  if (values.help) {
    io.stdout.write(exportHelp)
    return exitCodes.ok
  }
  if (values.format === undefined)
    throw new UsageError(`Missing --format, expected one of ${formats.join(', ')}`)
  const format = oneOf('format', values.format, formats, 'json')
  if (values.trace !== undefined && format !== 'mermaid' && format !== 'dot')
    throw new UsageError(`Unexpected --trace with --format ${format}, expected mermaid or dot`)
  if (values.out === '') throw new UsageError('Unexpected empty --out, expected a file path')
  if (format === 'qdpx' && values.out === undefined)
    throw new UsageError('Unexpected --format qdpx without --out, expected a file (it is a zip)')
  if (values.force && values.out === undefined)
    throw new UsageError('Unexpected --force without --out, expected a file to overwrite')
  const dir = await resolveContentDir(io.cwd, positionals[0])
  const kb = await loadDirectory(dir.absolute)

  let output: string | Uint8Array
  try {
    output = render(kb, format, values.trace)
  } catch (error) {
    if (!(error instanceof EmptyCodebookError)) throw error
    io.stderr.write(
      `realist-kb export: ${dir.shown} has no group or CMOC, so there is no code to write\n`,
    )
    return exitCodes.contentErrors
  }

  const errors = kb.diagnostics.filter((d) => d.severity === 'error').length
  if (values.out === undefined) {
    if (typeof output === 'string') io.stdout.write(output)
  } else {
    await writeOutput(values.out, output, { force: values.force ?? false, cwd: io.cwd })
    io.stderr.write(
      `realist-kb export: wrote ${values.out} (${format}, ${kb.graph.order} entities, ${kb.graph.size} links)\n`,
    )
  }
  if (errors > 0)
    io.stderr.write(
      `realist-kb export: ${summaryLine(kb.diagnostics)} in ${dir.shown}; run \`realist-kb validate\` for details\n`,
    )
  return errors > 0 ? exitCodes.contentErrors : exitCodes.ok
}
