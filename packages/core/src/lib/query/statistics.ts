import type { KnowledgeBase } from '../graph/types.js'
import { type GapName, gapNames } from '../kinds/kind.js'
import type { Relation } from '../schema/index.js'
import { type Coverage, coverage, gaps } from './coverage.js'
import { entitiesOfKind } from './neighbours.js'
import { inTheoryOrder } from './theory-order.js'
import { evidenceForCmoc } from './trace.js'
import { type Vocabulary, vocabularyOf } from './vocabulary.js'

/**
 * The evidence behind one CMOC, in {@link KnowledgeBaseStatistics}.
 *
 * @example
 * ```ts
 * const first: CmocStatistics | undefined = statistics(kb).cmocs[0]
 * first?.studies // distinct studies behind it
 * ```
 */
export interface CmocStatistics {
  readonly id: string
  readonly group: string | undefined
  readonly evidence: number
  readonly studies: number
  readonly relations: Readonly<Record<Relation, number>>
}

/**
 * How much a knowledge base holds and how well it is connected: what `realist-kb stats` prints.
 *
 * @example
 * ```ts
 * const { counts, coverage, cmocs, gaps } = statistics(kb)
 * ```
 */
export interface KnowledgeBaseStatistics {
  readonly files: number
  readonly errors: number
  readonly warnings: number
  /** Acknowledged gaps and CMOCs their source gives only in part. */
  readonly infos: number
  /** The review's words for its theory and groups. */
  readonly vocabulary: Vocabulary
  readonly counts: Coverage['counts']
  readonly coverage: Omit<Coverage, 'counts'>
  /** CMOCs grouped by group (in the groups' order), then in their own order. */
  readonly cmocs: readonly CmocStatistics[]
  /** Entity ids (or files) with each open gap. */
  readonly gaps: Readonly<Record<GapName, readonly string[]>>
  /** Entity ids (or files) whose gap is acknowledged as true to the source. */
  readonly acknowledged: Readonly<Record<GapName, readonly string[]>>
}

/**
 * Counts, coverage, evidence per CMOC and gaps of a knowledge base, each CMOC traced once.
 *
 * @example
 * ```ts
 * import { statistics } from '@realist-kb/core'
 * statistics(kb).coverage.cmocs.withEvidence
 * ```
 */
export function statistics(kb: KnowledgeBase): KnowledgeBaseStatistics {
  const { counts, ...rest } = coverage(kb)
  const errors = kb.diagnostics.filter((d) => d.severity === 'error').length
  const infos = kb.diagnostics.filter((d) => d.severity === 'info').length
  // CMOCs in the theory's order, each traced once.
  const cmocs = inTheoryOrder(kb.graph, entitiesOfKind(kb.graph, 'cmoc')).map(
    (cmoc): CmocStatistics => {
      const trace = evidenceForCmoc(kb.graph, cmoc.id)
      const relations: Record<Relation, number> = { supports: 0, refines: 0, refutes: 0 }
      for (const item of trace?.evidence ?? []) relations[item.evidence.data.relation]++
      return {
        id: cmoc.id,
        group: trace?.group?.id,
        evidence: trace?.evidence.length ?? 0,
        studies: trace?.studies.length ?? 0,
        relations,
      }
    },
  )
  const grouped = gaps(kb)
  const byName = (acknowledged: boolean): Record<GapName, string[]> =>
    Object.fromEntries(
      gapNames.map((name) => [
        name,
        grouped[name]
          .filter((gap) => (gap.acknowledged !== undefined) === acknowledged)
          .map((gap) => gap.entity ?? gap.file),
      ]),
    ) as Record<GapName, string[]>
  return {
    files: kb.files.length,
    errors,
    warnings: kb.diagnostics.length - errors - infos,
    infos,
    vocabulary: vocabularyOf(kb.graph),
    counts,
    coverage: rest,
    cmocs,
    gaps: byName(false),
    acknowledged: byName(true),
  }
}
