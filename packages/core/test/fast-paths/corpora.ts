import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { generateCorpus } from '../../../../scripts/corpus/generate.js'

const root = path.resolve(import.meta.dirname, '../../../..')

function markdownFiles(folder: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (name.endsWith('.md'))
        out.push({ path: path.relative(folder, full), text: readFileSync(full, 'utf8') })
    }
  }
  walk(folder)
  return out
}

/**
 * Files as people and `realist-kb import` leave them: a comment line after the kind, a comment
 * after every third plain value, a blank line before the evidence, and every other file with
 * CRLF line ends (a base checked out on Windows).
 */
function asWrittenByPeople(
  files: readonly { path: string; text: string }[],
): { path: string; text: string }[] {
  return files.map((file, index) => {
    let values = 0
    const lines = file.text.split('\n')
    const close = lines.indexOf('---', 1)
    const edited = lines.flatMap((line, at) => {
      if (at === 0 || at >= close) return [line]
      if (/^kind: /.test(line)) return [line, '# TODO: check every field against the source']
      if (line === 'evidence:') return ['', line]
      if (/^ *[A-Za-z]+: [A-Za-z0-9][^#]*$/.test(line) && ++values % 3 === 0)
        return [`${line} # checked`]
      return [line]
    })
    const text = edited.join('\n')
    return { path: file.path, text: index % 2 === 0 ? text : text.replaceAll('\n', '\r\n') }
  })
}

/**
 * Texts to compare fast paths on: a generated corpus, the same with comments and CRLF line ends,
 * the bundled review and every fixture.
 */
export function comparisonCorpora(): { name: string; files: { path: string; text: string }[] }[] {
  return [
    {
      name: 'generated corpus (1,000 studies, two seeds)',
      files: [
        ...generateCorpus({ studies: 600, seed: 1 }),
        ...generateCorpus({ studies: 400, seed: 2 }),
      ],
    },
    {
      name: 'generated corpus with comments and CRLF line ends (120 studies)',
      files: asWrittenByPeople(generateCorpus({ studies: 120, seed: 3 })),
    },
    { name: 'bundled review', files: markdownFiles(path.join(root, 'content')) },
    { name: 'fixtures', files: markdownFiles(path.join(root, 'packages/core/test/fixtures')) },
  ]
}
