import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { KnowledgeGraph } from '../graph/types.js'
import { studiesOfCmoc } from '../query/neighbours.js'

/**
 * The evidence gaps reviewers care about, as warnings: recommendations without CMOCs, CMOCs
 * without evidence or resting on one study, studies that evidence nothing, constructs without CMOCs.
 *
 * @example
 * ```ts
 * const warnings = checkGaps(kb.graph)
 * ```
 */
export function checkGaps(graph: KnowledgeGraph): Diagnostic[] {
  const out: Diagnostic[] = []
  graph.forEachNode((id, node) => {
    const at = { file: node.file, position: { line: 1, column: 1 }, entity: id }
    switch (node.kind) {
      case 'recommendation':
        // Judged on what the file lists: a listed CMOC that fails to resolve is reported as such.
        if (!node.links.some((link) => link.type === 'derived-from')) {
          out.push(
            createDiagnostic('recommendation-without-cmoc', {
              ...at,
              message: `Unexpected recommendation \`${id}\` without CMOCs, expected at least one in \`cmocs\``,
            }),
          )
        }
        break
      case 'cmoc': {
        const studies = studiesOfCmoc(graph, id)
        if (studies.length === 0) {
          out.push(
            createDiagnostic('cmoc-without-evidence', {
              ...at,
              message: `Unexpected CMOC \`${id}\` without evidence, expected evidence from at least one study`,
            }),
          )
        } else if (studies.length === 1) {
          out.push(
            createDiagnostic('single-study-cmoc', {
              ...at,
              message: `Unexpected single supporting study (\`${studies[0]}\`) for \`${id}\`, expected 2 or more`,
            }),
          )
        }
        break
      }
      case 'study':
        if (!hasEdge(graph, id, 'in', 'drawn-from')) {
          out.push(
            createDiagnostic('uncited-study', {
              ...at,
              message: `Unexpected study \`${id}\` that evidences no CMOC, expected at least one evidence entry`,
            }),
          )
        }
        break
      case 'construct':
        if (
          !graph.someInEdge(
            id,
            (_edge, attributes, source) =>
              attributes.type === 'belongs-to' && graph.getNodeAttribute(source, 'kind') === 'cmoc',
          )
        ) {
          out.push(
            createDiagnostic('construct-without-cmoc', {
              ...at,
              message: `Unexpected construct \`${id}\` without CMOCs, expected at least one CMOC to belong to it`,
            }),
          )
        }
        break
      default:
        break
    }
  })
  return out
}

function hasEdge(
  graph: KnowledgeGraph,
  id: string,
  direction: 'in' | 'out',
  type: string,
): boolean {
  return direction === 'in'
    ? graph.someInEdge(id, (_edge, attributes) => attributes.type === type)
    : graph.someOutEdge(id, (_edge, attributes) => attributes.type === type)
}
