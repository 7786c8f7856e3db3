import type { KnowledgeBase, KnowledgeGraph } from '../graph/types.js'
import { cmocPartsOf } from '../kinds/cmoc.js'
import { compareIds } from '../query/neighbours.js'
import { evidenceForCmoc, traceRecommendation } from '../query/trace.js'
import type { Basis } from '../schema/common.js'
import { titleOf } from './diff-entity.js'
import {
  confidenceChanges,
  diffAcknowledgements,
  diffStudy,
  gainedLost,
  judgementChange,
  linkChanges,
} from './diff-judgements.js'
import { type IdMap, matchEntities } from './match-entities.js'
import {
  type AcknowledgementDiff,
  type BasisChange,
  type CmocConfidenceChange,
  type CmocDiff,
  type CmocPartChange,
  type GainedLost,
  type KnowledgeBaseDiff,
  knowledgeBaseDiffVersion,
  type RecommendationDiff,
  type StudyDiff,
  type TextChange,
} from './types.js'

/**
 * Compare two versions of a knowledge base: the entities added, removed and renamed (same
 * content under another id or file, reported once), and for each recommendation and CMOC found
 * in both what it gained and lost, and the judgements that changed (GRADE-CERQual confidence,
 * study appraisal and inclusion, CMOC status and links, acknowledged gaps). Ids of renamed entities are followed, so a renamed CMOC is
 * not reported as lost by the recommendations that cite it. Pure: same input, same output.
 *
 * @example
 * ```ts
 * import { diffKnowledgeBases, loadFromMemory } from '@realist-kb/core'
 * const diff = diffKnowledgeBases(loadFromMemory(oldFiles), loadFromMemory(newFiles))
 * diff.recommendations.map((change) => `${change.id}: -${change.cmocs.lost.join(', ')}`)
 * ```
 */
export function diffKnowledgeBases(
  before: Pick<KnowledgeBase, 'graph'>,
  after: Pick<KnowledgeBase, 'graph'>,
): KnowledgeBaseDiff {
  const { added, removed, renamed, ids } = matchEntities(before.graph, after.graph)
  const recommendations: RecommendationDiff[] = []
  const cmocs: CmocDiff[] = []
  const studies: StudyDiff[] = []
  const acknowledgements: AcknowledgementDiff[] = []
  for (const [oldId, newId] of [...ids].sort((a, b) => compareIds(a[1], b[1]))) {
    const entity = after.graph.getNodeAttributes(newId)
    const old = before.graph.getNodeAttributes(oldId)
    const acknowledged = diffAcknowledgements(old, entity)
    if (acknowledged) acknowledgements.push(acknowledged)
    if (entity.kind === 'study') {
      const change = diffStudy(old, entity)
      if (change) studies.push(change)
    } else if (entity.kind === 'recommendation') {
      const change = diffRecommendation(before.graph, after.graph, oldId, newId, ids)
      if (change) recommendations.push(change)
    } else if (entity.kind === 'cmoc') {
      const change = diffCmoc(before.graph, after.graph, oldId, newId, ids)
      if (change) cmocs.push(change)
    }
  }
  return {
    version: knowledgeBaseDiffVersion,
    entities: { added, removed, renamed },
    recommendations,
    cmocs,
    studies,
    acknowledgements,
  }
}

function diffRecommendation(
  before: KnowledgeGraph,
  after: KnowledgeGraph,
  oldId: string,
  newId: string,
  ids: IdMap,
): RecommendationDiff | undefined {
  const old = traceRecommendation(before, oldId)
  const now = traceRecommendation(after, newId)
  if (!old || !now) return undefined
  const oldBasis = new Map(old.cmocs.map((c) => [mapped(ids, c.cmoc.id), c.link?.basis]))
  const newBasis = new Map(now.cmocs.map((c) => [c.cmoc.id, c.link?.basis]))
  const text = textChange([old.recommendation.data.text], [now.recommendation.data.text])
  const change: RecommendationDiff = {
    id: newId,
    title: titleOf(now.recommendation),
    ...(text ? { text } : {}),
    cmocs: gainedLost([...oldBasis.keys()], [...newBasis.keys()]),
    evidence: gainedLost(
      old.cmocs.flatMap((c) => c.evidence.map((e) => mapped(ids, e.evidence.id))),
      now.cmocs.flatMap((c) => c.evidence.map((e) => e.evidence.id)),
    ),
    studies: gainedLost(
      old.studies.map((s) => mapped(ids, s.id)),
      now.studies.map((s) => s.id),
    ),
    basis: basisChanges(oldBasis, newBasis),
    confidence: cmocConfidenceChanges(
      before,
      after,
      [...newBasis.keys()].filter((id) => oldBasis.has(id)),
      ids,
    ),
  }
  return changed(change) || text || change.confidence.length > 0 ? change : undefined
}

