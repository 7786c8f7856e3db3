import type { EdgeAttributes, KnowledgeGraph } from '../graph/types.js'
import { addTo } from '../push-to.js'
import { entitiesOfKind, neighbours } from '../query/neighbours.js'
import type { AudienceEntry, RecommendationEntry, ReportLink } from './types.js'

/**
 * The audiences as reports show them. A compound audience (a cell that names several groups)
 * declares the audiences it `includes`; a recommendation addressed to it is addressed to each of
 * them too, through any depth of nesting, so a filter by a group finds it.
 */
export function audienceEntries(
  graph: KnowledgeGraph,
  recommendations: readonly RecommendationEntry[],
  link: (id: string, edge: EdgeAttributes) => ReportLink,
): AudienceEntry[] {
  const audiences = entitiesOfKind(graph, 'audience')
  const includes = new Map(
    audiences.map((audience) => [
      audience.id,
      neighbours(graph, audience.id, 'out', 'includes', 'audience').map(({ entity, edge }) =>
        link(entity.id, edge),
      ),
    ]),
  )
  // Who reaches each audience: itself and every compound above it (a cycle stops at a repeat).
  const includedIn = new Map<string, Set<string>>()
  for (const audience of audiences) {
    const seen = new Set<string>([audience.id])
    const queue = [audience.id]
    for (let id = queue.pop(); id !== undefined; id = queue.pop())
      for (const included of includes.get(id) ?? [])
        if (!seen.has(included.id)) {
          seen.add(included.id)
          queue.push(included.id)
        }
    for (const id of seen) addTo(includedIn, id, audience.id)
  }
  return audiences.map((audience) => {
    const reachedThrough = includedIn.get(audience.id) ?? new Set([audience.id])
    return {
      id: audience.id,
      file: audience.file,
      line: audience.position.line,
      name: audience.data.name,
      examples: audience.data.examples ?? [],
      includes: includes.get(audience.id) ?? [],
      recommendations: recommendations
        .filter((rec) => rec.audiences.includes(audience.id))
        .map((rec) => rec.id),
      allRecommendations: recommendations
        .filter((rec) => rec.audiences.some((id) => reachedThrough.has(id)))
        .map((rec) => rec.id),
    }
  })
}
