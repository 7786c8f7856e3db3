import type { KnowledgeGraph } from '../graph/types.js'
import type { EntityOf } from '../model/entity.js'
import { optional } from '../optional-field.js'
import { entitiesOfKind } from '../query/neighbours.js'
import { capitalised, vocabularyOf } from '../query/vocabulary.js'
import type { FigureEntry, TraceReport } from './types.js'

/**
 * The review's reported figures next to what is encoded, so that a reader sees at once what the
 * knowledge base holds of the review and what it lacks.
 */
export function reportedVersusEncoded(
  graph: KnowledgeGraph,
): Pick<TraceReport, 'figures' | 'countries' | 'reportedFigures'> {
  // Counts need no sorting: one pass over the nodes.
  const counts = {
    review: 0,
    group: 0,
    cmoc: 0,
    study: 0,
    evidence: 0,
    recommendation: 0,
    audience: 0,
  }
  const studies: EntityOf<'study'>[] = []
  graph.forEachNode((_id, node) => {
    counts[node.kind]++
    if (node.kind === 'study') studies.push(node)
  })
  const review = entitiesOfKind(graph, 'review')[0]
  const reported = review?.data.reported
  const included = studies.filter(
    (study) => (study.data.inclusion?.status ?? 'unknown') === 'included',
  ).length
  const encodedCountries = new Map<string, number>()
  for (const study of studies)
    for (const code of study.data.countries ?? [])
      encodedCountries.set(code, (encodedCountries.get(code) ?? 0) + 1)

  const figure = (
    key: string,
    label: string,
    reportedValue: number | undefined,
    encoded: number,
    note: string,
  ): FigureEntry => ({
    key,
    label,
    ...optional('reported', reportedValue),
    encoded,
    note,
  })
  const figures: FigureEntry[] = [
    figure(
      'papers',
      'Included papers',
      reported?.papers,
      studies.length,
      `${studies.length} study files encoded, of which ${included} marked included; the others are cited sources whose inclusion is unknown or ruled out.`,
    ),
    figure(
      'included',
      'Studies marked included',
      reported?.papers,
      included,
      'Sources whose inclusion the text or the eligibility criteria establish.',
    ),
    figure(
      'countries',
      'Countries',
      reported?.countries,
      encodedCountries.size,
      'Distinct countries recorded on study files.',
    ),
    figure(
      'groups',
      capitalised(vocabularyOf(graph).group.plural),
      reported?.groups,
      counts.group,
      'The parts of the programme theory that findings are grouped by.',
    ),
    figure(
      'cmocs',
      'CMOCs',
      reported?.cmocs,
      counts.cmoc,
      'Context-mechanism-outcome configurations.',
    ),
    figure(
      'recommendations',
      'Recommendations',
      reported?.recommendations,
      counts.recommendation,
      'Recommendations with their audiences.',
    ),
    figure(
      'evidence',
      'Evidence entries',
      undefined,
      counts.evidence,
      'Points linking a study to CMOCs.',
    ),
  ].filter((entry) => entry.reported !== undefined || entry.encoded > 0)
  const codes = new Set([...Object.keys(reported?.perCountry ?? {}), ...encodedCountries.keys()])
  const countries = [...codes]
    .map((code) => {
      const reportedCount = reported?.perCountry?.[code]
      return {
        code,
        ...optional('reported', reportedCount),
        encoded: encodedCountries.get(code) ?? 0,
      }
    })
    .sort(
      (a, b) =>
        (b.reported ?? 0) - (a.reported ?? 0) ||
        b.encoded - a.encoded ||
        (a.code < b.code ? -1 : 1),
    )
  return { figures, countries, reportedFigures: reported?.figures ?? [] }
}
