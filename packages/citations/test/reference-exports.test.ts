import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormat, planImport, readRecords } from '../src/import.js'

// The same records exported by 21 tools (CC0; see SOURCE.txt there), read field by field.
const folder = path.join(
  import.meta.dirname,
  '..',
  '..',
  'cli',
  'test',
  'fixtures',
  'reference-exports',
)
const files = (await readdir(folder)).filter((name) => name.endsWith('.ris')).sort()

describe('every real export', () => {
  it('is all there', () => {
    expect(files).toHaveLength(21)
  })

  it.each(files)('%s: every record imports, with clean fields', async (file) => {
    const text = await readFile(path.join(folder, file), 'utf8')
    const outcomes = planImport(readRecords(text, detectFormat(text, file)), {
      existing: [],
      takenIds: [],
      sourceName: file,
    })
    expect(outcomes.filter((outcome) => outcome.status === 'fail')).toEqual([])
    for (const outcome of outcomes) {
      if (outcome.status !== 'create') continue
      const { citation, id } = outcome
      const where = `${file} ${id}`
      // Nothing left encoded: no entities, no TeX escapes, in any field.
      const fields = [...citation.authors, ...(citation.keywords ?? []), ...Object.values(citation)]
      for (const value of fields)
        if (typeof value === 'string')
          expect(value, where).not.toMatch(/&(?:[a-z]+|#\d+|#x[\da-f]+);|\\[_&%$#]/i)
      if (citation.doi !== undefined) expect(citation.doi, where).toMatch(/^10\.\d{4,9}\/\S+$/)
      if (citation.doi !== undefined) expect(citation.doi, where).toBe(citation.doi.toLowerCase())
      // Ids come from a family name, never from an initial written first (`a-author-one-2017`).
      expect(id, where).not.toMatch(/^[a-z]-/)
      // Authors are people as Family Initials, or an organisation: never `Anonymous` when the
      // export names someone, and never a bare initial.
      for (const author of citation.authors) expect(author, where).not.toMatch(/^\p{Lu}\.?$/u)
    }
  })
})
