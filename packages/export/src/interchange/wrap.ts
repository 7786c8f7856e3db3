/**
 * Break a one-line text into lines of at most `width` characters at spaces (a longer word gets a
 * line of its own), so that diagram boxes grow down rather than sideways.
 *
 * @example
 * ```ts
 * wrapWords('Integrate training in the curriculum.', 20)
 * // ['Integrate training', 'in the curriculum.']
 * ```
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (word === '') continue
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line)
  return lines
}
