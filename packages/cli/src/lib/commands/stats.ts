import {
  type AppraisalLevelOrNot,
  type CmocTrace,
  type ConfidenceOrNot,
  type Coverage,
  catalogue,
  cmocsByConfidence,
  compareEntities,
  coverage,
  type EntityKind,
  entitiesOfKind,
  entityKinds,
  evidenceForCmoc,
  type GapName,
  gapNames,
  gaps,
  type KnowledgeBase,
  kindDefinitions,
  leadsToCycles,
  type Relation,
  recommendationsOnLowConfidence,
  studiesByAppraisal,
  type Vocabulary,
  vocabularyOf,
} from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { oneOf, parseCommandArgs } from '../args.js'
import { resolveContentDir } from '../content-dir.js'
import { type CliIo, exitCodes } from '../io.js'

export const statsHelp = `Usage: realist-kb stats [dir] [options]

Count what a knowledge base holds and how well it is connected: entities per kind, evidence per
CMOC, coverage of the chain recommendation -> CMOC -> evidence -> study, and the evidence gaps.

Arguments:
  dir                   content folder (default: content)

Options:
  --format <format>     text (default) or json
  -h, --help            show this help

Exit codes: 0 no errors (gaps are warnings), 1 the content has errors (run validate), 2 usage
error.
`

/** Evidence behind one CMOC, in {@link StatsJson}. */
export interface CmocStats {
  readonly id: string
  readonly group: string | undefined
  readonly evidence: number
  readonly studies: number
  readonly relations: Readonly<Record<Relation, number>>
}

/** Shape of `stats --format json`, version 1. */
export interface StatsJson {
  readonly version: 1
  readonly root: string
  readonly files: number
  readonly errors: number
  readonly warnings: number
  /** Acknowledged gaps and CMOCs their source gives only in part. */
  readonly infos: number
  /** The review's words for its theory and groups. */
  readonly vocabulary: Vocabulary
  readonly counts: Coverage['counts']
  readonly coverage: Omit<Coverage, 'counts'>
  readonly cmocs: readonly CmocStats[]
  /** Entity ids (or files) with each open gap. */
  readonly gaps: Readonly<Record<GapName, readonly string[]>>
  /** Entity ids (or files) whose gap is acknowledged as true to the source. */
  readonly acknowledged: Readonly<Record<GapName, readonly string[]>>
  /** The review's judgements: confidence in CMOCs, rigour of studies, chains that loop. */
  readonly judgement: {
    readonly cmocsByConfidence: Readonly<Record<ConfidenceOrNot, readonly string[]>>
    readonly recommendationsOnLowConfidence: readonly string[]
    readonly studiesByRigour: Readonly<Record<AppraisalLevelOrNot, readonly string[]>>
    readonly leadsToCycles: readonly (readonly string[])[]
  }
}

/**
 * `realist-kb stats [dir]`: counts, evidence per CMOC, coverage and gaps.
 *
 * @example
 * ```ts
 * await statsCommand(['content', '--format', 'json'], io)
 * ```
 */
export async function statsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    1,
  )
  if (values.help) {
    io.stdout.write(statsHelp)
    return exitCodes.ok
  }
  const format = oneOf('format', values.format, ['text', 'json'], 'text')
  const dir = await resolveContentDir(io.cwd, positionals[0])
  const kb = await loadDirectory(dir.absolute)
  const stats = computeStats(kb, dir.shown)
  io.stdout.write(format === 'json' ? `${JSON.stringify(stats, null, 2)}\n` : renderStats(stats))
  return stats.errors > 0 ? exitCodes.contentErrors : exitCodes.ok
}

