import {
  buildKnowledgeBase,
  IncrementalKnowledgeBase,
  type ParsedFile,
  parseFile,
  type SourceFile,
} from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../../../scripts/corpus/generate.js'
import { Random } from '../../../../scripts/corpus/random.js'
import { kbSnapshot } from './kb-snapshot.js'

/** Edits a researcher makes: relink, break, fix, duplicate, delete and add files. */
function edit(random: Random, files: Map<string, string>): { path: string; text?: string } {
  const paths = [...files.keys()]
  const path = random.pick(paths)
  const text = files.get(path) ?? ''
  switch (random.int(0, 8)) {
    case 0:
      return { path, text: text.replace(/cmoc-\d+/, `cmoc-${random.int(1, 30)}`) } // relink
    case 1:
      return { path, text: text.replace(/cmoc-\d+/, 'cmoc-missing') } // dangling
    case 2:
      return { path, text: text.replace('kind:', 'kind: [broken') } // malformed YAML
    case 3:
      return { path } // delete
    case 4:
      return {
        path: `studies/copy-${random.int(1, 5)}.md`,
        text: files.get(random.pick(paths.filter((p) => p.startsWith('studies/')))) ?? '',
      } // new file, maybe a duplicate id
    case 5:
      return { path: path.replace(/\.md$/, '-renamed.md'), text } // add under another name
    case 6:
      return { path, text: text.replace(/^evidence:[\s\S]*?(?=^---)/m, '') } // drop all evidence
    case 7:
      return { path: 'review.md' } // remove the review, then edits bring files back
    default:
      return { path: 'second-review.md', text: files.get('review.md') ?? '' } // a second review
  }
}

describe('IncrementalKnowledgeBase', () => {
  // Heavy on purpose: a busy machine may take several times its usual 10 s.
  it('matches a full rebuild after every one of 150 random edits', () => {
    const random = new Random(7)
    const files = new Map(
      generateCorpus({ studies: 120, seed: 3 }).map((file) => [file.path, file.text]),
    )
    const live = new IncrementalKnowledgeBase(
      [...files].map(([path, text]) => parseFile({ path, text })),
    )
    // The full rebuild parses a file again only when its text changed: parsing is a pure function
    // of path and text, and re-parsing every unchanged file cost two thirds of this test. The
    // rebuild's parses are its own objects, never the ones the incremental side was given.
    const parsedForRebuild = new Map<string, { text: string; file: ParsedFile }>()
    const rebuildParse = (path: string, text: string): ParsedFile => {
      const cached = parsedForRebuild.get(path)
      if (cached?.text === text) return cached.file
      const file = parseFile({ path, text })
      parsedForRebuild.set(path, { text, file })
      return file
    }
    for (let step = 0; step < 150; step++) {
      const change = edit(random, files)
      if (change.text === undefined) {
        files.delete(change.path)
        live.remove(change.path)
      } else {
        files.set(change.path, change.text)
        live.update(parseFile({ path: change.path, text: change.text } satisfies SourceFile))
      }
      const full = buildKnowledgeBase([...files].map(([path, text]) => rebuildParse(path, text)))
      expect(kbSnapshot(live.knowledgeBase), `after step ${step}: ${change.path}`).toEqual(
        kbSnapshot(full),
      )
    }
  }, 180_000)
})
