import type { GapMapWeighting, KnowledgeBase, ReportChanges } from '@realist-kb/core'
import type { Choice } from '../command.js'
import { contentDirArgument, defineCommand } from '../command.js'
import { exitCodes, UsageError } from '../io.js'

/** The report formats, from the exporter registry (loaded only when needed), and PDF. */
async function reportFormats(): Promise<Choice[]> {
  const { formatsOf } = await import('@realist-kb/export')
  return [
    ...formatsOf('trace-report').map((format) => ({
      name: format.name,
      help: format.description,
    })),
    // Not in the registry: its formats are pure functions, and this one needs a browser.
    { name: 'pdf', help: 'the HTML report printed by Chromium, with page numbers (needs --out)' },
  ]
}

export const report = defineCommand({
  name: 'report',
  summary: 'traceability report, from every recommendation to its studies (--help: formats)',
  description: `Generate a traceability report: every recommendation traced to its CMOCs, the evidence
behind them and the studies it comes from, with gaps made visible.`,
  arguments: [contentDirArgument],
  options: {
    format: {
      type: 'string',
      value: '<format>',
      help: 'one of (default: html):',
      choices: reportFormats,
    },
    'gap-map-at-least': {
      type: 'string',
      value: '<dimension>=<level>',
      help: 'count in the gap map only studies appraised at that level or higher, e.g. rigour=moderate (dimensions: relevance, richness, rigour; levels: high, moderate, low)',
    },
    browser: {
      type: 'string',
      value: '<path>',
      help: 'pdf: the Chromium to print with (default: $REALIST_KB_CHROMIUM, else /usr/bin/chromium)',
    },
    since: {
      type: 'string',
      value: '<version>',
      help: 'add a "What\'s new" section (html, md, json): what changed since a git revision or an earlier content folder (see `realist-kb diff`)',
    },
  },
  output: true,
  progress: true,
  loads: true,
  notes: `The report is written even when the knowledge base has errors (they are listed in it);
the exit code is then 1.`,
  exitCodes:
    '0 ok, 1 content errors, 2 usage error (including a refused overwrite, or no browser for pdf).',
  async run({ io, values, args, openContent, progress: startProgress, output }) {
    const name = values.format ?? 'html'
    if (name === 'pdf' && values.out === undefined)
      throw new UsageError('Unexpected --format pdf without --out, expected a file to write it to')
    const progress = startProgress(values.out === undefined ? 3 : 4)
    progress.step(`loading ${args.dir ?? 'content'}`)
    const [core, { findFormat }, { folder, knowledgeBase: kb }] = await Promise.all([
      import('@realist-kb/core'),
      import('@realist-kb/export'),
      openContent(args.dir),
    ])
    const gapMapWeighting = weightingOf(values['gap-map-at-least'], core)
    progress.step(`tracing ${kb.files.length} files`)
    const report = core.buildTraceReport(kb, {
      contentHash: folder.contentHash,
      ...(gapMapWeighting === undefined ? {} : { gapMapWeighting }),
    })
    const traced =
      values.since === undefined
        ? report
        : { ...report, changes: await changesSince(io.cwd, values.since, args.dir, kb) }
    progress.step(`rendering ${name}`)
    const format = findFormat('trace-report', name === 'pdf' ? 'html' : name)
    if (format === undefined) throw new Error(`format ${name} is not registered`)
    let content: string | Uint8Array | Iterable<string>
    if (name === 'pdf') {
      const { BrowserMissingError, printPdf, browserVariable, defaultBrowserPath } = await import(
        '../pdf/print-pdf.js'
      )
      const browser = values.browser ?? process.env[browserVariable] ?? defaultBrowserPath
      try {
        content = await printPdf(format.render(traced), browser)
      } catch (error) {
        if (!(error instanceof BrowserMissingError)) throw error
        progress.done()
        io.stderr.write(`realist-kb report: ${error.message}\n`)
        return exitCodes.usage
      }
    } else {
      // A format that yields its output in pieces (the long-format CSV) is streamed, never held.
      content = format.chunks?.(traced) ?? format.render(traced)
    }
    if (values.out !== undefined) progress.step(`writing ${values.out}`)
    await output(
      content,
      () =>
        `${name}, ${traced.recommendations.length} recommendations, ${traced.diagnostics.errors} errors, ${traced.diagnostics.warnings} warnings`,
    )
    progress.done()
    return traced.diagnostics.errors > 0 ? exitCodes.contentErrors : exitCodes.ok
  },
})

/** `rigour=moderate` as a gap-map weighting; a usage error for anything else. */
function weightingOf(
  value: string | undefined,
  core: Pick<typeof import('@realist-kb/core'), 'appraisalDimensions' | 'appraisalLevelSchema'>,
): GapMapWeighting | undefined {
  if (value === undefined) return undefined
  const [dimension, level] = value.split('=')
  const dimensionFound = core.appraisalDimensions.find((known) => known === dimension)
  const levelParsed = core.appraisalLevelSchema.safeParse(level)
  if (dimensionFound === undefined || !levelParsed.success)
    throw new UsageError(
      `Unexpected --gap-map-at-least \`${value}\`, expected <dimension>=<level> such as rigour=moderate`,
    )
  return { dimension: dimensionFound, atLeast: levelParsed.data }
}

/** What changed since `since` (a git revision or a folder), for the "What's new" section. */
async function changesSince(
  cwd: string,
  since: string,
  folder: string | undefined,
  kb: KnowledgeBase,
): Promise<ReportChanges> {
  const [{ diffKnowledgeBases }, { loadVersionArgument }] = await Promise.all([
    import('@realist-kb/core'),
    import('../load-version.js'),
  ])
  const before = await loadVersionArgument(cwd, since, folder ?? 'content')
  return { since, diff: diffKnowledgeBases(before, kb) }
}
