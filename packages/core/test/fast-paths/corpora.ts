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

/** Texts to compare fast paths on: a generated corpus, the bundled review and every fixture. */
export function comparisonCorpora(): { name: string; files: { path: string; text: string }[] }[] {
  return [
    {
      name: 'generated corpus (1,000 studies, two seeds)',
      files: [
        ...generateCorpus({ studies: 600, seed: 1 }),
        ...generateCorpus({ studies: 400, seed: 2 }),
      ],
    },
    { name: 'bundled review', files: markdownFiles(path.join(root, 'content')) },
    { name: 'fixtures', files: markdownFiles(path.join(root, 'packages/core/test/fixtures')) },
  ]
}
