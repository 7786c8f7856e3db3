/**
 * `{ [key]: value }`, or `{}` when the value is undefined, to spread into an object: with
 * `exactOptionalPropertyTypes` a key is left out rather than set to `undefined`, and output
 * (JSON, snapshots) never carries a key without a value.
 *
 * @example
 * ```ts
 * const link = { id: 'cmoc-2c', ...optional('rationale', edge.rationale) }
 * ```
 */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
