import path from 'node:path'
import { yamlText } from '@realist-kb/citations/import'
import {
  type EvidenceEntryData,
  entitiesOfKind,
  fileStem,
  type KnowledgeBase,
} from '@realist-kb/core'
import { WriteRefusedError, writeFileAtomic } from '@realist-kb/core/node'
import {
  type QdpxCodeChange,
  type QdpxDrift,
  type QdpxEvidence,
  QdpxParseError,
  readQdpx,
} from '@realist-kb/export'
import type { CommandContext } from '../command.js'
import { exitCodes, UsageError } from '../io.js'
import type { ImportOptions } from './import.js'
import { readInputFile } from './input-file.js'

/** Shape of `import <project>.qdpx --format json`, version 1. */
export interface QdpxImportJson {
  readonly version: 1
  readonly file: string
  readonly dir: string
  /** Whether new evidence was written (`--write`); otherwise a dry run. */
  readonly write: boolean
  readonly evidence: readonly QdpxEvidenceJson[]
  readonly drift: readonly QdpxDrift[]
  readonly codes: readonly QdpxCodeChange[]
  readonly summary: {
    readonly new: number
    readonly written: number
    readonly present: number
    readonly failed: number
    readonly drift: number
    readonly codes: number
  }
}

/** One coding read back, in {@link QdpxImportJson}. */
export interface QdpxEvidenceJson {
  readonly study: string
  readonly selection: string
  readonly cmocs: readonly string[]
  readonly quote: string
  /** `new` (a dry run), `written`, `present` (already in the base) or `failed`. */
  readonly status: 'new' | 'written' | 'present' | 'failed'
  /** The evidence entry: the new one, or the one already holding this coding. */
  readonly id?: string
  readonly file?: string
  readonly message?: string
}

/**
 * `realist-kb import <project>.qdpx`: what a QDA project coded elsewhere adds to the base and how
 * it drifted from it. Dry run unless `--write`; with it, each new coding becomes a new file under
 * `evidence/` (never an edit of a study file, never replacing a file).
 */
export async function runQdpxImport({
  io,
  values,
  args,
  openContent,
}: CommandContext<ImportOptions>): Promise<number> {
  const shownFile = args.file ?? ''
  const write = values.write ?? false
  if (write && values['dry-run'])
    throw new UsageError('Unexpected --write with --dry-run, expected one of them')
  const bytes = await readInputFile(path.resolve(io.cwd, shownFile), shownFile)
  const { knowledgeBase: kb, folder, shown } = await openContent(values.dir)

  let read: ReturnType<typeof readQdpx>
  try {
    read = readQdpx(kb, bytes)
  } catch (error) {
    if (!(error instanceof QdpxParseError)) throw error
    io.stderr.write(`realist-kb import: ${shownFile}: ${error.message}\n`)
    return exitCodes.contentErrors
  }

  const planned = plan(kb, read.evidence, path.basename(shownFile))
  const evidence = write ? await writeAll(planned, folder.root) : planned.map((p) => p.json)
  const count = (status: QdpxEvidenceJson['status']) =>
    evidence.filter((item) => item.status === status).length
  const report: QdpxImportJson = {
    version: 1,
    file: shownFile,
    dir: shown,
    write,
    evidence,
    drift: read.drift,
    codes: read.codes,
    summary: {
      new: count('new'),
      written: count('written'),
      present: count('present'),
      failed: count('failed'),
      drift: read.drift.length,
      codes: read.codes.length,
    },
  }
  io.stdout.write(
    values.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderText(report),
  )
  return report.summary.failed > 0 ? exitCodes.contentErrors : exitCodes.ok
}

interface Planned {
  readonly json: QdpxEvidenceJson
  /** The file to create, for a new coding. */
  readonly markdown?: string
}

/**
 * Each coding as a new evidence file, or as `present` when the study already has an entry with
 * the same quote on the same CMOCs (so reading the same project twice adds nothing).
 */