function computeStats(kb: KnowledgeBase, root: string): StatsJson {
  const { counts, ...rest } = coverage(kb)
  const errors = kb.diagnostics.filter((d) => d.severity === 'error').length
  // CMOCs grouped by group (in the groups' order), then in their own order.
  const groupRank = new Map(
    entitiesOfKind(kb.graph, 'group').map((group, index) => [group.id, index]),
  )
  // Each CMOC is traced once, then sorted by its group's rank.
  const traced = entitiesOfKind(kb.graph, 'cmoc').map((cmoc) => ({
    cmoc,
    trace: evidenceForCmoc(kb.graph, cmoc.id),
  }))
  const rank = (trace: CmocTrace | undefined): number =>
    groupRank.get(trace?.group?.id ?? '') ?? groupRank.size
  const ordered = traced.sort(
    (a, b) => rank(a.trace) - rank(b.trace) || compareEntities(a.cmoc, b.cmoc),
  )
  const cmocs = ordered.map(({ cmoc, trace }): CmocStats => {
    const relations: Record<Relation, number> = { supports: 0, refines: 0, refutes: 0 }
    for (const item of trace?.evidence ?? []) relations[item.evidence.data.relation]++
    return {
      id: cmoc.id,
      group: trace?.group?.id,
      evidence: trace?.evidence.length ?? 0,
      studies: trace?.studies.length ?? 0,
      relations,
    }
  })
  const grouped = gaps(kb)
  const infos = kb.diagnostics.filter((d) => d.severity === 'info').length
  const byName = (acknowledged: boolean): Record<GapName, string[]> =>
    Object.fromEntries(
      gapNames.map((name) => [
        name,
        grouped[name]
          .filter((gap) => (gap.acknowledged !== undefined) === acknowledged)
          .map((gap) => gap.entity ?? gap.file),
      ]),
    ) as Record<GapName, string[]>
  return {
    version: 1,
    root,
    files: kb.files.length,
    errors,
    warnings: kb.diagnostics.length - errors - infos,
    infos,
    vocabulary: vocabularyOf(kb.graph),
    counts,
    coverage: rest,
    cmocs,
    gaps: byName(false),
    acknowledged: byName(true),
    judgement: {
      cmocsByConfidence: cmocsByConfidence(kb.graph),
      recommendationsOnLowConfidence: recommendationsOnLowConfidence(kb.graph),
      studiesByRigour: studiesByAppraisal(kb.graph, 'rigour'),
      leadsToCycles: leadsToCycles(kb.graph),
    },
  }
}

function renderStats(stats: StatsJson): string {
  const lines = [
    `${stats.root}: ${stats.files} files, ${stats.errors} errors, ${stats.warnings} warnings, ${stats.infos} info`,
    '',
  ]
  lines.push('Entities')
  // Each kind by the name readers know it by; groups by the review's own name for them.
  const nounOf = (kind: EntityKind): string =>
    kind === 'group' ? stats.vocabulary.group.plural : kindDefinitions[kind].noun.plural
  const width = Math.max(...entityKinds.map((kind) => nounOf(kind).length))
  for (const kind of entityKinds)
    lines.push(`  ${nounOf(kind).padEnd(width)}  ${String(stats.counts[kind]).padStart(5)}`)

  const c = stats.coverage
  const rows: [string, number, number][] = [
    ['recommendations with CMOCs', c.recommendations.withCmocs, c.recommendations.total],
    ['CMOCs with evidence', c.cmocs.withEvidence, c.cmocs.total],
    ['CMOCs resting on 2+ studies', c.cmocs.withSeveralStudies, c.cmocs.total],
    ['studies that evidence a CMOC', c.studies.cited, c.studies.total],
    [`${stats.vocabulary.group.plural} with CMOCs`, c.groups.withCmocs, c.groups.total],
  ]
  const label = Math.max(...rows.map((row) => row[0].length))
  lines.push('', 'Coverage')
  for (const [name, part, total] of rows)
    lines.push(
      `  ${name.padEnd(label)}  ${part} of ${total}${total > 0 ? ` (${Math.round((100 * part) / total)}%)` : ''}`,
    )
  lines.push(
    `  ${'links stated / inferred'.padEnd(label)}  ${c.links.stated} / ${c.links.inferred}`,
  )

  lines.push('', 'Evidence per CMOC')
  if (stats.cmocs.length === 0) lines.push('  (no CMOCs)')
  const idWidth = stats.cmocs.reduce((most, cmoc) => Math.max(most, cmoc.id.length), 0)
  for (const cmoc of stats.cmocs) {
    const { supports, refines, refutes } = cmoc.relations
    lines.push(
      `  ${cmoc.id.padEnd(idWidth)}  ${plural(cmoc.evidence, 'entry', 'entries')} from ${plural(cmoc.studies, 'study', 'studies')} (supports ${supports}, refines ${refines}, refutes ${refutes})`,
    )
  }

  lines.push('', 'Gaps')
  for (const name of gapNames) {
    const list = stats.gaps[name]
    const acknowledged = stats.acknowledged[name]
    lines.push(
      `  ${name} ${catalogue[name].code}: ${list.length === 0 ? 'none' : `${list.length} (${list.join(', ')})`}${acknowledged.length === 0 ? '' : `; acknowledged ${acknowledged.length} (${acknowledged.join(', ')})`}`,
    )
  }
  const { judgement } = stats
  const levels = (record: Readonly<Record<string, readonly string[]>>): string =>
    Object.entries(record)
      .map(([level, ids]) => `${level} ${ids.length}`)
      .join(', ')
  lines.push(
    '',
    'Judgement',
    `  CMOCs by confidence: ${levels(judgement.cmocsByConfidence)}`,
    `  studies by rigour: ${levels(judgement.studiesByRigour)}`,
    `  recommendations resting only on low or very low confidence: ${judgement.recommendationsOnLowConfidence.join(', ') || 'none'}`,
    `  cycles of leadsTo links: ${judgement.leadsToCycles.map((cycle) => cycle.join(' -> ')).join('; ') || 'none'}`,
  )
  return `${lines.join('\n')}\n`
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}
