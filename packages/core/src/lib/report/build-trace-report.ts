import type { EdgeAttributes, KnowledgeBase } from '../graph/types.js'
import { cmocPartsOf } from '../kinds/cmoc.js'
import { gapNames } from '../kinds/kind.js'
import type { EntityOf } from '../model/entity.js'
import { optional, setDefined, type Writable } from '../optional-field.js'
import { addTo, pushTo } from '../push-to.js'
import { meetsAppraisal } from '../query/appraisal.js'
import { cmocChainsOf } from '../query/chains.js'
import { type EvidenceIndex, evidenceIndexOf, groupChain } from '../query/cmoc-evidence.js'
import { recommendationConfidence } from '../query/confidence.js'
import { compareIds, entitiesByKind, neighbours } from '../query/neighbours.js'
import { type StudyTerms, studyTermsOf, termDimensions } from '../query/terms.js'
import { inTheoryOrder } from '../query/theory-order.js'
import {
  type CmocTrace,
  evidenceForCmocWith,
  recommendationsOfEveryCmoc,
  traceRecommendationWith,
} from '../query/trace.js'
import { vocabularyOf } from '../query/vocabulary.js'
import { checkRameses } from '../rameses/check-rameses.js'
import { realistKbVersion } from '../version.js'
import { audienceEntries } from './audience-entries.js'
import { reportedVersusEncoded } from './figures.js'
import { buildGapMap } from './gap-map.js'
import { cmocConfidenceEntry, cmocRelations, studyAppraisalEntry } from './judgement-entries.js'
import { evidenceProfileOfSlots, sortKeys } from './profile.js'
import { type StudyFacts, studyFactsIndex } from './study-facts.js'
import type {
  CmocEntry,
  EvidenceEntry,
  ReportLink,
  ReviewSummary,
  StudyEntry,
  TraceReport,
  TraceReportOptions,
} from './types.js'
import { traceReportVersion } from './types.js'

/**
 * Compute the traceability report of a knowledge base: every recommendation with its audiences,
 * group, CMOCs, evidence and studies; evidence profiles; gaps; reported-versus-encoded
 * figures; and the evidence gap map. Pure and deterministic: exporters render this structure and
 * never walk the graph themselves.
 *
 * @example
 * ```ts
 * import { buildTraceReport } from '@realist-kb/core'
 * const report = buildTraceReport(kb)
 * report.recommendations[0]?.cmocs.map((link) => `${link.id} (${link.basis})`)
 * report.recommendations[0]?.confidence.lowest // 'not-assessed', 'low', ...
 * ```
 */
