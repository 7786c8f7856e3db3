/**
 * The id a content file gives its entity when it names none: its name without `.md`.
 *
 * @example
 * ```ts
 * fileStem('cmocs/cmoc-2c.md') // 'cmoc-2c'
 * ```
 */
export function fileStem(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '')
}

/** The folder of a relative, `/`-separated path (`''` at the top). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}
