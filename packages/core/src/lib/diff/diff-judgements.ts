import type { KnowledgeGraph } from '../graph/types.js'
import { type ConfidenceData, cmoc, confidenceComponents } from '../kinds/cmoc.js'
import { type AppraisalData, appraisalDimensions } from '../kinds/study.js'
import type { Entity } from '../model/entity.js'
import { compareIds, neighbours } from '../query/neighbours.js'
import type { Acknowledgement } from '../schema/common.js'
import { titleOf } from './diff-entity.js'
import type { IdMap } from './match-entities.js'
import type {
  AcknowledgementDiff,
  CmocLinkChange,
  GainedLost,
  JudgementChange,
  StudyDiff,
  TextChange,
} from './types.js'

/** A judgement on one side: its level and its explanation, either possibly absent. */
interface Judged {
  readonly level: string | undefined
  readonly explanation: string | undefined
}

/**
 * How a judgement changed, or nothing when level and explanation are the same. A level absent
 * on a side is `null` (not assessed).
 */
export function judgementChange(
  aspect: string,
  before: Judged,
  after: Judged,
): JudgementChange | undefined {
  const explanation =
    before.explanation === after.explanation
      ? undefined
      : { from: listOf(before.explanation), to: listOf(after.explanation) }
  if (before.level === after.level && explanation === undefined) return undefined
  return {
    aspect,
    from: before.level ?? null,
    to: after.level ?? null,
    ...(explanation ? { explanation } : {}),
  }
}

/** The GRADE-CERQual judgements of a CMOC that changed: the overall confidence first. */
export function confidenceChanges(
  before: ConfidenceData | undefined,
  after: ConfidenceData | undefined,
): JudgementChange[] {
  const overall = judgementChange(
    'overall',
    { level: before?.overall?.level, explanation: before?.overall?.explanation },
    { level: after?.overall?.level, explanation: after?.overall?.explanation },
  )
  const components = confidenceComponents.map((component) =>
    judgementChange(
      component,
      { level: before?.[component]?.concern, explanation: before?.[component]?.explanation },
      { level: after?.[component]?.concern, explanation: after?.[component]?.explanation },
    ),
  )
  return [overall, ...components].filter((change) => change !== undefined)
}

/** The appraisal dimensions of a study that changed. */
export function appraisalChanges(
  before: AppraisalData | undefined,
  after: AppraisalData | undefined,
): JudgementChange[] {
  return appraisalDimensions
    .map((dimension) =>
      judgementChange(
        dimension,
        { level: before?.[dimension]?.level, explanation: before?.[dimension]?.justification },
        { level: after?.[dimension]?.level, explanation: after?.[dimension]?.justification },
      ),
    )
    .filter((change) => change !== undefined)
}

/** A study's appraisal and inclusion status, when either changed. */
export function diffStudy(before: Entity, after: Entity): StudyDiff | undefined {
  if (before.kind !== 'study' || after.kind !== 'study') return undefined
  const appraisal = appraisalChanges(before.data.appraisal, after.data.appraisal)
  const inclusion = judgementChange(
    'inclusion',
    { level: before.data.inclusion?.status, explanation: before.data.inclusion?.basis },
    { level: after.data.inclusion?.status, explanation: after.data.inclusion?.basis },
  )
  if (appraisal.length === 0 && inclusion === undefined) return undefined
  return { id: after.id, title: titleOf(after), appraisal, ...(inclusion ? { inclusion } : {}) }
}

/** The fields of a CMOC that link it to other CMOCs, with the edge each becomes: one home. */
const cmocLinks = cmoc.references.filter((field) => field.expected.includes('cmoc'))

/** Links from a CMOC to other CMOCs gained and lost, per field; old ids follow renames. */
export function linkChanges(
  before: KnowledgeGraph,
  after: KnowledgeGraph,
  oldId: string,
  newId: string,
  ids: IdMap,
): CmocLinkChange[] {
  const changes: CmocLinkChange[] = []
  for (const field of cmocLinks) {
    const old = neighbours(before, oldId, 'out', field.type, 'cmoc').map(
      (n) => ids.get(n.entity.id) ?? n.entity.id,
    )
    const now = neighbours(after, newId, 'out', field.type, 'cmoc').map((n) => n.entity.id)
    const change = gainedLost(old, now)
    if (change.gained.length + change.lost.length > 0)
      changes.push({ relation: field.key, ...change })
  }
  return changes
}

/** The acknowledged gaps of one entity gained, lost and reworded, or nothing if none changed. */
export function diffAcknowledgements(
  before: Entity,
  after: Entity,
): AcknowledgementDiff | undefined {
  const old = reasonsByGap(before)
  const now = reasonsByGap(after)
  const change = gainedLost([...old.keys()], [...now.keys()])
  const reworded = [...now]
    .filter(([gap, reason]) => old.has(gap) && old.get(gap) !== reason)
    .map(([gap]) => gap)
    .sort(compareIds)
  if (change.gained.length + change.lost.length + reworded.length === 0) return undefined
  return { kind: after.kind, id: after.id, title: titleOf(after), ...change, reworded }
}

function reasonsByGap(entity: Entity): Map<string, string> {
  const acknowledged = (entity.data as { acknowledged?: readonly Acknowledgement[] }).acknowledged
  return new Map((acknowledged ?? []).map((ack) => [ack.gap, ack.reason]))
}

/** Ids gained and lost between two lists, each sorted. */
export function gainedLost(before: readonly string[], after: readonly string[]): GainedLost {
  const old = new Set(before)
  const now = new Set(after)
  return {
    gained: [...now].filter((id) => !old.has(id)).sort(compareIds),
    lost: [...old].filter((id) => !now.has(id)).sort(compareIds),
  }
}

function listOf(text: string | undefined): TextChange['from'] {
  return text === undefined ? [] : [text]
}