export function buildTraceReport(kb: KnowledgeBase, options: TraceReportOptions = {}): TraceReport {
  const { graph } = kb
  // Six kinds are asked for below: one walk over the nodes serves them all.
  const ofKind = entitiesByKind(graph)
  const terms = studyTermsOf(graph)
  const facts = studyFactsIndex(terms)
  const { factsOf } = facts
  const groupsSorted = ofKind('group')
  const groupOf = (id: string): string | undefined =>
    neighbours(graph, id, 'out', 'belongs-to', 'group')[0]?.entity.id

  // Each CMOC is traced once, here, and its trace reused by every recommendation above it; the
  // evidence edges of all of them are read in one walk over the graph's edges.
  const evidenceIndex = evidenceIndexOf(graph)
  const cmocTraces = new Map<string, CmocTrace | undefined>()
  const cmocTrace = (id: string): CmocTrace | undefined => {
    if (!cmocTraces.has(id)) cmocTraces.set(id, evidenceForCmocWith(graph, id, evidenceIndex))
    return cmocTraces.get(id)
  }
  // Each CMOC's studies as slots of the study facts, worked out once: a recommendation's
  // studies are its CMOCs' together.
  const cmocSlots = new Map<string, readonly number[]>()
  const slotsOfCmoc = (id: string, studies: readonly EntityOf<'study'>[]): readonly number[] => {
    let slots = cmocSlots.get(id)
    if (slots === undefined) {
      slots = studies.map(facts.slotOf)
      cmocSlots.set(id, slots)
    }
    return slots
  }
  // Chains and recommendations of every CMOC, each from one walk of the few links that make
  // them, not of each CMOC's in-edges (its evidence, thousands each in a large base).
  const chainOf = cmocChainsOf(graph)
  const recommendationsOf = recommendationsOfEveryCmoc(graph)
  const cmocs: CmocEntry[] = inTheoryOrder(graph, ofKind('cmoc')).map((cmoc) => {
    const trace = cmocTrace(cmoc.id)
    const evidence = trace?.evidence ?? []
    const studies = trace?.studies ?? []
    const parts = cmocPartsOf(cmoc.data)
    return {
      id: cmoc.id,
      ...place(cmoc),
      ...optional('label', cmoc.data.label),
      title: cmoc.data.title,
      ...optional('group', trace?.group?.id),
      status: cmoc.data.status ?? 'complete',
      context: parts.context,
      mechanism: parts.mechanism,
      outcome: parts.outcome,
      strategies: cmoc.data.strategies ?? [],
      related: neighbours(graph, cmoc.id, 'out', 'relates-to', 'cmoc').map(
        ({ entity }) => entity.id,
      ),
      relations: cmocRelations(graph, cmoc.id, reportLink),
      chain: (({ upstream, downstream }) => ({ upstream, downstream }))(chainOf(cmoc.id)),
      confidence: cmocConfidenceEntry(graph, cmoc, trace),
      narrative: cmoc.body.trim(),
      evidence: evidence.map((item) => item.evidence.id),
      studies: studies.map((study) => study.id),
      recommendations: recommendationsOf(cmoc.id).map((rec) => rec.id),
      profile: evidenceProfileOfSlots(
        slotsOfCmoc(cmoc.id, studies),
        evidence.map((item) => ({ evidence: item.evidence, basis: item.link.basis })),
        facts,
      ),
      ...optional('provenance', cmoc.data.provenance),
    }
  })

  const recommendations = ofKind('recommendation').map((rec) => {
    const trace = traceRecommendationWith(graph, rec.id, cmocTrace)
    const evidence = (trace?.cmocs ?? []).flatMap((cmoc) =>
      cmoc.evidence.map((item) => ({ evidence: item.evidence, basis: item.link.basis })),
    )
    return {
      id: rec.id,
      ...place(rec),
      ...optional('section', rec.data.section),
      ...optional('order', rec.data.order),
      text: rec.data.text,
      emphasis: rec.data.emphasis ?? [],
      ...optional('group', trace?.group?.id),
      audiences: (trace?.audiences ?? []).map(({ entity }) => entity.id),
      cmocs: (trace?.cmocs ?? []).flatMap((cmoc) =>
        cmoc.link ? [reportLink(cmoc.cmoc.id, cmoc.link)] : [],
      ),
      studies: (trace?.studies ?? []).map((study) => study.id),
      profile: evidenceProfileOfSlots(
        distinctSlots((trace?.cmocs ?? []).map((cmoc) => slotsOfCmoc(cmoc.cmoc.id, cmoc.studies))),
        dedupeEvidence(evidence),
        facts,
      ),
      confidence: recommendationConfidence(graph, rec.id),
      notes: rec.body.trim(),
      ...optional('provenance', rec.data.provenance),
    }
  })

  // By study, then place in its file: each study's rank is worked out once, rather than its id
  // compared again at each of the hundreds of thousands of comparisons of a large base.
  const evidenceEntities = ofKind('evidence')
  const studyRank = new Map(
    [...new Set(evidenceEntities.map((item) => item.data.study))]
      .sort(compareIds)
      .map((study, rank) => [study, rank]),
  )
  const rankOfStudy = (item: EntityOf<'evidence'>): number => studyRank.get(item.data.study) ?? 0
  const evidence = evidenceEntities
    .sort(
      (a, b) =>
        rankOfStudy(a) - rankOfStudy(b) ||
        a.position.line - b.position.line ||
        compareIds(a.id, b.id),
    )
    .map((item): EvidenceEntry => {
      const { cmocs, groups } = evidenceTargets(evidenceIndex, item.id)
      const entry: Writable<EvidenceEntry> = {
        id: item.id,
        file: item.file,
        line: item.position.line,
        study: item.data.study,
        cmocs,
        groups,
        relation: item.data.relation,
        parts: item.data.parts ?? [],
      }
      setDefined(entry, 'point', item.data.point)
      setDefined(entry, 'quote', item.data.quote)
      setDefined(entry, 'locator', item.data.locator)
      setDefined(entry, 'provenance', item.data.provenance)
      return entry
    })

  // Where each study is used, from the evidence and recommendation tables already built (a
  // per-study graph walk would revisit every CMOC's edges once per study).
  const recommendationsByCmoc = new Map<string, Set<string>>()
  for (const rec of recommendations)
    for (const link of rec.cmocs) addTo(recommendationsByCmoc, link.id, rec.id)
  const usageByStudy = new Map<string, { evidence: string[]; cmocs: Set<string> }>()
  const cmocsByGroup = new Map<string, string[]>()
  for (const cmoc of cmocs) {
    // A CMOC counts for its group and every group above it.
    for (const group of groupChain(graph, cmoc.id)) pushTo(cmocsByGroup, group, cmoc.id)
  }
  for (const item of evidence) {
    const usage = usageByStudy.get(item.study) ?? { evidence: [], cmocs: new Set<string>() }
    usage.evidence.push(item.id)
    for (const link of item.cmocs) usage.cmocs.add(link.id)
    for (const link of item.groups)
      for (const cmoc of cmocsByGroup.get(link.id) ?? []) usage.cmocs.add(cmoc)
    usageByStudy.set(item.study, usage)
  }
  // A study's CMOCs and recommendations in entity order (compareEntities), by rank: sorting
  // ten thousand short lists by reading each entity again was a large part of this table.
  const rank = new Map<string, number>()
  for (const kind of ['cmoc', 'recommendation'] as const)
    for (const [index, entity] of ofKind(kind).entries()) rank.set(entity.id, index)
  const byEntityOrder = (ids: Iterable<string>): string[] =>
    [...ids].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))
  const studyEntities = ofKind('study')
  const studies: StudyEntry[] = studyEntities.map((study) => {
    const usage = usageByStudy.get(study.id)
    const cmocIds = byEntityOrder(usage?.cmocs ?? [])
    const recommendationIds = new Set<string>()
    for (const cmoc of cmocIds)
      for (const rec of recommendationsByCmoc.get(cmoc) ?? []) recommendationIds.add(rec)
    return studyEntry(study, factsOf(study), {
      evidence: [...(usage?.evidence ?? [])].sort(compareIds),
      cmocs: cmocIds,
      recommendations: byEntityOrder(recommendationIds),
    })
  })

  const groups = groupsSorted.map((group) => ({
    id: group.id,
    ...place(group),
    name: group.data.name,
    ...optional('question', group.data.question),
    description: group.data.description,
    ...optional('parent', groupOf(group.id)),
    cmocs: cmocs.filter((cmoc) => cmoc.group === group.id).map((cmoc) => cmoc.id),
    recommendations: recommendations.filter((rec) => rec.group === group.id).map((rec) => rec.id),
  }))

  const audiences = audienceEntries(graph, recommendations, reportLink)

  const gaps = kb.diagnostics
    .filter((d) => (gapNames as readonly string[]).includes(d.name))
    .map((d) => ({
      name: d.name,
      code: d.code,
      severity: d.severity === 'info' ? ('info' as const) : ('warning' as const),
      ...optional('acknowledged', d.acknowledged),
      ...optional('entity', d.entity),
      file: d.file,
      line: d.line,
      message: d.message,
    }))
  const errors = kb.diagnostics.filter((d) => d.severity === 'error').length
  const infos = kb.diagnostics.filter((d) => d.severity === 'info').length

  const reviewEntity = ofKind('review')[0]
  // A weighted gap map counts only the studies appraised at the level asked for or higher.
  const weighting = options.gapMapWeighting
  const gapMapStudies =
    weighting === undefined
      ? studyEntities
      : studyEntities.filter((study) =>
          meetsAppraisal(study, weighting.dimension, weighting.atLeast),
        )
  return {
    formatVersion: traceReportVersion,
    generator: 'realist-kb',
    generatorVersion: realistKbVersion,
    ...(options.contentHash === undefined ? {} : { contentHash: options.contentHash }),
    ...(reviewEntity === undefined ? {} : { review: reviewSummary(reviewEntity) }),
    vocabulary: vocabularyOf(graph),
    groups,
    recommendations,
    cmocs,
    evidence,
    studies,
    audiences,
    gaps,
    ...reportedVersusEncoded(graph),
    gapMap: buildGapMap(
      cmocs,
      new Map(gapMapStudies.map((study) => [study.id, study])),
      reviewEntity?.data.gapMap?.dimensions,
      terms,
      facts,
    ),
    terms: termLabels(studyEntities, terms, factsOf),
    ...optional('gapMapWeighting', weighting),
    diagnostics: { errors, warnings: kb.diagnostics.length - errors - infos, infos },
    rameses: checkRameses(kb),
  }
}

