import { type CitationData, studyDesignSchema } from './study.js'
import { yamlText } from './yaml-text.js'

/**
 * Options of {@link renderStudy}.
 *
 * @example
 * ```ts
 * const options: RenderStudyOptions = { body: 'Notes.', citationHints: true }
 * ```
 */
export interface RenderStudyOptions {
  /** The markdown body, after the frontmatter. */
  readonly body: string
  /** List the citation fields left out as comments, for a researcher to fill in by hand. */
  readonly citationHints?: boolean
}

// The designs, six to a comment line. Built when called: study.ts imports this file for its
// template, so `studyDesignSchema` is not yet defined while this module loads.
const designLines = (): string[] =>
  [0, 6, 12].map(
    (start, index, starts) =>
      `#   ${studyDesignSchema.options.slice(start, start + 6).join(', ')}${index < starts.length - 1 ? ',' : ''}`,
  )

const citationOrder = [
  'authors',
  'etAl',
  'year',
  'title',
  'journal',
  'volume',
  'issue',
  'pages',
  'doi',
  'url',
  'publisher',
  'type',
  'keywords',
] as const satisfies readonly (keyof CitationData)[]

/**
 * The markdown of a new study: its citation filled in, every field a researcher still has to
 * fill written as a `# TODO` comment, and `inclusion` set to `unknown` with a TODO basis, so
 * that the file validates as it is. Same input, same bytes.
 *
 * @example
 * ```ts
 * renderStudy('doe-2020', { authors: ['Doe J'], title: 'T', year: 2020 }, { body: 'Notes.' })
 * ```
 */
export function renderStudy(
  id: string,
  citation: CitationData,
  options: Readonly<RenderStudyOptions>,
): string {
  const lines = ['---', 'kind: study', `id: ${id}`, 'citation:']
  for (const key of citationOrder) {
    const value = citation[key]
    if (value === undefined) continue
    if (Array.isArray(value)) {
      lines.push(`  ${key}:`, ...value.map((entry: string) => `    - ${yamlText(entry)}`))
    } else if (typeof value === 'string' && key !== 'type') {
      lines.push(`  ${key}: ${yamlText(value)}`)
    } else {
      lines.push(`  ${key}: ${String(value)}`)
    }
  }
  if (options.citationHints) {
    const missing = citationOrder.filter(
      (key) => citation[key] === undefined && key !== 'etAl' && key !== 'keywords',
    )
    if (missing.length > 0) lines.push(`  # TODO as printed: ${missing.join(', ')}`)
    lines.push('  # type: one of article, book, chapter, report, webpage, thesis, other')
  }
  lines.push(
    '# TODO design, one of:',
    ...designLines(),
    '# design: qualitative',
    '# TODO countries: ISO 3166-1 alpha-2 codes, only where the study says so',
    '# countries: [GB]',
    '# TODO settings, e.g. outpatient, inpatient, home, community, primary-care',
    '# settings: [outpatient]',
    '# TODO participants, e.g. patients, caregivers, professionals',
    '# participants: [patients]',
    'inclusion:',
    '  status: unknown',
    `  basis: ${yamlText('TODO: screen against the eligibility criteria, then set status to included or excluded and say why.')}`,
    '# TODO evidence: one entry per finding that bears on a CMOC, for example',
    '# evidence:',
    '#   - cmocs: [cmoc-1a]',
    '#     relation: supports # supports, refines or refutes',
    '#     parts: [mechanism] # context, mechanism, outcome',
    '#     point: The finding, in your own words.',
    '#     locator: p. 4',
    '---',
    '',
    options.body.replace(/\n+$/, ''),
  )
  return `${lines.join('\n')}\n`
}
