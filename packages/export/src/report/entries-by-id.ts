import type {
  AudienceEntry,
  CmocEntry,
  EvidenceEntry,
  GroupEntry,
  RecommendationEntry,
  StudyEntry,
  TraceReport,
} from '@realist-kb/core'

/** A report's entries by id. */
export interface EntriesById {
  readonly recommendations: ReadonlyMap<string, RecommendationEntry>
  readonly cmocs: ReadonlyMap<string, CmocEntry>
  readonly evidence: ReadonlyMap<string, EvidenceEntry>
  readonly studies: ReadonlyMap<string, StudyEntry>
  readonly audiences: ReadonlyMap<string, AudienceEntry>
  readonly groups: ReadonlyMap<string, GroupEntry>
}

// A report's page and each of its diagrams look entries up by id, tens of thousands of times on
// a large base: a report is indexed once (its entries are never changed once made).
const indexes = new WeakMap<TraceReport, EntriesById>()

/** The entries of a report by id, made once per report. */
export function entriesById(report: TraceReport): EntriesById {
  let index = indexes.get(report)
  if (index === undefined) {
    const byId = <T extends { readonly id: string }>(items: readonly T[]): Map<string, T> =>
      new Map(items.map((item) => [item.id, item]))
    index = {
      recommendations: byId(report.recommendations),
      cmocs: byId(report.cmocs),
      evidence: byId(report.evidence),
      studies: byId(report.studies),
      audiences: byId(report.audiences),
      groups: byId(report.groups),
    }
    indexes.set(report, index)
  }
  return index
}