function studyEntry(
  study: EntityOf<'study'>,
  facts: StudyFacts,
  usage: {
    readonly evidence: readonly string[]
    readonly cmocs: readonly string[]
    readonly recommendations: readonly string[]
  },
): StudyEntry {
  const { citation } = study.data
  // Built field by field in the record's order, so JSON output keeps its key order.
  const entry: Partial<Writable<StudyEntry>> = {
    id: study.id,
    file: study.file,
    line: study.position.line,
    authors: citation.authors,
    etAl: citation.etAl ?? false,
  }
  setDefined(entry, 'year', citation.year)
  entry.title = citation.title
  setDefined(entry, 'journal', citation.journal)
  setDefined(entry, 'volume', citation.volume)
  setDefined(entry, 'issue', citation.issue)
  setDefined(entry, 'pages', citation.pages)
  setDefined(entry, 'doi', citation.doi)
  setDefined(entry, 'url', citation.url)
  setDefined(entry, 'pmid', citation.pmid)
  setDefined(entry, 'publisher', citation.publisher)
  setDefined(entry, 'type', citation.type)
  setDefined(entry, 'keywords', citation.keywords)
  setDefined(entry, 'reference', study.data.reference)
  setDefined(entry, 'label', study.data.label)
  entry.role = study.data.role ?? 'evidence'
  setDefined(entry, 'design', study.data.design)
  setDefined(entry, 'designNote', study.data.designNote)
  entry.countries = facts.countries
  entry.settings = facts.settings
  entry.participants = facts.participants
  entry.inclusion = study.data.inclusion?.status ?? 'unknown'
  setDefined(entry, 'inclusionBasis', study.data.inclusion?.basis)
  entry.appraisal = studyAppraisalEntry(study)
  entry.evidence = usage.evidence
  entry.cmocs = usage.cmocs
  entry.recommendations = usage.recommendations
  entry.notes = study.body.trim()
  return entry as StudyEntry
}