function plan(kb: KnowledgeBase, codings: readonly QdpxEvidence[], projectName: string): Planned[] {
  const existing = entitiesOfKind(kb.graph, 'evidence')
  const taken = new Set([...kb.graph.nodes(), ...kb.files.map(fileStem)])
  return codings.map((coding): Planned => {
    const cmocs = (coding.entry.cmocs ?? []).map(referenceId)
    const quote = coding.entry.quote ?? ''
    const base = { study: coding.study, selection: coding.selection, cmocs, quote }
    const same = existing.find(
      (entry) =>
        entry.data.study === coding.study &&
        entry.data.quote?.trim() === quote &&
        sameIds((entry.data.cmocs ?? []).map(referenceId), cmocs),
    )
    if (same !== undefined)
      return { json: { ...base, status: 'present', id: same.id, file: same.file } }
    let n = 1
    while (taken.has(`${coding.study}-qda-${n}`)) n++
    const id = `${coding.study}-qda-${n}`
    taken.add(id)
    const provenance = `Coded in ${projectName}, selection ${coding.selection}`.slice(0, 500)
    return {
      json: { ...base, status: 'new', id, file: `evidence/${id}.md` },
      markdown: evidenceFile(coding.study, coding.entry, provenance),
    }
  })
}

/** An evidence file: the entry as frontmatter, each text a quoted YAML scalar. */
function evidenceFile(study: string, entry: EvidenceEntryData, provenance: string): string {
  const list = (items: readonly string[]) => `[${items.join(', ')}]`
  const lines = [
    '---',
    'kind: evidence',
    `study: ${study}`,
    `cmocs: ${list((entry.cmocs ?? []).map(referenceId))}`,
    `relation: ${entry.relation}`,
    ...(entry.parts ? [`parts: ${list(entry.parts)}`] : []),
    ...(entry.point === undefined ? [] : [`point: ${yamlText(entry.point)}`]),
    ...(entry.quote === undefined ? [] : [`quote: ${yamlText(entry.quote)}`]),
    `provenance: ${yamlText(provenance)}`,
    '---',
    '',
  ]
  return lines.join('\n')
}

async function writeAll(planned: readonly Planned[], root: string): Promise<QdpxEvidenceJson[]> {
  const out: QdpxEvidenceJson[] = []
  for (const { json, markdown } of planned) {
    if (markdown === undefined || json.file === undefined) {
      out.push(json)
      continue
    }
    try {
      // A new file inside the content folder only: an existing file is never replaced.
      await writeFileAtomic(path.join(root, ...json.file.split('/')), markdown, { root })
      out.push({ ...json, status: 'written' })
    } catch (error) {
      const message =
        error instanceof WriteRefusedError && error.reason === 'exists'
          ? `Unexpected existing file \`${json.file}\`, expected a new file: nothing written`
          : error instanceof WriteRefusedError
            ? `${error.message}; nothing written`
            : `Unexpected write error for \`${json.file}\` (${String(error)}): nothing written`
      out.push({ ...json, status: 'failed', message })
    }
  }
  return out
}

function renderText(report: QdpxImportJson): string {
  const mode = report.write ? '' : ' (dry run: nothing written; --write writes the new evidence)'
  const lines = [`${report.file} (qdpx) -> ${report.dir}${mode}`]
  const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text)
  if (report.evidence.length > 0) lines.push('Codings')
  for (const item of report.evidence) {
    const what = `${item.study} on ${item.cmocs.join(', ')}: “${shorten(item.quote)}”`
    const where = `${report.dir}/${item.file ?? ''}`
    if (item.status === 'present') lines.push(`  present  ${what}: already as ${item.id}`)
    else if (item.status === 'failed') lines.push(`  failed   ${what}: ${item.message}`)
    else lines.push(`  ${item.status === 'new' ? 'new    ' : 'written'}  ${what} -> ${where}`)
  }
  if (report.drift.length > 0) lines.push('Drift (not taken as it stands)')
  for (const drift of report.drift)
    lines.push(`  ${drift.reason.padEnd(14)} ${drift.source}: ${drift.message}`)
  if (report.codes.length > 0)
    lines.push('Codes changed in the project (not applied: edit by hand)')
  for (const code of report.codes) {
    if (code.change === 'renamed')
      lines.push(`  renamed  ${code.id ?? code.guid}: ${code.was ?? ''} -> ${code.name}`)
    else if (code.change === 'removed')
      lines.push(`  removed  ${code.id ?? code.guid} (${code.name})`)
    else lines.push(`  new      ${code.name} (${code.guid})`)
  }
  const { summary } = report
  const made = report.write ? `${summary.written} written` : `${summary.new} new`
  lines.push(
    `${report.evidence.length} codings: ${made}, ${summary.present} already present, ${summary.failed} failed; ${summary.drift} drifted; ${summary.codes} code changes`,
  )
  return `${lines.join('\n')}\n`
}

function referenceId(reference: string | { readonly id: string }): string {
  return typeof reference === 'string' ? reference : reference.id
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n')
}
