/** Field names and kinds of format 1 that format 2 renamed, with their new names. */
// A Map, not an object: names come from content, and `__proto__` or `constructor` must find nothing.
const renamed: ReadonlyMap<string, string> = new Map([
  ['construct', 'group'],
  ['constructs', 'groups'],
])

/**
 * The hint for a kind or field name that format 1 used and format 2 renamed (`construct`), for the
 * loader to say what happened instead of only "unexpected"; `undefined` for any other name.
 */
export function renamedNameHint(name: string): string | undefined {
  const now = renamed.get(name)
  return now === undefined
    ? undefined
    : `\`${name}\` was renamed to \`${now}\` in format 2: run \`realist-kb migrate --write\``
}

/** {@link renamedNameHint} as a diagnostic's `hint` field, or no field. */
export function renamedHint(name: string): { hint: string } | Record<string, never> {
  const hint = renamedNameHint(name)
  return hint === undefined ? {} : { hint }
}
