import type { KnowledgeBaseDiff } from '../diff/types.js'
import type { ConcernLevel, ConfidenceComponent } from '../kinds/cmoc.js'
import type { CmocPart, Relation } from '../kinds/evidence.js'
import type { ReportedFigure } from '../kinds/review.js'
import type {
  AppraisalDimension,
  AppraisalLevel,
  CitationData,
  InclusionStatus,
  StudyDesign,
  StudyRole,
} from '../kinds/study.js'
import type { AppraisalLevelOrNot } from '../query/appraisal.js'
import type { ConfidenceOrNot, RecommendationConfidence } from '../query/confidence.js'
import type { ConfidenceHints } from '../query/confidence-hints.js'
import type { TermDimension } from '../query/terms.js'
import type { Vocabulary } from '../query/vocabulary.js'
import type { RamesesChecklist } from '../rameses/check-rameses.js'
import type { Basis } from '../schema/common.js'

/**
 * Version of the {@link TraceReport} structure; bumped on any breaking change.
 *
 * @example
 * ```ts
 * const report = buildTraceReport(kb)
 * if (report.formatVersion !== traceReportVersion) throw new Error('Unexpected report version')
 * ```
 */
export const traceReportVersion = 2

/**
 * A link as reports show it: target, basis, and where it is stated.
 *
 * @example
 * ```ts
 * const links: readonly ReportLink[] = report.recommendations[0]?.cmocs ?? []
 * links.map((link) => `${link.id} (${link.basis}, ${link.writtenAt})`)
 * ```
 */
export interface ReportLink {
  readonly id: string
  readonly basis: Basis
  readonly location?: string
  readonly rationale?: string
  /** `file:line:column` where the link is written. */
  readonly writtenAt: string
}

/**
 * Where an entity is defined.
 *
 * @example
 * ```ts
 * const where = (entry: SourcePlace): string => `${entry.file}:${entry.line}`
 * report.cmocs.map(where)
 * ```
 */
export interface SourcePlace {
  readonly file: string
  readonly line: number
}

/**
 * Counts that describe the evidence behind a CMOC or a recommendation.
 *
 * @example
 * ```ts
 * const profile: EvidenceProfile | undefined = report.cmocs[0]?.profile
 * console.log(profile?.studies, profile?.designs, profile?.basis.inferred)
 * ```
 */
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

/**
 * The review as reports show it: citation, registration, theory and licence.
 *
 * @example
 * ```ts
 * const { review } = buildTraceReport(kb)
 * if (review) console.log(`${review.title}. ${review.journal} ${review.year}. doi:${review.doi}`)
 * ```
 */
export interface ReviewSummary extends SourcePlace {
  readonly id: string
  readonly title: string
  readonly authors: readonly string[]
  readonly year: number
  readonly journal?: string
  readonly doi?: string
  readonly url?: string
  readonly registration?: string
  /** The programme theory's name. */
  readonly theory?: string
  readonly license?: string
}

/**
 * A group as reports show it, with the CMOCs that belong to it and the recommendations
 * filed under it.
 *
 * @example
 * ```ts
 * const entry: GroupEntry | undefined = report.groups.find((c) => c.id === 'coherence')
 * entry?.cmocs // ['cmoc-1a', 'cmoc-1b', ...]
 * ```
 */
export interface GroupEntry extends SourcePlace {
  readonly id: string
  readonly name: string
  readonly question?: string
  readonly description: string
  /** The group it is a sub-group of, when it nests in one. */
  readonly parent?: string
  readonly cmocs: readonly string[]
  readonly recommendations: readonly string[]
}

/**
 * An audience as reports show it, with the recommendations that address it.
 *
 * @example
 * ```ts
 * report.audiences.map((audience: AudienceEntry) => `${audience.name}: ${audience.recommendations.length}`)
 * ```
 */
export interface AudienceEntry extends SourcePlace {
  readonly id: string
  readonly name: string
  readonly examples: readonly string[]
  /** For a compound audience (a cell that names several groups): the audiences it includes. */
  readonly includes: readonly ReportLink[]
  /** The recommendations addressed to this audience itself. */
  readonly recommendations: readonly string[]
  /**
   * The recommendations addressed to it directly or through a compound audience that includes
   * it: what a filter by this audience shows.
   */
  readonly allRecommendations: readonly string[]
}

