import type { KnowledgeBase, KnowledgeGraph } from '../graph/types.js'
import { cmocPartsOf } from '../kinds/cmoc.js'
import { compareIds } from '../query/neighbours.js'
import { evidenceForCmoc, traceRecommendation } from '../query/trace.js'
import type { Basis } from '../schema/common.js'
import { titleOf } from './diff-entity.js'
import { type IdMap, matchEntities } from './match-entities.js'
import {
  type BasisChange,
  type CmocDiff,
  type CmocPartChange,
  type GainedLost,
  type KnowledgeBaseDiff,
  knowledgeBaseDiffVersion,
  type RecommendationDiff,
  type TextChange,
} from './types.js'

/**
 * Compare two versions of a knowledge base: the entities added, removed and renamed (same
 * content under another id or file, reported once), and for each recommendation and CMOC found
 * in both what it gained and lost. Ids of renamed entities are followed, so a renamed CMOC is
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
  for (const [oldId, newId] of [...ids].sort((a, b) => compareIds(a[1], b[1]))) {
    const entity = after.graph.getNodeAttributes(newId)
    if (entity.kind === 'recommendation') {
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
  }
  return changed(change) || text ? change : undefined
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
  }
  return changed(change) || parts.length > 0 ? change : undefined
}

function mapped(ids: IdMap, oldId: string): string {
  return ids.get(oldId) ?? oldId
}

function gainedLost(before: readonly string[], after: readonly string[]): GainedLost {
  const old = new Set(before)
  const now = new Set(after)
  return {
    gained: [...now].filter((id) => !old.has(id)).sort(compareIds),
    lost: [...old].filter((id) => !now.has(id)).sort(compareIds),
  }
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
