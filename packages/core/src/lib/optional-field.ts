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

/**
 * Set `target[key]` when the value is defined, in place: the form of {@link optional} for the
 * records a report makes by the ten thousand, where spreading a small object per field was a
 * measurable share of the work. Keys keep the order they are set in.
 *
 * @example
 * ```ts
 * const link: { id: string; rationale?: string } = { id: 'cmoc-2c' }
 * setDefined(link, 'rationale', edge.rationale)
 * ```
 */
export function setDefined<T extends object, K extends keyof T>(
  target: Writable<T>,
  key: K,
  value: T[K] | undefined,
): void {
  if (value !== undefined) target[key] = value
}

/**
 * `T` with its properties writable, for a record built field by field before it is handed out
 * as `T`.
 *
 * @example
 * ```ts
 * const entry: Writable<ReportLink> = { id, basis: 'stated', writtenAt }
 * ```
 */
export type Writable<T> = { -readonly [K in keyof T]: T[K] }
