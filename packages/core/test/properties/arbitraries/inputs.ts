import { entityKinds, kindFolders, type SourceFile } from '@realist-kb/core'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { entityDataArbitrary } from './entities.js'
import { markdownBodyArbitrary } from './markdown.js'
import { contentFileTextArbitrary, contentPathArbitrary } from './yaml-ish.js'

// Pieces that matter to the loader, so that random text often looks almost like content.
const fragment = fc.constantFrom(
  '---',
  '---\n',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  '\u0000',
  '\uD800',
  '\uDC00',
  'kind: cmoc\n',
  'id: x\n',
  ': ',
  '- ',
  '[[',
  ']]',
  '`',
  '```\n',
  '&a ',
  '*a',
  '!!js/function ',
  '{',
  '[',
  '"',
  "'",
  '\t',
  '    ',
)

/**
 * Any text at all: random code points (lone surrogates and NUL included), random graphemes, or
 * loader-relevant fragments run together.
 *
 * @example
 * ```ts
 * fc.sample(anyTextArbitrary, 1)[0] // e.g. '---\n\u0000[[kind: cmoc\n'
 * ```
 */
export const anyTextArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc
    .array(fc.oneof(fragment, fc.string({ maxLength: 5 })), { maxLength: 30 })
    .map((parts) => parts.join('')),
)

// A small pool of ids, so that generated entities refer to each other, collide and dangle.
const pooledId = fc.constantFrom('a', 'b', 'c', 'cmoc-1a', 'rec-1-1', 'doe-2020', 'doe-2020-e1')

const validEntityFile: fc.Arbitrary<SourceFile> = fc
  .constantFrom(...entityKinds)
  .chain((kind) =>
    fc.tuple(
      fc.constant(kind),
      entityDataArbitrary(kind, pooledId),
      pooledId,
      markdownBodyArbitrary,
    ),
  )
  .map(([kind, data, stem, body]) => ({
    path: kind === 'review' ? 'review.md' : `${kindFolders[kind]}/${stem}.md`,
    text: `---\n${stringify(data)}---\n${body}`,
  }))

/**
 * One content file of any quality: a valid entity, a YAML-ish file, or any text, at a path that
 * is usually well placed.
 *
 * @example
 * ```ts
 * fc.sample(sourceFileArbitrary, 1)[0] // { path: 'cmocs/a.md', text: '---\n...' }
 * ```
 */
export const sourceFileArbitrary: fc.Arbitrary<SourceFile> = fc.oneof(
  { weight: 3, arbitrary: validEntityFile },
  {
    weight: 3,
    arbitrary: fc.record({
      path: contentPathArbitrary,
      text: contentFileTextArbitrary(markdownBodyArbitrary),
    }),
  },
  { weight: 1, arbitrary: fc.record({ path: contentPathArbitrary, text: anyTextArbitrary }) },
)

/**
 * A knowledge base in memory: up to eight files with distinct paths.
 *
 * @example
 * ```ts
 * const kb = loadFromMemory(fc.sample(knowledgeBaseArbitrary, 1)[0] ?? [])
 * ```
 */
export const knowledgeBaseArbitrary: fc.Arbitrary<SourceFile[]> = fc.uniqueArray(
  sourceFileArbitrary,
  { maxLength: 8, selector: (file) => file.path },
)
