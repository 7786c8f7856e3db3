import { catalogue } from '../diagnostics/catalogue.js'
import { kindDefinitions } from '../kinds/index.js'
import { gapNames } from '../kinds/kind.js'
import { type EntityKind, entityKinds } from '../kinds/names.js'
import type { KnowledgeBaseStatistics } from '../query/statistics.js'
import { counted } from './counted.js'

/**
 * Options of {@link formatStatistics}.
 *
 * @example
 * ```ts
 * formatStatistics(statistics(kb), { root: 'content' } satisfies FormatStatisticsOptions)
 * ```
 */
export interface FormatStatisticsOptions {
  /** The content folder as the user typed it, heading the first line. Default `.`. */
  readonly root?: string
}

/**
 * Statistics as text for a terminal: entities per kind (groups by the review's own word for
 * them), coverage, evidence per CMOC, gaps and judgement, one block each.
 *
 * @example
 * ```ts
 * import { formatStatistics, statistics } from '@realist-kb/core'
 * process.stdout.write(formatStatistics(statistics(kb), { root: 'content' }))
 * // content: 90 files, 0 errors, 0 warnings, 11 info
 * //
 * // Entities
 * // ...
 * ```
 */
export function formatStatistics(
  stats: KnowledgeBaseStatistics,
  options?: Readonly<FormatStatisticsOptions> | null,
): string {
  const root = options?.root ?? '.'
  const lines = [
    `${root}: ${stats.files} files, ${stats.errors} errors, ${stats.warnings} warnings, ${stats.infos} info`,
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
  const idWidth = stats.cmocs.reduce((width, cmoc) => Math.max(width, cmoc.id.length), 0)
  for (const cmoc of stats.cmocs) {
    const { supports, refines, refutes } = cmoc.relations
    lines.push(
      `  ${cmoc.id.padEnd(idWidth)}  ${counted(cmoc.evidence, 'entry', 'entries')} from ${counted(cmoc.studies, 'study', 'studies')} (supports ${supports}, refines ${refines}, refutes ${refutes})`,
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
