import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { checkRameses, loadFromMemory, ramesesItems, type SourceFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'

const contentDir = path.join(import.meta.dirname, '../../../content')

/** The bundled review's files, read once; each test edits a copy. */
const bundled: readonly SourceFile[] = readdirSync(contentDir, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.md'))
  .map((file) => ({
    path: file.split(path.sep).join('/'),
    text: readFileSync(path.join(contentDir, file), 'utf8'),
  }))

/** The checklist of the bundled review with `edit` applied to every file (or dropping it). */
function checkEdited(edit: (file: SourceFile) => string | undefined = (file) => file.text) {
  const files = bundled.flatMap((file) => {
    const text = edit(file)
    return text === undefined ? [] : [{ path: file.path, text }]
  })
  const checklist = checkRameses(loadFromMemory(files))
  return (item: number) => checklist.rows.find((row) => row.item.number === item)?.check.status
}

const inReview = (replace: (text: string) => string) => (file: SourceFile) =>
  file.path === 'review.md' ? replace(file.text) : file.text

describe('RAMESES checklist', () => {
  it('has the 19 items of the standard, in order', () => {
    expect(ramesesItems.map((item) => item.number)).toEqual(
      Array.from({ length: 19 }, (_, index) => index + 1),
    )
  })

  it('reports what the bundled review provides and what it does not', () => {
    const checklist = checkRameses(loadFromMemory(bundled))
    const status = Object.fromEntries(
      checklist.rows.map((row) => [row.item.number, row.check.status]),
    )
    expect(status).toEqual({
      1: 'passed',
      2: 'manual',
      3: 'manual',
      4: 'manual',
      5: 'manual',
      6: 'manual',
      7: 'manual',
      8: 'passed',
      9: 'passed',
      10: 'manual',
      11: 'manual',
      // The text gives the documents included (164); the other flow counts are in Fig. 1 only.
      12: 'passed',
      13: 'passed',
      14: 'passed',
      15: 'manual',
      16: 'manual',
      17: 'manual',
      18: 'passed',
      19: 'manual',
    })
    expect(checklist.failed).toEqual([])
    // The paper does not say how the literature was first scoped (item 7).
    expect(checklist.unaccounted).toEqual([7])
    expect(
      checklist.rows.filter((row) => row.reportedAt === undefined).map((row) => row.item.number),
    ).toEqual([7])
    expect(checklist.source).toContain('BMC Medicine 2013;11:21')
  })

  it('places each item where review.md says it is reported', () => {
    const status = checkRameses(
      loadFromMemory(
        bundled.map((file) => ({
          path: file.path,
          text: inReview((t) =>
            t.replace(/^rameses:\n/m, 'rameses:\n  "7": Methods, scoping section\n'),
          )(file),
        })),
      ),
    )
    expect(status.rows[6]?.reportedAt).toBe('Methods, scoping section')
    expect(status.unaccounted).not.toContain(7)
  })

  it('fails each automatic check when its data is removed', () => {
    expect(checkEdited(inReview((t) => t.replace(/: a realist synthesis/, '')))(1)).toBe('failed')
    expect(checkEdited(inReview((t) => t.replace(/^ {2}databases: .*\n/m, '')))(8)).toBe('failed')
    expect(checkEdited(inReview((t) => t.replace(/^ {2}(from|to): .*\n/gm, '')))(8)).toBe('failed')
    expect(checkEdited(inReview((t) => t.replace(/^eligibility:\n(?: {2}.*\n)+/m, '')))(9)).toBe(
      'failed',
    )
    expect(
      checkEdited((file) =>
        file.path.startsWith('studies/')
          ? file.text.replace(/^(design|countries):.*\n/gm, '')
          : file.text,
      )(13),
    ).toBe('failed')
    expect(
      checkEdited((file) => (file.path.startsWith('cmocs/') ? undefined : file.text))(14),
    ).toBe('failed')
    expect(
      checkEdited((file) =>
        file.path === 'recommendations/rec-1-1.md'
          ? file.text.replace(/^audiences:.*\n/m, '')
          : file.text,
      )(18),
    ).toBe('failed')
  })

  it('passes the flow check with the documents included, and fails without', () => {
    expect(checkEdited()(12)).toBe('passed')
    const withoutIncluded = inReview((t) =>
      t.replace(/^ {4}- label: Articles included.*\n(?: {6}.*\n)+/m, ''),
    )
    expect(checkEdited(withoutIncluded)(12)).toBe('failed')
    const withoutFigures = inReview((t) => t.replace(/^ {2}figures:\n(?: {4,}.*\n)+/m, ''))
    expect(checkEdited(withoutFigures)(12)).toBe('failed')
  })
})
