import { reviewFlow } from '../flow/prisma-flow.js'
import type { KnowledgeBase } from '../graph/types.js'
import { optional } from '../optional-field.js'
import { type EntitiesOfKind, entitiesByKind, neighbours } from '../query/neighbours.js'
import { type RamesesItem, ramesesItems, ramesesSource } from './rameses-items.js'

/**
 * What the data can show about one RAMESES item: `passed` or `failed` with the reason, or
 * `manual` when no automatic check exists (only the review's own statement can tell).
 *
 * @example
 * ```ts
 * const shown = (check: RamesesCheck): string => `${check.status}: ${check.detail}`
 * ```
 */
export interface RamesesCheck {
  readonly status: 'passed' | 'failed' | 'manual'
  readonly detail: string
}

/**
 * One row of the RAMESES checklist: the item, where the review says it reports it (`rameses:` in
 * review.md), and the automatic check.
 *
 * @example
 * ```ts
 * const missing = (row: RamesesRow): boolean => row.reportedAt === undefined && row.check.status !== 'passed'
 * ```
 */
export interface RamesesRow {
  readonly item: RamesesItem
  readonly reportedAt?: string
  readonly check: RamesesCheck
}

/**
 * The RAMESES checklist of a knowledge base.
 *
 * @example
 * ```ts
 * const checklist: RamesesChecklist = checkRameses(kb)
 * checklist.rows.filter((row) => row.check.status === 'failed').map((row) => row.item.number)
 * ```
 */
export interface RamesesChecklist {
  readonly source: string
  readonly rows: readonly RamesesRow[]
  /** Items whose automatic check failed. */
  readonly failed: readonly number[]
  /** Items the review neither places nor shows from its data. */
  readonly unaccounted: readonly number[]
}

type Check = (kb: Pick<KnowledgeBase, 'graph'>, ofKind: EntitiesOfKind) => RamesesCheck

const pass = (detail: string): RamesesCheck => ({ status: 'passed', detail })
const fail = (detail: string): RamesesCheck => ({ status: 'failed', detail })

/** The checks the data can make, by item number. */
const checks: Readonly<Record<number, Check>> = {
  1: (_kb, ofKind) => {
    const title = ofKind('review')[0]?.data.title
    if (title === undefined) return fail('no review.md')
    return /\brealist\b/i.test(title)
      ? pass('the title names a realist review')
      : fail('the title does not say "realist"')
  },
  8: (_kb, ofKind) => {
    const search = ofKind('review')[0]?.data.search
    const databases = search?.databases?.length ?? 0
    if (databases === 0) return fail('no databases listed under `search.databases`')
    const dates = search?.from !== undefined && search.to !== undefined
    return dates
      ? pass(`${databases} databases searched from ${search?.from} to ${search?.to}`)
      : fail('no search dates (`search.from`, `search.to`)')
  },
  9: (_kb, ofKind) => {
    const criteria = Object.values(ofKind('review')[0]?.data.eligibility ?? {})
    const count = criteria.reduce((sum, list) => sum + list.length, 0)
    return count > 0
      ? pass(`${count} selection criteria listed`)
      : fail('no selection criteria under `eligibility`')
  },
  12: (kb) => {
    const flow = reviewFlow(kb)
    if (!flow.reported) return fail('no reported figure has a flow `stage`')
    return flow.boxes.included.value === undefined
      ? fail('the flow has no figure for the documents included')
      : pass(`a flow of documents to ${flow.boxes.included.value} included`)
  },
  13: (_kb, ofKind) => {
    const included = ofKind('study').filter((study) => study.data.inclusion?.status === 'included')
    const described = included.filter(
      (study) => study.data.design !== undefined || (study.data.countries?.length ?? 0) > 0,
    )
    return described.length > 0
      ? pass(`${described.length} of ${included.length} included studies have a design or country`)
      : fail('no included study has a design or a country')
  },
  14: (_kb, ofKind) => {
    const cmocs = ofKind('cmoc').length
    const review = ofKind('review')[0]
    const theory = review?.data.theory !== undefined || ofKind('group').length > 0
    if (cmocs === 0) return fail('no CMOCs')
    return theory
      ? pass(`${cmocs} CMOCs and a programme theory`)
      : fail('CMOCs but no programme theory (`theory` in review.md, or groups)')
  },
  18: (kb, ofKind) => {
    const recommendations = ofKind('recommendation')
    if (recommendations.length === 0) return fail('no recommendations')
    const without = recommendations.filter(
      (rec) => neighbours(kb.graph, rec.id, 'out', 'addresses', 'audience').length === 0,
    )
    return without.length === 0
      ? pass(`${recommendations.length} recommendations, each naming its audiences`)
      : fail(`${without.length} of ${recommendations.length} recommendations name no audience`)
  },
}

/**
 * Check a knowledge base against the RAMESES publication standards: for each of the 19 items,
 * where the review says it reports it (`rameses:` in review.md) and, for the items the data can
 * show (title, search, selection criteria, flow of documents, document characteristics, CMOCs and
 * programme theory, recommendations with audiences), whether it does.
 *
 * @example
 * ```ts
 * import { checkRameses } from '@realist-kb/core'
 * const { failed, unaccounted } = checkRameses(kb)
 * ```
 */
export function checkRameses(kb: Pick<KnowledgeBase, 'graph'>): RamesesChecklist {
  // Several checks ask for entities of a kind: one walk over the nodes serves them all.
  const ofKind = entitiesByKind(kb.graph)
  const placed = ofKind('review')[0]?.data.rameses ?? {}
  const rows = ramesesItems.map((item): RamesesRow => {
    const reportedAt = placed[String(item.number)]
    const check = checks[item.number]?.(kb, ofKind) ?? {
      status: 'manual' as const,
      detail: 'not checked automatically',
    }
    return { item, ...optional('reportedAt', reportedAt), check }
  })
  return {
    source: ramesesSource,
    rows,
    failed: rows.filter((row) => row.check.status === 'failed').map((row) => row.item.number),
    unaccounted: rows
      .filter((row) => row.reportedAt === undefined && row.check.status !== 'passed')
      .map((row) => row.item.number),
  }
}
