import type { ConstructEntry, RecommendationEntry, TraceReport } from '@realist-kb/core'

/** Recommendations under one construct, or (`construct` undefined) under none. */
export interface RecommendationGroup {
  readonly construct: ConstructEntry | undefined
  readonly recommendations: readonly RecommendationEntry[]
}

/**
 * The recommendations of a report grouped by construct, in the report's orders, with those
 * without a construct last: every report format lists every recommendation exactly once.
 *
 * @example
 * ```ts
 * for (const group of recommendationGroups(report)) console.log(group.construct?.name ?? 'none')
 * ```
 */
export function recommendationGroups(report: TraceReport): RecommendationGroup[] {
  const constructs = new Set(report.constructs.map((construct) => construct.id))
  const byConstruct = new Map<string | undefined, RecommendationEntry[]>()
  for (const rec of report.recommendations) {
    const key =
      rec.construct !== undefined && constructs.has(rec.construct) ? rec.construct : undefined
    const list = byConstruct.get(key)
    if (list) list.push(rec)
    else byConstruct.set(key, [rec])
  }
  const groups: RecommendationGroup[] = report.constructs.map((construct) => ({
    construct,
    recommendations: byConstruct.get(construct.id) ?? [],
  }))
  const orphans = byConstruct.get(undefined)
  if (orphans) groups.push({ construct: undefined, recommendations: orphans })
  return groups
}
