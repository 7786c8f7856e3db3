import { stat } from 'node:fs/promises'
import path from 'node:path'
import {
  detectFormat,
  type ExistingStudy,
  errorText,
  type ImportFormat,
  planImport,
  type RecordOutcome,
  readRecords,
  recordLabel,
  UnreadableImportError,
} from '@realist-kb/citations/import'
import { entitiesOfKind, fileStem } from '@realist-kb/core'
import { loadDirectory, WriteRefusedError, writeFileAtomic } from '@realist-kb/core/node'
import type { CommandContext } from '../command.js'
import { exitCodes, UsageError } from '../io.js'
import type { ImportOptions } from './import.js'
import { readInputFile, startsAsZip } from './input-file.js'

/** Shape of `import --format json`, version 1. */
export interface ImportJson {
  readonly version: 1
  readonly file: string
  readonly format: ImportFormat
  readonly dir: string
  readonly dryRun: boolean
  readonly records: readonly ImportJsonRecord[]
  readonly summary: {
    readonly records: number
    readonly created: number
    readonly skipped: number
    readonly failed: number
  }
}

/** One record in {@link ImportJson}. */
export interface ImportJsonRecord {
  readonly record: number
  readonly line?: number
  readonly status: 'created' | 'skipped' | 'failed'
  readonly id?: string
  readonly file?: string
  readonly duplicateOf?: string
  readonly message?: string
  readonly notes?: readonly string[]
}

