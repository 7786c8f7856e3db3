import {
  type CmocTrace,
  type Coverage,
  catalogue,
  compareEntities,
  coverage,
  entitiesOfKind,
  entityKinds,
  evidenceForCmoc,
  type GapName,
  gapNames,
  gaps,
  type KnowledgeBase,
  type Relation,
} from '@realist-kb/core'

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
  readonly counts: Coverage['counts']
  readonly coverage: Omit<Coverage, 'counts'>
  readonly cmocs: readonly CmocStats[]
  /** Entity ids (or files) with each gap. */
  readonly gaps: Readonly<Record<GapName, readonly string[]>>
}

/** Counts, coverage, evidence per CMOC and gaps of a knowledge base. */
export function computeStats(kb: KnowledgeBase, root: string): StatsJson {
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
  return {
    version: 1,
    root,
    files: kb.files.length,
    errors,
    warnings: kb.diagnostics.length - errors,
    counts,
    coverage: rest,
    cmocs,
    gaps: Object.fromEntries(
      gapNames.map((name) => [name, grouped[name].map((gap) => gap.entity ?? gap.file)]),
    ) as Record<GapName, string[]>,
  }
}

/** {@link StatsJson} as text. */
export function renderStats(stats: StatsJson): string {
  const lines = [
    `${stats.root}: ${stats.files} files, ${stats.errors} errors, ${stats.warnings} warnings`,
    '',
  ]
  lines.push('Entities')
  const width = Math.max(...entityKinds.map((kind) => kind.length))
  for (const kind of entityKinds)
    lines.push(`  ${kind.padEnd(width)}  ${String(stats.counts[kind]).padStart(5)}`)

  const c = stats.coverage
  const rows: [string, number, number][] = [
    ['recommendations with CMOCs', c.recommendations.withCmocs, c.recommendations.total],
    ['CMOCs with evidence', c.cmocs.withEvidence, c.cmocs.total],
    ['CMOCs resting on 2+ studies', c.cmocs.withSeveralStudies, c.cmocs.total],
    ['studies that evidence a CMOC', c.studies.cited, c.studies.total],
    ['groups with CMOCs', c.groups.withCmocs, c.groups.total],
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
  const idWidth = Math.max(0, ...stats.cmocs.map((cmoc) => cmoc.id.length))
  for (const cmoc of stats.cmocs) {
    const { supports, refines, refutes } = cmoc.relations
    lines.push(
      `  ${cmoc.id.padEnd(idWidth)}  ${plural(cmoc.evidence, 'entry', 'entries')} from ${plural(cmoc.studies, 'study', 'studies')} (supports ${supports}, refines ${refines}, refutes ${refutes})`,
    )
  }

  lines.push('', 'Gaps')
  for (const name of gapNames) {
    const list = stats.gaps[name]
    lines.push(
      `  ${name} ${catalogue[name].code}: ${list.length === 0 ? 'none' : `${list.length} (${list.join(', ')})`}`,
    )
  }
  return `${lines.join('\n')}\n`
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}
