import type { KnowledgeBase } from '../graph/types.js'
import type { ReportedFigure } from '../kinds/review.js'
import { optional } from '../optional-field.js'
import { reviewDataOf } from '../query/review-data.js'
import { type FlowStage, flowStages } from './flow-stages.js'

/**
 * One box of the flow: the figures the review reports at that stage and their total. `value` is
 * undefined (missing, never zero) when no figure is reported or when one of them has no number.
 *
 * @example
 * ```ts
 * const shown = (box: FlowBox): string => (box.value === undefined ? 'not reported' : `n = ${box.value}`)
 * ```
 */
export interface FlowBox {
  readonly stage: FlowStage
  /** The figures at this stage: several for sources of records or reasons for exclusion. */
  readonly items: readonly { readonly label: string; readonly value?: number }[]
  readonly value?: number
}

/**
 * A PRISMA 2020 flow built from a review's labelled figures: one box per stage, in the order
 * of {@link flowStages}. Figures without a stage are not part of it.
 *
 * @example
 * ```ts
 * const flow: PrismaFlow = prismaFlow(report.reportedFigures)
 * flow.boxes.screened.value // undefined when the review does not report it
 * ```
 */
export interface PrismaFlow {
  readonly boxes: { readonly [S in FlowStage]: FlowBox }
  /** Whether any figure has a stage: without one there is no flow to draw. */
  readonly reported: boolean
}

/**
 * Build the PRISMA 2020 flow from a review's reported figures (`reported.figures` in review.md,
 * each with a `stage`). A stage with several figures (databases, reasons for exclusion) totals
 * them, unless one has no number: then the total is missing, not a guess.
 *
 * @example
 * ```ts
 * import { prismaFlow } from '@realist-kb/core'
 * const flow = prismaFlow([
 *   { label: 'MEDLINE', value: 120, stage: 'identified-database', source: 'MEDLINE' },
 *   { label: 'Records screened', value: 90, stage: 'screened' },
 * ])
 * flow.boxes['identified-database'].value // 120
 * ```
 */
export function prismaFlow(figures: readonly ReportedFigure[]): PrismaFlow {
  const boxes = {} as Record<FlowStage, FlowBox>
  for (const stage of flowStages) {
    const items = figures
      .filter((figure) => figure.stage === stage)
      .map((figure) => ({
        label: figure.source ?? figure.label,
        ...optional('value', figure.value),
      }))
    const complete = items.length > 0 && items.every((item) => item.value !== undefined)
    const value = complete ? items.reduce((sum, item) => sum + (item.value ?? 0), 0) : undefined
    boxes[stage] = { stage, items, ...optional('value', value) }
  }
  return { boxes, reported: figures.some((figure) => figure.stage !== undefined) }
}

/**
 * The PRISMA 2020 flow of a knowledge base: {@link prismaFlow} of its review's reported figures
 * (no review, or no figures: every box missing).
 *
 * @example
 * ```ts
 * import { reviewFlow } from '@realist-kb/core'
 * reviewFlow(kb).boxes.included.value
 * ```
 */
export function reviewFlow(kb: Pick<KnowledgeBase, 'graph'>): PrismaFlow {
  return prismaFlow(reviewDataOf(kb.graph)?.reported?.figures ?? [])
}
