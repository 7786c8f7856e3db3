import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { KnowledgeGraph } from '../graph/types.js'
import { entitiesOfKind } from '../query/neighbours.js'
import { studyTermsOf, termDimensions, writtenValues } from '../query/terms.js'

/**
 * Study values that no term of a declared vocabulary matches, as info: the value still works
 * (shown as written), but it may be a synonym the vocabulary should list as an alias. Nothing is
 * reported for a characteristic the review gives no vocabulary.
 *
 * @example
 * ```ts
 * checkStudyTerms(kb.graph).map((d) => d.message)
 * ```
 */
export function checkStudyTerms(graph: KnowledgeGraph): Diagnostic[] {
  const terms = studyTermsOf(graph)
  const declared = termDimensions.filter((dimension) => terms.declares(dimension))
  if (declared.length === 0) return []
  const out: Diagnostic[] = []
  for (const study of entitiesOfKind(graph, 'study'))
    for (const dimension of declared)
      for (const value of writtenValues(study, dimension))
        if (!terms.term(dimension, value).declared)
          out.push(
            createDiagnostic('term-not-in-vocabulary', {
              file: study.file,
              position: study.position,
              entity: study.id,
              message: `Unexpected ${dimension} value \`${value}\` in \`${study.id}\`, expected a term of the review's ${dimension} vocabulary (an id, label or alias)`,
            }),
          )
  return out
}
