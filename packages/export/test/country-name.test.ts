import { describe, expect, it } from 'vitest'
import { countryName } from '../src/report/country-name.js'

describe('countryName', () => {
  it('names a country by its ISO code, so that NO reads Norway and not "no"', () => {
    expect(countryName('NO')).toBe('Norway')
    expect(countryName('GB')).toBe('United Kingdom')
    expect(countryName('US')).toBe('United States')
  })

  it('returns a code it cannot name as written, without throwing', () => {
    expect(countryName('not a code')).toBe('not a code')
    expect(countryName('')).toBe('')
  })
})
