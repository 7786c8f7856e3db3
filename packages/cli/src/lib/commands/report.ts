import { appraisalDimensions, appraisalLevelSchema, buildTraceReport } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { type ReportFormat, reportExporters } from '@realist-kb/export'
import { oneOf, parseCommandArgs } from '../args.js'
import { cacheDirectoryFor, cacheOption } from '../cache-directory.js'
import { resolveContentDir } from '../content-dir.js'
import { type CliIo, exitCodes, UsageError } from '../io.js'
import { createProgress } from '../progress.js'
import { writeOutput } from '../write-output.js'

const formats = Object.keys(reportExporters) as ReportFormat[]

export const reportHelp = `Usage: realist-kb report [dir] [options]

Generate a traceability report: every recommendation traced to its CMOCs, the evidence
behind them and the studies it comes from, with gaps made visible.

Arguments:
  dir                   content folder (default: content)

Options:
  --format <format>     html (default), md, json, csv (one row per recommendation-CMOC-
                        evidence-study path) or gap-map (CSV of CMOCs by study characteristic)
  --out <path>          file to write; without it the report goes to standard output
  --gap-map-at-least <dimension>=<level>
                        count in the gap map only studies appraised at that level or higher,
                        e.g. rigour=moderate (dimensions: relevance, richness, rigour;
                        levels: high, moderate, low)
  --force               overwrite a file that realist-kb did not create
  --progress            show progress even when standard error is not a terminal
  --no-cache            do not use or update the cache in node_modules/.cache/realist-kb
  -h, --help            show this help

The report is written even when the knowledge base has errors (they are listed in it);
the exit code is then 1. Exit codes: 0 ok, 1 content errors, 2 usage error (including a
refused overwrite).
`

export async function reportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: 'string' },
      out: { type: 'string' },
      'gap-map-at-least': { type: 'string' },
      force: { type: 'boolean' },
      progress: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      ...cacheOption,
    },
    1,
  )
  if (values.help) {
    io.stdout.write(reportHelp)
    return exitCodes.ok
  }
  const format = oneOf('format', values.format, formats, 'html')
  if (values.out === '') throw new UsageError('Unexpected empty --out, expected a file path')
  const gapMapWeighting = weightingOf(values['gap-map-at-least'])
  const dir = await resolveContentDir(io.cwd, positionals[0])
  const progress = createProgress(io, values.out === undefined ? 3 : 4, values.progress ?? false)

  progress.step(`loading ${dir.shown}`)
  const cacheDirectory = cacheDirectoryFor(io.cwd, values['no-cache'])
  const kb = await loadDirectory(
    dir.absolute,
    cacheDirectory === undefined ? {} : { cacheDirectory },
  )
  progress.step(`tracing ${kb.files.length} files`)
  const report = buildTraceReport(kb, gapMapWeighting === undefined ? {} : { gapMapWeighting })
  progress.step(`rendering ${format}`)
  const exporter = reportExporters[format]
  // An exporter that yields its output in pieces (the long-format CSV) is streamed, never held.
  const output = exporter.chunks?.(report) ?? exporter.render(report)
  if (values.out === undefined) {
    await writeChunks(io.stdout, typeof output === 'string' ? [output] : output)
  } else {
    progress.step(`writing ${values.out}`)
    await writeOutput(values.out, output, { force: values.force ?? false, cwd: io.cwd })
    io.stderr.write(
      `realist-kb report: wrote ${values.out} (${format}, ${report.recommendations.length} recommendations, ${report.diagnostics.errors} errors, ${report.diagnostics.warnings} warnings)\n`,
    )
  }
  progress.done()
  return report.diagnostics.errors > 0 ? exitCodes.contentErrors : exitCodes.ok
}

/** Batches written to standard output at once: few calls, bounded memory. */
const batchSize = 1024 * 1024

/**
 * Write `chunks` to `stream` in batches, waiting for a stream that says it is full (`write`
 * returning false) to drain, so that a large report piped to a slow reader is not buffered whole.
 */
async function writeChunks(stream: CliIo['stdout'], chunks: Iterable<string>): Promise<void> {
  const drained = (): Promise<void> =>
    new Promise((resolve) => {
      const emitter = stream as Partial<Pick<NodeJS.WritableStream, 'once'>>
      if (typeof emitter.once === 'function') emitter.once('drain', () => resolve())
      else resolve()
    })
  let batch = ''
  for (const chunk of chunks) {
    batch += chunk
    if (batch.length < batchSize) continue
    const more = stream.write(batch)
    batch = ''
    if (more === false) await drained()
  }
  if (batch !== '') stream.write(batch)
}

/** `rigour=moderate` as a gap-map weighting; a usage error for anything else. */
function weightingOf(value: string | undefined) {
  if (value === undefined) return undefined
  const [dimension, level] = value.split('=')
  const dimensionOk = (appraisalDimensions as readonly string[]).includes(dimension ?? '')
  const parsedLevel = appraisalLevelSchema.safeParse(level)
  if (!dimensionOk || !parsedLevel.success)
    throw new UsageError(
      `Unexpected --gap-map-at-least \`${value}\`, expected <dimension>=<level> such as rigour=moderate`,
    )
  return {
    dimension: dimension as (typeof appraisalDimensions)[number],
    atLeast: parsedLevel.data,
  }
}
