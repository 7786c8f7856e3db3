import { type CitationData, parseFile, renderStudy } from '@realist-kb/core'
import { DedupeIndex, type DuplicateMatch, type KnownStudy } from './dedupe-index.js'
import { dedupeKeys } from './dedupe-keys.js'
import { recordLabel, type SourceRecord } from './source-record.js'
import { baseStudyId, IdAllocator } from './study-id.js'
import { toCitation } from './to-citation.js'

/**
 * A study already in the knowledge base, as import sees it.
 *
 * @example
 * ```ts
 * const existing: ExistingStudy = { id: 'doe-2020', citation: { title: 'T', year: 2020 } }
 * ```
 */
export interface ExistingStudy {
  readonly id: string
  readonly citation: Pick<CitationData, 'title' | 'year' | 'doi'>
}

/**
 * What the import of one record comes to: a study to create, a duplicate to skip, or a failure
 * with its reason.
 *
 * @example
 * ```ts
 * const paths = outcomes.flatMap((outcome: RecordOutcome) => (outcome.status === 'create' ? [outcome.path] : []))
 * ```
 */
export type RecordOutcome =
  | {
      readonly status: 'create'
      readonly record: SourceRecord
      readonly id: string
      /** Path relative to the content folder, `/`-separated: `studies/<id>.md`. */
      readonly path: string
      readonly markdown: string
      readonly citation: CitationData
      readonly notes: readonly string[]
    }
  | {
      readonly status: 'skip'
      readonly record: SourceRecord
      readonly duplicate: DuplicateMatch
      readonly reason: string
    }
  | { readonly status: 'fail'; readonly record: SourceRecord; readonly message: string }

/**
 * What {@link planImport} needs besides the records.
 *
 * @example
 * ```ts
 * const options: PlanImportOptions = { existing: [], takenIds: ['cmoc-1a'], sourceName: 'refs.bib' }
 * ```
 */
export interface PlanImportOptions {
  /** The studies already in the knowledge base. */
  readonly existing: readonly ExistingStudy[]
  /** Every id or file stem already used in the knowledge base, of any kind. */
  readonly takenIds: Iterable<string>
  /** The import file as the user named it, for the new files' notes. */
  readonly sourceName: string
}

/**
 * Decide, record by record, what an import does: create a study (with its id and markdown),
 * skip a duplicate (of an existing study or of an earlier record, by DOI, then by title and
 * year), or fail a record that cannot become a study. Pure: writes nothing.
 *
 * @example
 * ```ts
 * const outcomes = planImport(readRecords(text, 'bibtex'), { existing: [], takenIds: [], sourceName: 'refs.bib' })
 * outcomes.filter((outcome) => outcome.status === 'create').map((outcome) => outcome.path)
 * ```
 */
export function planImport(
  records: readonly SourceRecord[],
  options: Readonly<PlanImportOptions>,
): RecordOutcome[] {
  const index = new DedupeIndex()
  for (const study of options.existing)
    index.add({ id: study.id, keys: dedupeKeys(study.citation), origin: 'content' })
  const ids = new IdAllocator(options.takenIds)

  return records.map((record): RecordOutcome => {
    if (!record.ok) return { status: 'fail', record, message: record.message }
    const mapped = toCitation(record.item)
    if (!mapped.ok) return { status: 'fail', record, message: mapped.message }
    const keys = dedupeKeys(mapped.citation)
    const duplicate = index.find(keys)
    if (duplicate) return { status: 'skip', record, duplicate, reason: describe(duplicate) }

    const id = ids.allocate(baseStudyId(mapped.family, mapped.citation.year))
    const path = `studies/${id}.md`
    const notes = [...(record.notes ?? []), ...mapped.notes]
    const markdown = renderStudy(id, mapped.citation, {
      body: importedBody(options.sourceName, recordLabel(record), notes, mapped.abstract),
    })
    // The file must load as it is written: whatever the loader would refuse fails the record
    // here, and nothing is written.
    const refusal = parseFile({ path, text: markdown }).diagnostics.find(
      (diagnostic) => diagnostic.severity === 'error',
    )
    if (refusal !== undefined)
      return {
        status: 'fail',
        record,
        message: `Unexpected record that would make a study the loader refuses (${refusal.message}), expected one within its limits`,
      }
    const origin = `record ${record.index}${record.line === undefined ? '' : `, line ${record.line}`}`
    const known: KnownStudy = { id, keys, origin }
    index.add(known)
    return { status: 'create', record, id, path, citation: mapped.citation, notes, markdown }
  })
}

/** The body of an imported study: where it came from, what to check, and the abstract. */
function importedBody(
  file: string,
  record: string,
  notes: readonly string[],
  abstract: string | undefined,
): string {
  // Backticks would end the code span; `[[` outside one would read as a link.
  const lines = [`Imported from \`${file.replace(/`/g, "'")}\`, ${record}.`]
  if (notes.length > 0) lines.push('', 'To check:', '', ...notes.map((note) => `- ${note}`))
  if (abstract !== undefined) lines.push('', '## Abstract', '', inlineText(abstract))
  return lines.join('\n')
}

/**
 * Text from a record as one markdown paragraph that reads as written: brackets, markup
 * characters and line starts that markdown would interpret are escaped, so `[[x]]` is not a
 * link and `# x` not a heading.
 */
function inlineText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`)
    .replace(/^[-+=]/, (char) => `\\${char}`)
    .replace(/^(\d+)([.)])/, '$1\\$2')
}

function describe(match: DuplicateMatch): string {
  const where =
    match.study.origin === 'content'
      ? `study \`${match.study.id}\``
      : `\`${match.study.id}\` (from ${match.study.origin} of this file)`
  return match.by === 'doi'
    ? `duplicate of ${where}: same DOI ${match.study.keys.doi}`
    : `duplicate of ${where}: same title and year`
}
