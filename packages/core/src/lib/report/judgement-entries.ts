import type { EdgeAttributes, KnowledgeGraph } from '../graph/types.js'
import { confidenceComponents } from '../kinds/cmoc.js'
import { appraisalDimensions } from '../kinds/study.js'
import type { EdgeType, EntityOf } from '../model/entity.js'
import { optional } from '../optional-field.js'
import { confidenceHintsOf } from '../query/confidence-hints.js'
import { neighbours } from '../query/neighbours.js'
import type { CmocTrace } from '../query/trace.js'
import type {
  CmocConfidenceEntry,
  CmocRelations,
  ReportLink,
  StudyAppraisalEntry,
} from './types.js'

/** A CMOC's confidence for the reports: each part written or `not-assessed`, with the hints. */
export function cmocConfidenceEntry(
  graph: KnowledgeGraph,
  cmoc: EntityOf<'cmoc'>,
  trace: CmocTrace | undefined,
): CmocConfidenceEntry {
  const confidence = cmoc.data.confidence ?? {}
  const components = Object.fromEntries(
    confidenceComponents.map((component) => {
      const assessed = confidence[component]
      return [
        component,
        assessed === undefined
          ? { concern: 'not-assessed' as const }
          : { concern: assessed.concern, explanation: assessed.explanation },
      ]
    }),
  ) as CmocConfidenceEntry['components']
  return {
    overall: confidence.overall?.level ?? 'not-assessed',
    ...(confidence.overall === undefined ? {} : { explanation: confidence.overall.explanation }),
    components,
    ...optional('by', confidence.by),
    ...optional('date', confidence.date),
    // From the CMOC's trace, which the report has made already: its edges are walked once.
    hints: confidenceHintsOf(graph, trace?.evidence ?? [], trace?.studies ?? []),
  }
}

/** The typed CMOC-to-CMOC links written on a CMOC, each made a report link by `link`. */
export function cmocRelations(
  graph: KnowledgeGraph,
  cmocId: string,
  link: (id: string, edge: EdgeAttributes) => ReportLink,
): CmocRelations {
  const of = (type: EdgeType): ReportLink[] =>
    neighbours(graph, cmocId, 'out', type, 'cmoc').map(({ entity, edge }) => link(entity.id, edge))
  return {
    leadsTo: of('leads-to'),
    nestedIn: of('nested-in'),
    refines: of('refines'),
    conflictsWith: of('conflicts-with'),
  }
}

/** A study's appraisal for the reports: each dimension written or `not-appraised`. */
export function studyAppraisalEntry(study: EntityOf<'study'>): StudyAppraisalEntry {
  const appraisal = study.data.appraisal ?? {}
  const dimensions = Object.fromEntries(
    appraisalDimensions.map((dimension) => {
      const judged = appraisal[dimension]
      return [
        dimension,
        judged === undefined
          ? { level: 'not-appraised' as const }
          : {
              level: judged.level,
              justification: judged.justification,
              ...optional('notes', judged.notes),
            },
      ]
    }),
  ) as StudyAppraisalEntry['dimensions']
  return {
    dimensions,
    ...optional('notes', appraisal.notes),
    ...optional('by', appraisal.by),
    ...optional('date', appraisal.date),
  }
}
