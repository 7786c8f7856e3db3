import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Write a fan-out knowledge base into `dir`: `size` recommendations, CMOCs and studies, where every
 * recommendation derives from every CMOC and every study has one evidence entry bearing on every
 * CMOC. Small files, but size³ recommendation-CMOC-study paths. Resolves to its size in bytes.
 *
 * @example
 * ```ts
 * const bytes = await writeFanOutBase('/tmp/kb', 80)
 * ```
 */
export async function writeFanOutBase(dir: string, size: number): Promise<number> {
  const ids = (prefix: string): string[] =>
    Array.from({ length: size }, (_, index) => `${prefix}-${index + 1}`)
  const cmocs = ids('cmoc')
  const files = new Map<string, string>([
    ['review.md', '---\nkind: review\ntitle: Fan-out\nauthors: [Doe J]\nyear: 2024\n---\n'],
    ['groups/core.md', '---\nkind: group\nname: Core\ndescription: All of it.\n---\n'],
    ['audiences/all.md', '---\nkind: audience\nname: Everyone\n---\n'],
  ])
  for (const [index, id] of cmocs.entries())
    files.set(
      `cmocs/${id}.md`,
      `---\nkind: cmoc\nlabel: C${index + 1}\ntitle: Configuration ${index + 1}\ngroup: core\ncontext: A context.\nmechanism: A mechanism.\noutcome: An outcome.\n---\n`,
    )
  for (const [index, id] of ids('rec').entries())
    files.set(
      `recommendations/${id}.md`,
      `---\nkind: recommendation\ngroup: core\nsection: 1\norder: ${index + 1}\ntext: Do thing ${index + 1}.\naudiences: [all]\ncmocs: [${cmocs.join(', ')}]\n---\n`,
    )
  for (const [index, id] of ids('study').entries())
    files.set(
      `studies/${id}.md`,
      `---\nkind: study\ncitation:\n  authors: [Author${index + 1} A]\n  year: 2020\n  title: Study ${index + 1}\ninclusion:\n  status: included\nevidence:\n  - cmocs: [${cmocs.join(', ')}]\n    relation: supports\n    parts: [mechanism]\n    point: Point ${index + 1}.\n---\n`,
    )
  let bytes = 0
  for (const [relative, text] of files) {
    const file = path.join(dir, relative)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, text)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}
