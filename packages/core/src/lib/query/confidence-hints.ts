import type { KnowledgeGraph } from '../graph/types.js'
import type { Relation } from '../kinds/evidence.js'
import type { EntityOf } from '../model/entity.js'
import type { Basis } from '../schema/common.js'
import { type AppraisalLevelOrNot, appraisalLevelOf } from './appraisal.js'
import { evidenceEdgesOfCmoc, studyEntityOfEvidence } from './cmoc-evidence.js'
import { compareIds } from './neighbours.js'
import { reviewDataOf } from './review-data.js'

/**
 * What the data say about each GRADE-CERQual component of a CMOC: signals a reviewer weighs when
 * judging it. They are shown beside the judgement and never change it.
 *
 * @example
 * ```ts
 * const hints = confidenceHints(kb.graph, 'cmoc-2c')
 * hints.adequacy.singleStudy // true when one study carries the CMOC
 * ```
 */
export interface ConfidenceHints {
  /** How much data: studies, evidence entries, and how their links are made. */
  readonly adequacy: {
    readonly studies: number
    readonly evidence: number
    readonly basis: Readonly<Record<Basis, number>>
    readonly singleStudy: boolean
    readonly signals: readonly string[]
  }
  /** The rigour of the studies behind it, as appraised. */
  readonly methodologicalLimitations: {
    readonly rigour: Readonly<Record<AppraisalLevelOrNot, number>>
    readonly signals: readonly string[]
  }
  /** The countries and settings of its studies, against the scope the review records. */
  readonly relevance: {
    readonly countries: readonly string[]
    readonly settings: readonly string[]
    /** Studies whose countries or settings all fall outside the review's scope. */
    readonly outsideScope: readonly string[]
    readonly signals: readonly string[]
  }
  /** Whether the evidence supports it only, or also refines or refutes it. */
  readonly coherence: {
    readonly relations: Readonly<Record<Relation, number>>
    readonly signals: readonly string[]
  }
}

/**
 * The signals the data give for each component of a CMOC's confidence (see
 * {@link ConfidenceHints}). The review's scope is read from its `eligibility`: a `countries` list
 * of country codes and a `settings` list, when it records them.
 *
 * @example
 * ```ts
 * confidenceHints(kb.graph, 'cmoc-2c').coherence.signals // ['1 evidence entry refuting it']
 * ```
 */
export function confidenceHints(graph: KnowledgeGraph, cmocId: string): ConfidenceHints {
  return confidenceHintsOf(
    graph,
    evidenceEdgesOfCmoc(graph, cmocId).map((item) => ({
      evidence: item.entity,
      link: item.edge,
      study: studyEntityOfEvidence(graph, item.evidence),
    })),
  )
}

/** One evidence entry behind a CMOC, as a CMOC's trace holds it. */
interface HintEvidence {
  readonly evidence: EntityOf<'evidence'>
  readonly link: { readonly basis: Basis }
  readonly study: EntityOf<'study'> | undefined
}

/**
 * {@link confidenceHints} from a CMOC's evidence already walked (its `evidenceForCmoc` trace):
 * the report, which traces every CMOC anyway, does not walk each CMOC's edges a second time.
 * `distinctStudies`, when given, are the distinct studies of `items` sorted by id (the trace's
 * `studies`), which are then not worked out again.
 */