/** `realist-kb import <file>`: reference export to study files. */
export async function runImport(context: CommandContext<ImportOptions>): Promise<number> {
  const { io, values, args } = context
  // A coded REFI-QDA project is compared with the base, not imported record by record.
  if (
    values.from === 'qdpx' ||
    ((values.from ?? 'auto') === 'auto' &&
      (/\.qdpx$/i.test(args.file ?? '') ||
        (await startsAsZip(path.resolve(io.cwd, args.file ?? '')))))
  )
    return (await import('./import-qdpx.js')).runQdpxImport(context)
  const chosen = (values.from ?? 'auto') as ImportFormat | 'auto'
  const json = values.format === 'json'
  const fileArgument = args.file ?? ''
  const dryRun = values['dry-run'] ?? false
  if (values.write)
    throw new UsageError(
      'Unexpected --write for a reference export, expected it only with a .qdpx project (records are written unless --dry-run)',
    )
  const dirShown = (values.dir ?? 'content').replace(/\\/g, '/')
  const dir = path.resolve(io.cwd, dirShown)

  const { text, note } = decodeInput(
    await readInputFile(path.resolve(io.cwd, fileArgument), fileArgument),
    fileArgument,
  )
  let format: ImportFormat
  try {
    format = chosen === 'auto' ? detectFormat(text, fileArgument) : chosen
  } catch (error) {
    throw new UsageError(errorText(error))
  }

  let records: ReturnType<typeof readRecords>
  try {
    records = readRecords(text, format)
  } catch (error) {
    if (!(error instanceof UnreadableImportError)) throw error
    io.stderr.write(`realist-kb import: ${fileArgument}: ${error.message}\n`)
    return exitCodes.contentErrors
  }

  const known = await knownContent(dir, dirShown)
  const planned = planImport(records, {
    existing: known.studies,
    takenIds: known.ids,
    sourceName: path.basename(fileArgument),
  })
  const outcomes = dryRun ? planned : await writeOutcomes(planned, dir)

  const report = toJson(outcomes, { file: fileArgument, format, dir: dirShown, dryRun })
  if (json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else io.stdout.write(renderText(report, outcomes, note))
  return report.summary.failed > 0 ? exitCodes.contentErrors : exitCodes.ok
}

/** The studies and ids already in the content folder (none when the folder does not exist). */
async function knownContent(
  dir: string,
  shown: string,
): Promise<{ studies: ExistingStudy[]; ids: string[] }> {
  try {
    if (!(await stat(dir)).isDirectory())
      throw new UsageError(`Unexpected content folder \`${shown}\`: it is not a folder`)
  } catch (error) {
    if (error instanceof UsageError) throw error
    return { studies: [], ids: [] }
  }
  const kb = await loadDirectory(dir)
  const studies = entitiesOfKind(kb.graph, 'study').map((study) => ({
    id: study.id,
    citation: study.data.citation,
  }))
  // Ids are unique across kinds, and an invalid file still claims its name.
  const ids = [...kb.graph.nodes(), ...kb.files.map(fileStem)]
  return { studies, ids }
}

async function writeOutcomes(
  outcomes: readonly RecordOutcome[],
  dir: string,
): Promise<RecordOutcome[]> {
  const written: RecordOutcome[] = []
  for (const outcome of outcomes) {
    if (outcome.status !== 'create') {
      written.push(outcome)
      continue
    }
    try {
      // Inside the content folder only: a kind folder that is a link out of it is refused.
      await writeFileAtomic(path.join(dir, ...outcome.path.split('/')), outcome.markdown, {
        root: dir,
      })
      written.push(outcome)
    } catch (error) {
      written.push({
        status: 'fail',
        record: outcome.record,
        message:
          error instanceof WriteRefusedError && error.reason === 'exists'
            ? `Unexpected existing file \`${outcome.path}\`, expected a new file: nothing written`
            : error instanceof WriteRefusedError
              ? `${error.message}; nothing written`
              : `Unexpected write error for \`${outcome.path}\` (${errorText(error)}): nothing written`,
      })
    }
  }
  return written
}

function toJson(
  outcomes: readonly RecordOutcome[],
  context: { file: string; format: ImportFormat; dir: string; dryRun: boolean },
): ImportJson {
  const records = outcomes.map((outcome): ImportJsonRecord => {
    const place = {
      record: outcome.record.index,
      ...(outcome.record.line === undefined ? {} : { line: outcome.record.line }),
    }
    if (outcome.status === 'create')
      return {
        ...place,
        status: 'created',
        id: outcome.id,
        file: outcome.path,
        ...(outcome.notes.length > 0 ? { notes: outcome.notes } : {}),
      }
    if (outcome.status === 'skip')
      return {
        ...place,
        status: 'skipped',
        duplicateOf: outcome.duplicate.study.id,
        message: outcome.reason,
      }
    return { ...place, status: 'failed', message: outcome.message }
  })
  const count = (status: ImportJsonRecord['status']): number =>
    records.filter((record) => record.status === status).length
  return {
    version: 1,
    ...context,
    records,
    summary: {
      records: records.length,
      created: count('created'),
      skipped: count('skipped'),
      failed: count('failed'),
    },
  }
}

function renderText(
  report: ImportJson,
  outcomes: readonly RecordOutcome[],
  note: string | undefined,
): string {
  const created = report.dryRun ? 'would create' : 'created'
  const width = created.length
  const lines = [
    `${report.file} (${report.format}) -> ${report.dir}/studies${report.dryRun ? ' (dry run: nothing written)' : ''}`,
  ]
  if (note) lines.push(`note: ${note}`)
  for (const outcome of outcomes) {
    const label = recordLabel(outcome.record)
    if (outcome.status === 'create') {
      lines.push(`  ${created.padEnd(width)}  ${label}: ${report.dir}/${outcome.path}`)
      for (const item of outcome.notes) lines.push(`  ${''.padEnd(width)}    note: ${item}`)
    } else if (outcome.status === 'skip') {
      lines.push(`  ${'skipped'.padEnd(width)}  ${label}: ${outcome.reason}`)
    } else {
      lines.push(`  ${'failed'.padEnd(width)}  ${label}: ${outcome.message}`)
    }
  }
  const { records, created: made, skipped, failed } = report.summary
  lines.push(
    `${records} record${records === 1 ? '' : 's'}: ${made} ${report.dryRun ? 'to create' : 'created'}, ${skipped} skipped as duplicates, ${failed} failed`,
  )
  return `${lines.join('\n')}\n`
}

/** A reference export's text: UTF-8, or Windows-1252 (with a note saying so) when it is not. */
function decodeInput(bytes: Buffer, shown: string): { text: string; note?: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    // Older EndNote and RefWorks exports are Windows-1252, not UTF-8.
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      note: `${shown} is not UTF-8: read as Windows-1252`,
    }
  }
}