/** The CMOCs a recommendation rests on in both versions whose overall confidence changed. */
function cmocConfidenceChanges(
  before: KnowledgeGraph,
  after: KnowledgeGraph,
  cmocIds: readonly string[],
  ids: IdMap,
): CmocConfidenceChange[] {
  const oldIds = new Map([...ids].map(([oldId, newId]) => [newId, oldId]))
  const changes: CmocConfidenceChange[] = []
  for (const id of cmocIds) {
    const oldId = oldIds.get(id)
    if (oldId === undefined || !after.hasNode(id)) continue
    const old = before.getNodeAttributes(oldId)
    const now = after.getNodeAttributes(id)
    if (old.kind !== 'cmoc' || now.kind !== 'cmoc') continue
    const from = old.data.confidence?.overall?.level ?? null
    const to = now.data.confidence?.overall?.level ?? null
    if (from !== to) changes.push({ cmoc: id, from, to })
  }
  return changes.sort((a, b) => compareIds(a.cmoc, b.cmoc))
}

function diffCmoc(
  before: KnowledgeGraph,
  after: KnowledgeGraph,
  oldId: string,
  newId: string,
  ids: IdMap,
): CmocDiff | undefined {
  const old = evidenceForCmoc(before, oldId)
  const now = evidenceForCmoc(after, newId)
  if (!old || !now) return undefined
  const oldBasis = new Map(old.evidence.map((e) => [mapped(ids, e.evidence.id), e.link.basis]))
  const newBasis = new Map(now.evidence.map((e) => [e.evidence.id, e.link.basis]))
  const from = cmocPartsOf(old.cmoc.data)
  const to = cmocPartsOf(now.cmoc.data)
  const parts: CmocPartChange[] = []
  const part = (name: CmocPartChange['part'], a: readonly string[], b: readonly string[]) => {
    const text = textChange(a, b)
    if (text) parts.push({ part: name, ...text })
  }
  part('context', from.context, to.context)
  part('mechanism', from.mechanism.text, to.mechanism.text)
  part('resource', from.mechanism.resource, to.mechanism.resource)
  part('response', from.mechanism.response, to.mechanism.response)
  part('outcome', from.outcome, to.outcome)
  const change: CmocDiff = {
    id: newId,
    title: titleOf(now.cmoc),
    evidence: gainedLost([...oldBasis.keys()], [...newBasis.keys()]),
    studies: gainedLost(
      old.studies.map((s) => mapped(ids, s.id)),
      now.studies.map((s) => s.id),
    ),
    basis: basisChanges(oldBasis, newBasis),
    parts,
    ...statusChange(old.cmoc.data.status, now.cmoc.data.status),
    confidence: confidenceChanges(old.cmoc.data.confidence, now.cmoc.data.confidence),
    links: linkChanges(before, after, oldId, newId, ids),
  }
  const judged = change.status !== undefined || change.confidence.length + change.links.length > 0
  return changed(change) || parts.length > 0 || judged ? change : undefined
}

/** A CMOC's status as a change; a CMOC that does not say is complete. */
function statusChange(from: string | undefined, to: string | undefined): Pick<CmocDiff, 'status'> {
  const status = judgementChange(
    'status',
    { level: from ?? 'complete', explanation: undefined },
    { level: to ?? 'complete', explanation: undefined },
  )
  return status ? { status } : {}
}

function mapped(ids: IdMap, oldId: string): string {
  return ids.get(oldId) ?? oldId
}

function basisChanges(
  before: ReadonlyMap<string, Basis | undefined>,
  after: ReadonlyMap<string, Basis | undefined>,
): BasisChange[] {
  const changes: BasisChange[] = []
  for (const [target, to] of after) {
    const from = before.get(target)
    if (from !== undefined && to !== undefined && from !== to) changes.push({ target, from, to })
  }
  return changes.sort((a, b) => compareIds(a.target, b.target))
}

function textChange(from: readonly string[], to: readonly string[]): TextChange | undefined {
  const same = from.length === to.length && from.every((text, index) => text === to[index])
  return same ? undefined : { from, to }
}

function changed(change: {
  readonly evidence: GainedLost
  readonly studies: GainedLost
  readonly basis: readonly BasisChange[]
  readonly cmocs?: GainedLost
}): boolean {
  const lists = [change.evidence, change.studies, ...(change.cmocs ? [change.cmocs] : [])]
  return change.basis.length > 0 || lists.some((l) => l.gained.length + l.lost.length > 0)
}
