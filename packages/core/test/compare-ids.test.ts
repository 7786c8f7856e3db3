import { compareIds } from '@realist-kb/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

// The order every list of the report is sorted in: digit runs as numbers, the rest by code point.
// The reference below reads each digit run as a number, which is exact up to 15 digits.
function reference(a: string, b: string): number {
  const parts = (id: string): (string | number)[] =>
    id.split(/(\d+)/).map((part, index) => (index % 2 === 1 ? Number(part) : part))
  const [left, right] = [parts(a), parts(b)]
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const [x, y] = [left[index] as string | number, right[index] as string | number]
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return x - y
    } else if (x !== y) {
      // Compare the text runs code point by code point up to where one ends.
      const [s, t] = [String(x), String(y)]
      for (let i = 0; i < Math.min(s.length, t.length); i++)
        if (s.charCodeAt(i) !== t.charCodeAt(i)) return s.charCodeAt(i) - t.charCodeAt(i)
      return s.length - t.length
    }
  }
  return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0)
}

const id = fc
  .array(
    fc.oneof(fc.constantFrom('study', 'cmoc', 'rec', 'e', 'a'), fc.stringMatching(/^\d{1,15}$/)),
    {
      minLength: 1,
      maxLength: 5,
    },
  )
  .map((parts) => parts.join('-'))

describe('compareIds', () => {
  it('orders digit runs as numbers: cmoc-2 before cmoc-10, study-007 beside study-7', () => {
    expect(['cmoc-10', 'cmoc-2', 'cmoc-1b', 'cmoc-1a'].sort(compareIds)).toEqual([
      'cmoc-1a',
      'cmoc-1b',
      'cmoc-2',
      'cmoc-10',
    ])
    expect(['study-7', 'study-007', 'study-08'].sort(compareIds)).toEqual([
      'study-007',
      'study-7',
      'study-08',
    ])
  })

  it('compares digit runs past 2^53 exactly', () => {
    // The two runs are one number once read as doubles: the text after them must not decide.
    expect(compareIds('x-90071992547409921-a', 'x-90071992547409920-b')).toBeGreaterThan(0)
    expect(compareIds('x-90071992547409920-b', 'x-90071992547409921-a')).toBeLessThan(0)
  })

  it('agrees with a plain reference and is antisymmetric', () => {
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(Math.sign(compareIds(a, b))).toBe(Math.sign(reference(a, b)))
        expect(Math.sign(compareIds(a, b)) + Math.sign(compareIds(b, a))).toBe(0)
      }),
      { numRuns: 2000 },
    )
  })
})
