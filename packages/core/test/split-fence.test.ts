import fc from 'fast-check'
import matter from 'gray-matter'
import { describe, expect, it } from 'vitest'
import { type FenceOptions, splitFence } from '../src/lib/parse/split-fence.js'

// The loader used gray-matter to split frontmatter from body; `splitFence` reproduces that split
// without gray-matter's Node-only code. These tests hold the two to the same output, quirks
// included, with the engines the loader passes: YAML captured, any other language refused.

class Refused extends Error {}
const options: FenceOptions = {
  language: 'yaml',
  engines: {
    yaml: { parse: () => ({}) },
    json: {
      parse: () => {
        throw new Refused()
      },
    },
    javascript: {
      parse: () => {
        throw new Refused()
      },
    },
    js: {
      parse: () => {
        throw new Refused()
      },
    },
  },
}

type Outcome = { matter: string; content: string } | 'refused' | 'failed'

function outcome(split: () => { matter?: string; content: string }): Outcome {
  try {
    const file = split()
    return { matter: file.matter ?? '', content: file.content }
  } catch (error) {
    return error instanceof Refused ? 'refused' : 'failed'
  }
}

// gray-matter's types declare engines as one-argument parsers; ours take the options too, as
// gray-matter calls them at run time.
type GrayMatterOptions = Parameters<typeof matter>[1]
const viaGrayMatter = (text: string): Outcome =>
  outcome(() =>
    matter(text, { ...options, engines: { ...options.engines } } as unknown as GrayMatterOptions),
  )
const viaSplitFence = (text: string): Outcome => outcome(() => splitFence(text, options))

// Pieces that reach every branch: fences, line ends, comments, the languages gray-matter knows
// (and some names every object inherits), fields and a byte order mark.
const piece = fc.constantFrom(
  '---',
  '-',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '\t',
  '#',
  '# note',
  'yaml',
  'YML',
  'js',
  'JSON',
  'javascript',
  'coffee',
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'kind: audience',
  'name: The public',
  'body text',
  '\uFEFF',
)
const document = fc
  .tuple(fc.boolean(), fc.array(piece, { maxLength: 14 }))
  .map(([fenced, pieces]) => (fenced ? '---' : '') + pieces.join(''))

describe('splitFence', () => {
  it('splits as gray-matter does on generated files', () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(viaSplitFence(text)).toEqual(viaGrayMatter(text))
      }),
      { numRuns: 5000 },
    )
  })

  it.each([
    ['', { matter: '', content: '' }],
    ['---\nkind: audience\n---\nBody\n', { matter: '\nkind: audience', content: 'Body\n' }],
    ['---\r\nkind: audience\r\n---\r\nBody', { matter: '\r\nkind: audience\r', content: 'Body' }],
    ['---yaml\nkind: audience\n---\n', { matter: '\nkind: audience', content: '' }],
    ['---\nkind: audience\n', { matter: '\nkind: audience\n', content: '' }],
    ['----\nkind: audience\n---\n', { matter: '', content: '----\nkind: audience\n---\n' }],
    ['---js\n{}\n---\n', 'refused'],
    ['---coffee\na: 1\n---\n', 'failed'],
    ['---coffee\n# only a comment\n---\nBody', { matter: '\n# only a comment', content: 'Body' }],
  ] as const)('splits %j like gray-matter', (text, expected) => {
    expect(viaSplitFence(text)).toEqual(expected)
    expect(viaGrayMatter(text)).toEqual(expected)
  })
})