/**
 * A recommendation as reports show it: text, group, audiences, the CMOCs it derives from
 * (with the basis of each link), its studies and evidence profile.
 *
 * @example
 * ```ts
 * const rec: RecommendationEntry | undefined = report.recommendations.find((r) => r.id === 'rec-2-3')
 * rec?.cmocs.filter((link) => link.basis === 'inferred').map((link) => link.rationale)
 * ```
 */
export interface RecommendationEntry extends SourcePlace {
  readonly id: string
  readonly section?: number
  readonly order?: number
  readonly text: string
  readonly emphasis: readonly string[]
  readonly group?: string
  readonly audiences: readonly string[]
  readonly cmocs: readonly ReportLink[]
  /** Distinct studies across all its CMOCs. */
  readonly studies: readonly string[]
  readonly profile: EvidenceProfile
  /** The confidence of the CMOCs it rests on: its summary-of-findings row beside the profile. */
  readonly confidence: RecommendationConfidence
  /** Markdown body, as written. */
  readonly notes: string
  readonly provenance?: string
}

/**
 * A CMOC as reports show it: context, mechanism and outcome, its evidence and studies, and the
 * recommendations that derive from it.
 *
 * @example
 * ```ts
 * const cmoc: CmocEntry | undefined = report.cmocs.find((c) => c.id === 'cmoc-2c')
 * console.log(cmoc?.context, cmoc?.mechanism.resource, cmoc?.outcome, cmoc?.studies.length)
 * ```
 */
export interface CmocEntry extends SourcePlace {
  readonly id: string
  readonly label?: string
  readonly title: string
  readonly group?: string
  /** `incomplete` when the source gives only part of it (parts left out are empty lists). */
  readonly status: 'complete' | 'incomplete'
  readonly context: readonly string[]
  readonly mechanism: {
    /** The mechanism written as a whole. */
    readonly text: readonly string[]
    readonly resource: readonly string[]
    readonly response: readonly string[]
  }
  readonly outcome: readonly string[]
  readonly strategies: readonly string[]
  readonly related: readonly string[]
  /** Typed links to other CMOCs, as written on this one. */
  readonly relations: CmocRelations
  /** The chain through this CMOC along `leadsTo` links, nearest first each way. */
  readonly chain: { readonly upstream: readonly string[]; readonly downstream: readonly string[] }
  readonly confidence: CmocConfidenceEntry
  /** Markdown narrative, as written. */
  readonly narrative: string
  readonly evidence: readonly string[]
  readonly studies: readonly string[]
  /** Recommendations that derive from it (back links). */
  readonly recommendations: readonly string[]
  readonly profile: EvidenceProfile
  readonly provenance?: string
}

/**
 * An evidence entry as reports show it: its study, the CMOCs it bears on and how, the point it
 * makes and, where given, a quote and locator.
 *
 * @example
 * ```ts
 * const entry: EvidenceEntry | undefined = report.evidence[0]
 * console.log(entry?.study, entry?.relation, entry?.parts, entry?.quote ?? entry?.point)
 * ```
 */
export interface EvidenceEntry extends SourcePlace {
  readonly id: string
  readonly study: string
  readonly cmocs: readonly ReportLink[]
  /** Groups it bears on: it counts for every CMOC in them. */
  readonly groups: readonly ReportLink[]
  readonly relation: Relation
  readonly parts: readonly CmocPart[]
  /** The finding in the encoder's words. */
  readonly point?: string
  /** The source's own words, verbatim. */
  readonly quote?: string
  readonly locator?: string
  readonly provenance?: string
}

/**
 * A study as reports show it: citation, design, countries, settings, participants, inclusion
 * status, and what it is used for.
 *
 * @example
 * ```ts
 * const uncited = report.studies.filter((study: StudyEntry) => study.cmocs.length === 0)
 * ```
 */
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
  readonly pmid?: string
  readonly publisher?: string
  readonly type?: CitationData['type']
  readonly keywords?: readonly string[]
  readonly reference?: number
  /** The study's own label in its review. */
  readonly label?: string
  readonly role: StudyRole
  readonly design?: StudyDesign
  readonly designNote?: string
  readonly countries: readonly string[]
  readonly settings: readonly string[]
  readonly participants: readonly string[]
  readonly inclusion: InclusionStatus
  readonly inclusionBasis?: string
  readonly appraisal: StudyAppraisalEntry
  readonly evidence: readonly string[]
  readonly cmocs: readonly string[]
  readonly recommendations: readonly string[]
  /** Markdown notes, as written. */
  readonly notes: string
}

