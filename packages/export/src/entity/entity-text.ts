import type { EntityDescription } from './describe-entity.js'

/**
 * An {@link EntityDescription} as text for a terminal: a heading line, the reference of a study,
 * its fields as `path: value` lines, its links out and in, and its chain.
 *
 * @example
 * ```ts
 * import { describeEntity, renderEntityText } from '@realist-kb/export'
 * const described = describeEntity(kb, 'cmoc-1a')
 * if (described) process.stdout.write(renderEntityText(described))
 * // cmoc cmoc-1a  (cmocs/cmoc-1a.md:1)
 * // ...
 * ```
 */
export function renderEntityText(shown: EntityDescription): string {
  const lines = [`${shown.kind} ${shown.id}  (${shown.place})`]
  if (shown.reference) lines.push('', 'Reference (Vancouver)', `  ${shown.reference}`)
  lines.push('', 'Fields')
  for (const [key, value] of flatten(shown.data, '')) lines.push(`  ${key}: ${value}`)
  for (const [title, list] of [
    ['Links out', shown.linksOut],
    ['Links in', shown.linksIn],
  ] as const) {
    lines.push('', title)
    if (list.length === 0) lines.push('  (none)')
    for (const item of list) {
      const why = item.rationale ? ` - ${item.rationale}` : ''
      lines.push(
        `  ${item.type.padEnd(12)}  ${item.kind} ${item.id}  ${item.basis}${why}  (${item.place})`,
      )
    }
  }
  const chain = Object.entries(shown.chain)
  if (chain.length > 0) {
    lines.push('', 'Chain')
    for (const [name, list] of chain)
      lines.push(`  ${name}: ${list.length === 0 ? '(none)' : list.join('; ')}`)
  }
  return `${lines.join('\n')}\n`
}

/** Fields as `path: value` pairs, nested objects and lists of objects spelt out. */
function flatten(value: unknown, prefix: string): [string, string][] {
  if (value === undefined) return []
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null))
      return [[prefix, value.map(String).join(', ')]]
    return value.flatMap((item, index) => flatten(item, `${prefix}[${index}]`))
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      // kind and id head the output already.
      prefix === '' && (key === 'kind' || key === 'id')
        ? []
        : flatten(item, prefix === '' ? key : `${prefix}.${key}`),
    )
  }
  return [[prefix, String(value)]]
}