export function confidenceHintsOf(
  graph: KnowledgeGraph,
  items: readonly HintEvidence[],
  distinctStudies?: readonly EntityOf<'study'>[],
): ConfidenceHints {
  const basis: Record<Basis, number> = { stated: 0, inferred: 0 }
  const relations: Record<Relation, number> = { supports: 0, refines: 0, refutes: 0 }
  const evidence = items.length
  for (const item of items) {
    basis[item.link.basis]++
    relations[item.evidence.data.relation]++
  }
  const studies = distinctStudies ?? studiesOf(items)

  const adequacySignals: string[] = []
  if (studies.length === 0) adequacySignals.push('no study behind it')
  else if (studies.length === 1) adequacySignals.push('a single study behind it')
  if (evidence > 0 && basis.stated === 0) adequacySignals.push('every evidence link is inferred')
  else if (basis.inferred > 0)
    adequacySignals.push(`${basis.inferred} of ${evidence} links inferred`)

  const rigour: Record<AppraisalLevelOrNot, number> = {
    high: 0,
    moderate: 0,
    low: 0,
    'not-appraised': 0,
  }
  for (const study of studies) rigour[appraisalLevelOf(study, 'rigour')]++
  const limitationSignals: string[] = []
  if (rigour.low > 0)
    limitationSignals.push(`${rigour.low} of ${studies.length} studies of low rigour`)
  if (rigour['not-appraised'] > 0)
    limitationSignals.push(`${rigour['not-appraised']} of ${studies.length} studies not appraised`)

  const scope = reviewScope(graph)
  const countries = new Set<string>()
  const settings = new Set<string>()
  const outsideScope: string[] = []
  for (const study of studies) {
    for (const country of study.data.countries ?? []) countries.add(country)
    for (const setting of study.data.settings ?? []) settings.add(setting)
    if (isOutside(study, scope)) outsideScope.push(study.id)
  }
  const relevanceSignals: string[] = []
  if (scope === undefined) relevanceSignals.push('the review records no scope to compare with')
  if (outsideScope.length > 0)
    relevanceSignals.push(
      `${outsideScope.length} of ${studies.length} studies outside the review's scope`,
    )

  const coherenceSignals: string[] = []
  if (relations.refutes > 0) coherenceSignals.push(`${entries(relations.refutes)} refuting it`)
  if (relations.refines > 0) coherenceSignals.push(`${entries(relations.refines)} refining it`)

  return {
    adequacy: {
      studies: studies.length,
      evidence,
      basis,
      singleStudy: studies.length === 1,
      signals: adequacySignals,
    },
    methodologicalLimitations: { rigour, signals: limitationSignals },
    relevance: {
      countries: [...countries].sort(),
      settings: [...settings].sort(),
      outsideScope,
      signals: relevanceSignals,
    },
    coherence: { relations, signals: coherenceSignals },
  }
}

/** The distinct studies behind the evidence, sorted by id. */
function studiesOf(items: readonly HintEvidence[]): EntityOf<'study'>[] {
  const byId = new Map<string, EntityOf<'study'>>()
  for (const item of items) if (item.study !== undefined) byId.set(item.study.id, item.study)
  return [...byId.keys()].sort(compareIds).map((id) => byId.get(id) as EntityOf<'study'>)
}

interface Scope {
  readonly countries?: ReadonlySet<string>
  readonly settings?: ReadonlySet<string>
}

/** The countries and settings the review's eligibility names, if it names any. */
function reviewScope(graph: KnowledgeGraph): Scope | undefined {
  const review = reviewDataOf(graph)
  if (review === undefined) return undefined
  const eligibility = review.eligibility ?? {}
  const countries = eligibility.countries
  const settings = eligibility.settings
  if (countries === undefined && settings === undefined) return undefined
  return {
    ...(countries === undefined ? {} : { countries: new Set(countries) }),
    ...(settings === undefined ? {} : { settings: new Set(settings.map(normalise)) }),
  }
}

/** A study is outside the scope when, on a dimension the scope names, none of its values is in it. */
function isOutside(study: EntityOf<'study'>, scope: Scope | undefined): boolean {
  if (scope === undefined) return false
  const countries = study.data.countries ?? []
  const settings = study.data.settings ?? []
  if (
    scope.countries !== undefined &&
    countries.length > 0 &&
    !countries.some((country) => scope.countries?.has(country))
  )
    return true
  return (
    scope.settings !== undefined &&
    settings.length > 0 &&
    !settings.some((setting) => scope.settings?.has(normalise(setting)))
  )
}

function entries(count: number): string {
  return `${count} evidence entr${count === 1 ? 'y' : 'ies'}`
}

function normalise(text: string): string {
  return text.trim().toLowerCase()
}