/**
 * One evidence gap, from the warnings of the loader.
 *
 * @example
 * ```ts
 * report.gaps.filter((gap: GapEntry) => gap.name === 'single-study-cmoc').map((gap) => gap.entity)
 * ```
 */
export interface GapEntry {
  readonly name: string
  readonly code: string
  /** `warning`, or `info` once acknowledged. */
  readonly severity: 'warning' | 'info'
  /** Why the gap stays, when it is acknowledged as true to the source. */
  readonly acknowledged?: string
  readonly entity?: string
  readonly file: string
  readonly line: number
  readonly message: string
}

/**
 * A figure the review reports next to what the knowledge base encodes.
 *
 * @example
 * ```ts
 * report.figures.map((figure: FigureEntry) => `${figure.label}: ${figure.reported ?? '-'} / ${figure.encoded}`)
 * ```
 */
export interface FigureEntry {
  readonly key: string
  readonly label: string
  readonly reported?: number
  readonly encoded: number
  readonly note: string
}

/**
 * A study characteristic the gap map crosses CMOCs with: `design`, `country`, `setting`,
 * `participants` (the default four), or any other study field or `tags`, as the review chooses.
 *
 * @example
 * ```ts
 * const byDesign = report.gapMap.find((table) => table.dimension === ('design' satisfies GapMapDimension))
 * ```
 */
export type GapMapDimension = string

/**
 * CMOCs (rows, grouped by group) against the values of one study characteristic.
 *
 * @example
 * ```ts
 * const table: GapMapTable | undefined = report.gapMap.find((t) => t.dimension === 'country')
 * table?.rows.map((row) => `${row.cmoc}: ${row.counts.join(' ')}`)
 * ```
 */
export interface GapMapTable {
  readonly dimension: GapMapDimension
  /**
   * Column values, sorted by label (appraisal levels highest first); `not recorded` last when some studies
   * lack the characteristic. Settings, participants, designs and countries are the ids of the
   * terms of the review's vocabularies.
   */
  readonly values: readonly string[]
  /** How each column is shown (same order as `values`): a term's label, a country's name. */
  readonly labels: readonly string[]
  /** Per CMOC, the number of distinct studies with each value (same order as `values`). */
  readonly rows: readonly {
    readonly cmoc: string
    readonly group?: string
    readonly counts: readonly number[]
    /** The ids of those studies, per column. */
    readonly studies: readonly (readonly string[])[]
  }[]
}

/**
 * Everything a traceability report shows, computed once in core: exporters only render it.
 * Entities are listed once, in table order, and refer to each other by id.
 *
 * @example
 * ```ts
 * import { buildTraceReport, type TraceReport } from '@realist-kb/core'
 * const report: TraceReport = buildTraceReport(kb)
 * for (const rec of report.recommendations) console.log(rec.id, rec.cmocs.length, rec.studies.length)
 * ```
 */
