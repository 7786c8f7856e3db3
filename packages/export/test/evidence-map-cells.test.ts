import path from 'node:path'
import { buildTraceReport, type GapMapTable } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type MapCells, mapCells } from '../src/html/evidence-map-cells.js'

const root = path.resolve(import.meta.dirname, '../../..')

/** What the page script lists for a bubble: its row's studies with its column, in row order. */
function listed(cells: MapCells, table: number, cmoc: string, column: number, ids: string[]) {
  const row = cells.rows[cells.rowOf.get(cmoc) ?? -1] ?? []
  return row.flatMap((position) =>
    (cells.columns[table]?.[position] ?? [])
      .filter((each) => each === column)
      .map(() => ids[position]),
  )
}

/** Every cell of every table, as the gap map lists it and as the page would. */
function everyCell(tables: readonly GapMapTable[], ids: string[]) {
  const cells = mapCells(tables, ids)
  const known = new Set(ids)
  return tables.flatMap((table, index) =>
    table.rows.flatMap((row) =>
      row.studies.map((studies, column) => ({
        expected: studies.filter((id) => known.has(id)),
        actual: listed(cells, index, row.cmoc, column, ids),
      })),
    ),
  )
}

describe('evidence map cells: each row and each study once', () => {
  it('gives back every cell of the bundled review and of a weighted map, in order', async () => {
    const bundled = buildTraceReport(await loadDirectory(path.join(root, 'content')))
    // Only the appraised studies of at least moderate rigour are counted.
    const weighted = buildTraceReport(
      await loadDirectory(path.join(root, 'packages/export/test/fixtures/judgement')),
      { gapMapWeighting: { dimension: 'rigour', atLeast: 'moderate' } },
    )
    for (const report of [bundled, weighted]) {
      const cells = everyCell(
        report.gapMap,
        report.studies.map((study) => study.id),
      )
      // Some cell holds several studies, so their order is checked too.
      expect(cells.some((cell) => cell.expected.length > 1)).toBe(true)
      for (const cell of cells) expect(cell.actual).toEqual(cell.expected)
    }
  })

  it('gives back every cell of any gap map built from one order of each CMOC studies', () => {
    // Built as core builds a gap map: each CMOC's studies in its order, each study in the column
    // of each of its values (a value written twice lists the study twice).
    const gapMap = fc
      .record({
        studyCount: fc.integer({ min: 1, max: 12 }),
        tableCount: fc.integer({ min: 1, max: 3 }),
        columnCount: fc.integer({ min: 1, max: 4 }),
      })
      .chain(({ studyCount, tableCount, columnCount }) =>
        fc.record({
          studyCount: fc.constant(studyCount),
          columnCount: fc.constant(columnCount),
          cmocs: fc.array(
            fc.uniqueArray(fc.nat({ max: studyCount - 1 }), { maxLength: studyCount }),
            { minLength: 1, maxLength: 5 },
          ),
          values: fc.array(
            fc.array(fc.array(fc.nat({ max: columnCount - 1 }), { minLength: 1, maxLength: 3 }), {
              minLength: studyCount,
              maxLength: studyCount,
            }),
            { minLength: tableCount, maxLength: tableCount },
          ),
          // Studies a cell may name that the page does not list.
          unlisted: fc.uniqueArray(fc.nat({ max: studyCount - 1 }), { maxLength: 2 }),
        }),
      )
    fc.assert(
      fc.property(gapMap, ({ studyCount, columnCount, cmocs, values, unlisted }) => {
        const id = (study: number): string => `study-${study}`
        const tables: GapMapTable[] = values.map((valuesOfStudy, table) => ({
          dimension: `dimension-${table}`,
          values: Array.from({ length: columnCount }, (_, column) => `value-${column}`),
          labels: Array.from({ length: columnCount }, (_, column) => `Value ${column}`),
          rows: cmocs.map((studies, cmoc) => {
            const cells: string[][] = Array.from({ length: columnCount }, () => [])
            for (const study of studies)
              for (const column of valuesOfStudy[study] ?? []) cells[column]?.push(id(study))
            return {
              cmoc: `cmoc-${cmoc}`,
              counts: cells.map((cell) => cell.length),
              studies: cells,
            }
          }),
        }))
        const ids = Array.from({ length: studyCount }, (_, study) => study)
          .filter((study) => !unlisted.includes(study))
          .map(id)
        for (const cell of everyCell(tables, ids)) expect(cell.actual).toEqual(cell.expected)
      }),
    )
  })

  it('lists every study of a row once even when its cells contradict each other', () => {
    const table = (first: string[], second: string[]): GapMapTable => ({
      dimension: 'd',
      values: ['a', 'b'],
      labels: ['A', 'B'],
      rows: [{ cmoc: 'cmoc-1', counts: [first.length, second.length], studies: [first, second] }],
    })
    const cells = mapCells(
      [table(['s1', 's2'], []), table(['s2', 's1'], ['s3'])],
      ['s1', 's2', 's3'],
    )
    expect([...(cells.rows[0] ?? [])].sort()).toEqual([0, 1, 2])
  })
})
