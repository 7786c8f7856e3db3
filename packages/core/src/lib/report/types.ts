import type { Basis } from '../schema/common.js'
import type { CmocPart, Relation } from '../schema/evidence.js'
import type { InclusionStatus } from '../schema/study.js'

/** Version of the {@link TraceReport} structure; bumped on any breaking change. */
export const traceReportVersion = 1

/** A link as reports show it: target, basis, and where it is stated. */
export interface ReportLink {
  readonly id: string
  readonly basis: Basis
  readonly location?: string
  readonly rationale?: string
  /** `file:line:column` where the link is written. */
  readonly writtenAt: string
}

/** Where an entity is defined. */
export interface SourcePlace {
  readonly file: string
  readonly line: number
}

/** Counts that describe the evidence behind a CMOC or a recommendation. */
export interface EvidenceProfile {
  readonly studies: number
  readonly evidence: number
  readonly designs: Readonly<Record<string, number>>
  readonly countries: Readonly<Record<string, number>>
  readonly settings: Readonly<Record<string, number>>
  readonly participants: Readonly<Record<string, number>>
  readonly inclusion: Readonly<Record<InclusionStatus, number>>
  readonly relations: Readonly<Record<Relation, number>>
  /** Publication years of the studies, sorted, distinct. */
  readonly years: readonly number[]
  /** Evidence-to-CMOC links by basis. */
  readonly basis: Readonly<Record<Basis, number>>
}

export interface ReviewSummary extends SourcePlace {
  readonly id: string
  readonly title: string
  readonly authors: readonly string[]
  readonly year: number
  readonly journal?: string
  readonly doi?: string
  readonly registration?: string
  readonly theory?: string
  readonly license?: string
}

export interface ConstructEntry extends SourcePlace {
  readonly id: string
  readonly name: string
  readonly question?: string
  readonly description: string
  readonly cmocs: readonly string[]
  readonly recommendations: readonly string[]
}

export interface AudienceEntry extends SourcePlace {
  readonly id: string
  readonly name: string
  readonly examples: readonly string[]
  readonly recommendations: readonly string[]
}

export interface RecommendationEntry extends SourcePlace {
  readonly id: string
  readonly section?: number
  readonly order?: number
  readonly text: string
  readonly emphasis: readonly string[]
  readonly construct?: string
  readonly audiences: readonly string[]
  readonly cmocs: readonly ReportLink[]
  /** Distinct studies across all its CMOCs. */
  readonly studies: readonly string[]
  readonly profile: EvidenceProfile
  /** Markdown body, as written. */
  readonly notes: string
  readonly provenance?: string
}

export interface CmocEntry extends SourcePlace {
  readonly id: string
  readonly label?: string
  readonly title: string
  readonly construct?: string
  readonly context: string
  readonly mechanism: {
    readonly resource?: string
    readonly response?: string
    readonly text?: string
  }
  readonly outcome: string
  readonly strategies: readonly string[]
  readonly related: readonly string[]
  /** Markdown narrative, as written. */
  readonly narrative: string
  readonly evidence: readonly string[]
  readonly studies: readonly string[]
  /** Recommendations that derive from it (back links). */
  readonly recommendations: readonly string[]
  readonly profile: EvidenceProfile
  readonly provenance?: string
}

export interface EvidenceEntry extends SourcePlace {
  readonly id: string
  readonly study: string
  readonly cmocs: readonly ReportLink[]
  readonly relation: Relation
  readonly parts: readonly CmocPart[]
  readonly point: string
  readonly quote?: string
  readonly locator?: string
  readonly provenance?: string
}

export interface StudyEntry extends SourcePlace {
  readonly id: string
  readonly authors: readonly string[]
  readonly etAl: boolean
  readonly year?: number
  readonly title: string
  readonly journal?: string
  readonly volume?: string
  readonly issue?: string
  readonly pages?: string
  readonly doi?: string
  readonly url?: string
  readonly reference?: number
  readonly design?: string
  readonly countries: readonly string[]
  readonly settings: readonly string[]
  readonly participants: readonly string[]
  readonly inclusion: InclusionStatus
  readonly inclusionBasis?: string
  readonly evidence: readonly string[]
  readonly cmocs: readonly string[]
  readonly recommendations: readonly string[]
  /** Markdown notes, as written. */
  readonly notes: string
}

/** One evidence gap, from the warnings of the loader. */
export interface GapEntry {
  readonly name: string
  readonly code: string
  readonly entity?: string
  readonly file: string
  readonly line: number
  readonly message: string
}

/** A figure the review reports next to what the knowledge base encodes. */
export interface FigureEntry {
  readonly key: string
  readonly label: string
  readonly reported?: number
  readonly encoded: number
  readonly note: string
}

/** A study characteristic the gap map crosses CMOCs with. */
export type GapMapDimension = 'design' | 'country' | 'setting' | 'participants'

/** CMOCs (rows, grouped by construct) against the values of one study characteristic. */
export interface GapMapTable {
  readonly dimension: GapMapDimension
  /** Column values, sorted; `not recorded` last when some studies lack the characteristic. */
  readonly values: readonly string[]
  /** Per CMOC, the number of distinct studies with each value (same order as `values`). */
  readonly rows: readonly {
    readonly cmoc: string
    readonly construct?: string
    readonly counts: readonly number[]
  }[]
}

/**
 * Everything a traceability report shows, computed once in core: exporters only render it.
 * Entities are listed once, in table order, and refer to each other by id.
 */
export interface TraceReport {
  readonly formatVersion: typeof traceReportVersion
  readonly generator: 'realist-kb'
  readonly review?: ReviewSummary
  readonly constructs: readonly ConstructEntry[]
  readonly recommendations: readonly RecommendationEntry[]
  readonly cmocs: readonly CmocEntry[]
  readonly evidence: readonly EvidenceEntry[]
  readonly studies: readonly StudyEntry[]
  readonly audiences: readonly AudienceEntry[]
  readonly gaps: readonly GapEntry[]
  readonly figures: readonly FigureEntry[]
  /** Reported and encoded studies per country (ISO code). */
  readonly countries: readonly {
    readonly code: string
    readonly reported?: number
    readonly encoded: number
  }[]
  readonly gapMap: readonly GapMapTable[]
  readonly diagnostics: { readonly errors: number; readonly warnings: number }
}
