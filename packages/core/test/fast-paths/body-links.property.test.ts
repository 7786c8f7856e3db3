import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findBodyLinks, findBodyLinksWithRemark } from '../../src/lib/parse/body-links.js'

// Fragments that exercise every way a [[link]] can be hidden or split: code spans and fences of
// several lengths, blank lines, emphasis, brackets, block markers, indentation.
const fragment = fc.constantFrom(
  'text ',
  'more words',
  '[[cmoc-1a]]',
  '[[rec-2]] ',
  '[[',
  ']]',
  '`',
  '``',
  '```',
  '```\n',
  '\n```\n',
  '```js\n',
  '\n',
  '\n\n',
  '  ',
  '*',
  '_',
  '# ',
  '- ',
  '1. ',
  '> ',
  '    ',
  '[x]',
  '(y)',
  '\t',
  '<b>',
  '\\',
  '&amp;',
  '~~~\n',
  '](u)',
  ']: u',
  '\n[cmoc-1a]: http://x\n',
  '-     ',
)
const body = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''))

describe('inline links: fast scans agree with remark', () => {
  it('on random bodies made of awkward fragments', () => {
    fc.assert(
      fc.property(body, (text) => {
        expect(findBodyLinks(text)).toEqual(findBodyLinksWithRemark(text))
      }),
      {
        seed: Number(process.env.FC_SEED ?? 20_251_124),
        numRuns: Number(process.env.FC_RUNS ?? 3000),
      },
    )
  })
})
