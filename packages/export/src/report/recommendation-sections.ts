import type { GroupEntry, RecommendationEntry, TraceReport } from '@realist-kb/core'

/** The recommendations filed under one group, or (`group` undefined) under none. */
export interface RecommendationSection {
  readonly group: GroupEntry | undefined
  readonly recommendations: readonly RecommendationEntry[]
}

/**
 * The recommendations of a report sectioned by group, in the report's orders, with those
 * without a group last: every report format lists every recommendation exactly once. Groups
 * without recommendations have no section.
 *
 * @example
 * ```ts
 * for (const section of recommendationSections(report)) console.log(section.group?.name ?? 'none')
 * ```
 */
export function recommendationSections(report: TraceReport): RecommendationSection[] {
  const known = new Set(report.groups.map((group) => group.id))
  const byGroup = new Map<string | undefined, RecommendationEntry[]>()
  for (const rec of report.recommendations) {
    const key = rec.group !== undefined && known.has(rec.group) ? rec.group : undefined
    const list = byGroup.get(key)
    if (list) list.push(rec)
    else byGroup.set(key, [rec])
  }
  // A group with no recommendation gets no section: nothing is printed empty.
  const sections: RecommendationSection[] = report.groups.flatMap((group) => {
    const recommendations = byGroup.get(group.id) ?? []
    return recommendations.length === 0 ? [] : [{ group, recommendations }]
  })
  const orphans = byGroup.get(undefined)
  if (orphans) sections.push({ group: undefined, recommendations: orphans })
  return sections
}
