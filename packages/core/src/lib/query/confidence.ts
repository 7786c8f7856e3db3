import type { KnowledgeGraph } from '../graph/types.js'
import type { ConfidenceLevel } from '../kinds/cmoc.js'
import { compareIds, entitiesOfKind } from './neighbours.js'

/**
 * An overall confidence level, or `not-assessed` (a valid state, shown as such).
 *
 * @example
 * ```ts
 * const shown = (level: ConfidenceOrNot): string => (level === 'not-assessed' ? 'Not assessed' : level)
 * ```
 */
export type ConfidenceOrNot = ConfidenceLevel | 'not-assessed'

/** Overall confidence levels, highest first. */
const confidenceOrder: readonly ConfidenceLevel[] = ['high', 'moderate', 'low', 'very-low']

/**
 * The overall confidence in a CMOC, or `not-assessed`.
 *
 * @example
 * ```ts
 * confidenceOf(kb.graph, 'cmoc-2c') // 'not-assessed'
 * ```
 */
export function confidenceOf(graph: KnowledgeGraph, cmocId: string): ConfidenceOrNot {
  if (!graph.hasNode(cmocId)) return 'not-assessed'
  const entity = graph.getNodeAttributes(cmocId)
  if (entity.kind !== 'cmoc') return 'not-assessed'
  return entity.data.confidence?.overall?.level ?? 'not-assessed'
}

/**
 * The ids of every CMOC, by its overall confidence (each list sorted).
 *
 * @example
 * ```ts
 * cmocsByConfidence(kb.graph)['not-assessed'].length // every CMOC of an unassessed review
 * ```
 */
export function cmocsByConfidence(graph: KnowledgeGraph): Record<ConfidenceOrNot, string[]> {
  const out = emptySpread<string[]>(() => [])
  for (const cmoc of entitiesOfKind(graph, 'cmoc')) out[confidenceOf(graph, cmoc.id)].push(cmoc.id)
  return out
}

/**
 * How much confidence a recommendation can borrow from the CMOCs it rests on: the lowest overall
 * confidence among those assessed, how many CMOCs are at each level, and whether every one was
 * assessed. The recommendation's own evidence profile sits beside it in the reports.
 *
 * @example
 * ```ts
 * const summary = recommendationConfidence(kb.graph, 'rec-1')
 * summary.lowest // 'low'
 * summary.spread // { high: 1, moderate: 0, low: 1, 'very-low': 0, 'not-assessed': 0 }
 * ```
 */
export function recommendationConfidence(
  graph: KnowledgeGraph,
  recommendationId: string,
): RecommendationConfidence {
  const cmocs = new Set<string>()
  if (graph.hasNode(recommendationId))
    graph.forEachOutEdge(recommendationId, (_edge, attributes, _source, target) => {
      if (attributes.type === 'derived-from' && graph.getNodeAttribute(target, 'kind') === 'cmoc')
        cmocs.add(target)
    })
  const spread = emptySpread(() => 0)
  let lowest: ConfidenceLevel | undefined
  for (const id of cmocs) {
    const level = confidenceOf(graph, id)
    spread[level]++
    if (level === 'not-assessed') continue
    if (lowest === undefined || confidenceOrder.indexOf(level) > confidenceOrder.indexOf(lowest))
      lowest = level
  }
  return {
    cmocs: [...cmocs].sort(compareIds),
    lowest: lowest ?? 'not-assessed',
    spread,
    allAssessed: cmocs.size > 0 && spread['not-assessed'] === 0,
  }
}

/**
 * The confidence a recommendation borrows from its CMOCs (see {@link recommendationConfidence}).
 *
 * @example
 * ```ts
 * const line = (c: RecommendationConfidence): string => `${c.lowest} (${c.cmocs.length} CMOCs)`
 * ```
 */
export interface RecommendationConfidence {
  /** The CMOCs it rests on, sorted. */
  readonly cmocs: readonly string[]
  /** The lowest overall confidence among the assessed CMOCs; `not-assessed` when none is. */
  readonly lowest: ConfidenceOrNot
  /** How many of its CMOCs are at each level. */
  readonly spread: Readonly<Record<ConfidenceOrNot, number>>
  /** Whether it rests on at least one CMOC and every one of them is assessed. */
  readonly allAssessed: boolean
}

/**
 * The recommendations that rest only on CMOCs of low or very low confidence (every CMOC assessed,
 * none higher), sorted.
 *
 * @example
 * ```ts
 * recommendationsOnLowConfidence(kb.graph) // ['rec-3']
 * ```
 */
export function recommendationsOnLowConfidence(graph: KnowledgeGraph): string[] {
  return entitiesOfKind(graph, 'recommendation')
    .filter((recommendation) => {
      const { allAssessed, spread } = recommendationConfidence(graph, recommendation.id)
      return allAssessed && spread.high === 0 && spread.moderate === 0
    })
    .map((recommendation) => recommendation.id)
}

function emptySpread<T>(make: () => T): Record<ConfidenceOrNot, T> {
  return {
    high: make(),
    moderate: make(),
    low: make(),
    'very-low': make(),
    'not-assessed': make(),
  }
}
