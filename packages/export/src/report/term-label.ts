import type { TermDimension, TraceReport } from '@realist-kb/core'

/**
 * How a report shows a study's setting, participant group, design or country: the label of its
 * term (see the review's `vocabularies`), the value itself when the report has none for it.
 */
export function termLabel(
  terms: TraceReport['terms'] | undefined,
  dimension: TermDimension,
  id: string,
): string {
  const labels = terms?.[dimension]
  return labels !== undefined && Object.hasOwn(labels, id) ? (labels[id] ?? id) : id
}

/** The labels of a list of term ids, joined for reading, or `not recorded`. */
export function termLabels(
  terms: TraceReport['terms'] | undefined,
  dimension: TermDimension,
  ids: readonly string[],
): string {
  return ids.map((id) => termLabel(terms, dimension, id)).join(', ') || 'not recorded'
}
