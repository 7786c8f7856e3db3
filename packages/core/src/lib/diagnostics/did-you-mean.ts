import { distance } from 'fastest-levenshtein'

/**
 * The candidate closest to `value`, if it is close enough to be a likely typo.
 *
 * @example
 * ```ts
 * didYouMean('cmoc-2x', ['cmoc-2c', 'cmoc-3a']) // 'cmoc-2c'
 * ```
 */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(value.length / 3))
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const current = distance(value, candidate)
    if (
      current < bestDistance ||
      (current === bestDistance && best !== undefined && candidate < best)
    ) {
      best = candidate
      bestDistance = current
    }
  }
  return bestDistance <= limit ? best : undefined
}
