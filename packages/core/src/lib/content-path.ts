/**
 * Is this path a content file: markdown, not a README, not hidden?
 *
 * @example
 * ```ts
 * isContentPath('cmocs/cmoc-2c.md') // true
 * isContentPath('cmocs/README.md') // false
 * isContentPath('.drafts/cmoc-9.md') // false
 * ```
 */
export function isContentPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return (
    /\.md$/i.test(name) &&
    name.toLowerCase() !== 'readme.md' &&
    !path.split('/').some((part) => part.startsWith('.'))
  )
}

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
