import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { KnowledgeGraph } from '../graph/types.js'

/**
 * The evidence gaps reviewers care about, as warnings: recommendations without CMOCs, CMOCs
 * without evidence or resting on one study, studies that evidence nothing, groups without CMOCs.
 *
 * @example
 * ```ts
 * const warnings = checkGaps(kb.graph)
 * ```
 */
export function checkGaps(graph: KnowledgeGraph): Diagnostic[] {
  const out: Diagnostic[] = []
  graph.forEachNode((id) => {
    out.push(...checkNodeGaps(graph, id))
  })
  return out
}

/**
 * The gap warnings of one entity: what `checkGaps` reports for it. Lets an incremental update
 * recheck only the entities an edit can affect.
 *
 * @example
 * ```ts
 * checkNodeGaps(kb.graph, 'cmoc-2c') // [] or a cmoc-without-evidence / single-study-cmoc warning
 * ```
 */
export function checkNodeGaps(graph: KnowledgeGraph, id: string): Diagnostic[] {
  const node = graph.getNodeAttributes(id)
  const at = { file: node.file, position: { line: 1, column: 1 }, entity: id }
  switch (node.kind) {
    case 'recommendation':
      // Judged on what the file lists: a listed CMOC that fails to resolve is reported as such.
      if (!node.links.some((link) => link.type === 'derived-from')) {
        return [
          createDiagnostic('recommendation-without-cmoc', {
            ...at,
            message: `Unexpected recommendation \`${id}\` without CMOCs, expected at least one in \`cmocs\``,
          }),
        ]
      }
      return []
    case 'cmoc': {
      const studies = someStudiesOfCmoc(graph, id, 2)
      if (studies.length === 0) {
        return [
          createDiagnostic('cmoc-without-evidence', {
            ...at,
            message: `Unexpected CMOC \`${id}\` without evidence, expected evidence from at least one study`,
          }),
        ]
      }
      if (studies.length === 1) {
        return [
          createDiagnostic('single-study-cmoc', {
            ...at,
            message: `Unexpected single supporting study (\`${studies[0]}\`) for \`${id}\`, expected 2 or more`,
          }),
        ]
      }
      return []
    }
    case 'study':
      if (!graph.someInEdge(id, (_edge, attributes) => attributes.type === 'drawn-from')) {
        return [
          createDiagnostic('uncited-study', {
            ...at,
            message: `Unexpected study \`${id}\` that evidences no CMOC, expected at least one evidence entry`,
          }),
        ]
      }
      return []
    case 'group':
      if (
        !graph.someInEdge(
          id,
          (_edge, attributes, source) =>
            attributes.type === 'belongs-to' && graph.getNodeAttribute(source, 'kind') === 'cmoc',
        )
      ) {
        return [
          createDiagnostic('group-without-cmoc', {
            ...at,
            message: `Unexpected group \`${id}\` without CMOCs, expected at least one CMOC to belong to it`,
          }),
        ]
      }
      return []
    default:
      return []
  }
}

/**
 * Up to `limit` distinct studies whose evidence bears on a CMOC: the gap checks need to know only
 * whether there are none, one or several, and a CMOC of a large base has hundreds. Stopping at
 * the second keeps an edit's recheck of the CMOCs it touches from walking all their evidence.
 */
function someStudiesOfCmoc(graph: KnowledgeGraph, cmocId: string, limit: number): string[] {
  const studies = new Set<string>()
  graph.someInEdge(cmocId, (_edge, attributes, evidence) => {
    if (attributes.type !== 'evidences' || graph.getNodeAttribute(evidence, 'kind') !== 'evidence')
      return false
    graph.forEachOutEdge(evidence, (_drawn, drawn, _source, study) => {
      if (drawn.type === 'drawn-from' && graph.getNodeAttribute(study, 'kind') === 'study')
        studies.add(study)
    })
    return studies.size >= limit
  })
  return [...studies]
}