/** The label of every term the studies use, by dimension, keys in a stable order. */
function termLabels(
  studies: readonly EntityOf<'study'>[],
  terms: StudyTerms,
  factsOf: (study: EntityOf<'study'>) => StudyFacts,
): Record<(typeof termDimensions)[number], Record<string, string>> {
  // Each study's facts are read once, for every dimension.
  const used = termDimensions.map(() => new Map<string, string>())
  for (const study of studies) {
    const facts = factsOf(study)
    termDimensions.forEach((dimension, at) => {
      const labels = used[at] as Map<string, string>
      for (const id of facts[dimension])
        if (!labels.has(id)) labels.set(id, terms.term(dimension, id).label)
    })
  }
  const labels = Object.fromEntries(
    termDimensions.map((dimension, at) => [dimension, sortKeys(used[at] ?? new Map())]),
  )
  return labels as Record<(typeof termDimensions)[number], Record<string, string>>
}

function reviewSummary(review: EntityOf<'review'>): ReviewSummary {
  const { data } = review
  return {
    id: review.id,
    ...place(review),
    title: data.title,
    authors: data.authors,
    year: data.year,
    ...optional('journal', data.journal),
    ...optional('doi', data.doi),
    ...optional('url', data.url),
    ...optional('registration', data.registration),
    ...optional('theory', typeof data.theory === 'string' ? data.theory : data.theory?.name),
    ...optional('license', data.license),
  }
}

function reportLink(id: string, edge: EdgeAttributes): ReportLink {
  // Set in the order of the record's fields, so JSON output keeps its key order.
  const link: Partial<Writable<ReportLink>> = { id, basis: edge.basis }
  setDefined(link, 'location', edge.location)
  setDefined(link, 'rationale', edge.rationale)
  link.writtenAt = `${edge.place.file}:${edge.place.line}:${edge.place.column}`
  return link as ReportLink
}

/**
 * The CMOCs and the groups an evidence entry bears on, each sorted by id, from the report's
 * evidence index (the report makes an entry for every evidence entry of the base).
 */
function evidenceTargets(
  index: EvidenceIndex,
  id: string,
): { cmocs: ReportLink[]; groups: ReportLink[] } {
  const cmocs: { id: string; edge: EdgeAttributes }[] = []
  const groups: { id: string; edge: EdgeAttributes }[] = []
  for (const { target, kind, edge } of index.edgesFrom(id)) {
    if (kind === 'cmoc') cmocs.push({ id: target, edge })
    else if (kind === 'group') groups.push({ id: target, edge })
  }
  const links = (found: { id: string; edge: EdgeAttributes }[]): ReportLink[] =>
    found.sort((a, b) => compareIds(a.id, b.id)).map((item) => reportLink(item.id, item.edge))
  return { cmocs: links(cmocs), groups: links(groups) }
}

function place(entity: { file: string; position: { line: number } }): {
  file: string
  line: number
} {
  return { file: entity.file, line: entity.position.line }
}

/** The slots of several lists, each once. */
function distinctSlots(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 1) return [...(lists[0] ?? [])]
  const seen = new Set<number>()
  for (const list of lists) for (const slot of list) seen.add(slot)
  return [...seen]
}

/**
 * The items with each evidence entry once. Entries are the graph's own entities, one per id, so
 * they are told apart as objects, without reading each one's id from memory again.
 */
function dedupeEvidence<T extends { evidence: object }>(items: readonly T[]): T[] {
  const seen = new Set<object>()
  return items.filter((item) => {
    if (seen.has(item.evidence)) return false
    seen.add(item.evidence)
    return true
  })
}
