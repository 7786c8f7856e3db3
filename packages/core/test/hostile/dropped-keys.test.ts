import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'

const review = readFileSync(
  path.join(import.meta.dirname, '..', '..', '..', '..', 'content', 'review.md'),
  'utf8',
)

describe('no key is dropped without a diagnostic', () => {
  // Record fields are built by assignment, where `__proto__` sets a prototype instead of a key.
  const text = review
    .replace(/^eligibility:\n/m, 'eligibility:\n  __proto__: [anything]\n')
    .replace(/^( +)perCountry:\n/m, '$1perCountry:\n$1  __proto__: 3\n')

  it.each([true, false])(
    '`__proto__` in eligibility and perCountry is reported (fast path %s)',
    (fastPath) => {
      expect(text).toContain('__proto__: [anything]')
      expect(text).toContain('__proto__: 3')
      const parsed = parseFile({ path: 'review.md', text }, { fastPath })
      expect(parsed.entities).toEqual([])
      const messages = parsed.diagnostics.map((d) => `${d.name} ${d.message}`)
      expect(messages).toEqual(
        expect.arrayContaining([
          'invalid-field Unexpected key `__proto__` in `eligibility`, expected a name other than `__proto__`',
          'invalid-field Unexpected key `__proto__` in `reported.perCountry`, expected a name other than `__proto__`',
        ]),
      )
      const line = text.split('\n').findIndex((l) => l.includes('__proto__: [anything]')) + 1
      expect(parsed.diagnostics.find((d) => d.message.includes('`eligibility`'))).toMatchObject({
        line,
        column: 3,
      })
    },
  )

  it('the review itself loads', () => {
    expect(parseFile({ path: 'review.md', text: review }).diagnostics).toEqual([])
  })
})