export interface TraceReport {
  readonly formatVersion: typeof traceReportVersion
  readonly generator: 'realist-kb'
  /** The version of realist-kb that built the report. */
  readonly generatorVersion: string
  /**
   * What the report was built from, as one hash (`sha256:` and 64 hex digits: see
   * `ContentFolder.contentHash`), when the caller gave it ({@link TraceReportOptions}).
   */
  readonly contentHash?: string
  readonly review?: ReviewSummary
  /** The review's own words for its theory and groups. */
  readonly vocabulary: Vocabulary
  readonly groups: readonly GroupEntry[]
  readonly recommendations: readonly RecommendationEntry[]
  readonly cmocs: readonly CmocEntry[]
  readonly evidence: readonly EvidenceEntry[]
  readonly studies: readonly StudyEntry[]
  readonly audiences: readonly AudienceEntry[]
  readonly gaps: readonly GapEntry[]
  readonly figures: readonly FigureEntry[]
  /** The review's labelled figures of its search and selection, as reported. */
  readonly reportedFigures: readonly ReportedFigure[]
  /** Reported and encoded studies per country (ISO code). */
  readonly countries: readonly {
    readonly code: string
    readonly reported?: number
    readonly encoded: number
  }[]
  readonly gapMap: readonly GapMapTable[]
  /**
   * The label of every setting, participant group, design and country the studies use, by the
   * id of its term (see `vocabularies` in the review): what reports show in place of the id.
   */
  readonly terms: Readonly<Record<TermDimension, Readonly<Record<string, string>>>>
  /** The studies the gap map counts, when it counts only some (see {@link TraceReportOptions}). */
  readonly gapMapWeighting?: GapMapWeighting
  readonly diagnostics: {
    readonly errors: number
    readonly warnings: number
    readonly infos: number
  }
  /** The RAMESES publication standards: where the review reports each item, and what its data show. */
  readonly rameses?: RamesesChecklist
  /** What changed since an earlier version (`report --since <rev>`): a "What's new" section. */
  readonly changes?: ReportChanges
}

/**
 * What changed in the knowledge base since an earlier version, carried by a report.
 *
 * @example
 * ```ts
 * const report: TraceReport = { ...buildTraceReport(kb), changes: { since: 'v1.0', diff } }
 * ```
 */
export interface ReportChanges {
  /** The earlier version, as the user named it (a git revision or a folder). */
  readonly since: string
  readonly diff: KnowledgeBaseDiff
}

/**
 * The typed links a CMOC makes to other CMOCs, each with its basis.
 *
 * @example
 * ```ts
 * const next = (entry: CmocEntry): string[] => entry.relations.leadsTo.map((link) => link.id)
 * ```
 */
export interface CmocRelations {
  readonly leadsTo: readonly ReportLink[]
  readonly nestedIn: readonly ReportLink[]
  readonly refines: readonly ReportLink[]
  readonly conflictsWith: readonly ReportLink[]
}

/**
 * A CMOC's confidence as the reports show it: the judgement (each part `not-assessed` when left
 * out) and, beside it, the hints from the data, which never change it.
 *
 * @example
 * ```ts
 * const shown = (entry: CmocConfidenceEntry): string =>
 *   entry.overall === 'not-assessed' ? 'Not assessed' : `${entry.overall}: ${entry.explanation}`
 * ```
 */
export interface CmocConfidenceEntry {
  readonly overall: ConfidenceOrNot
  readonly explanation?: string
  readonly components: Readonly<
    Record<
      ConfidenceComponent,
      { readonly concern: ConcernLevel | 'not-assessed'; readonly explanation?: string }
    >
  >
  readonly by?: string
  readonly date?: string
  readonly hints: ConfidenceHints
}

/**
 * A study's appraisal as the reports show it: each dimension's level (`not-appraised` when left
 * out) with its justification and notes, and who appraised it and when.
 *
 * @example
 * ```ts
 * const rigour = (entry: StudyAppraisalEntry): string => entry.dimensions.rigour.level
 * ```
 */
export interface StudyAppraisalEntry {
  readonly dimensions: Readonly<
    Record<
      AppraisalDimension,
      {
        readonly level: AppraisalLevelOrNot
        readonly justification?: string
        readonly notes?: string
      }
    >
  >
  readonly notes?: string
  readonly by?: string
  readonly date?: string
}

/**
 * A gap map that counts only studies appraised at a level or higher on one dimension.
 *
 * @example
 * ```ts
 * const weighting: GapMapWeighting = { dimension: 'rigour', atLeast: 'moderate' }
 * ```
 */
export interface GapMapWeighting {
  readonly dimension: AppraisalDimension
  readonly atLeast: AppraisalLevel
}

/**
 * Options of the trace report.
 *
 * @example
 * ```ts
 * buildTraceReport(kb, { gapMapWeighting: { dimension: 'rigour', atLeast: 'moderate' } })
 * ```
 */
export interface TraceReportOptions {
  /** Count in the gap map only the studies appraised at this level or higher. */
  readonly gapMapWeighting?: GapMapWeighting
  /** The hash of the content the knowledge base was loaded from (`ContentFolder.contentHash`). */
  readonly contentHash?: string
}
