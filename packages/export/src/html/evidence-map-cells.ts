import type { GapMapTable } from '@realist-kb/core'

/**
 * What the evidence map's page needs to list a bubble's studies, read from the gap map alone
 * (a weighted map counts only some of a CMOC's studies): each CMOC row's studies once for all
 * tables, and each study's columns in each table. A bubble's studies are then its row's studies
 * whose columns in its table include its column, in row order: exactly the gap map's cell.
 */
export interface MapCells {
  /** Each CMOC's row, by CMOC id: its position in {@link MapCells.rows}. */
  readonly rowOf: ReadonlyMap<string, number>
  /**
   * Per row, its studies as positions in the report's studies, in an order that keeps the order
   * of every one of the row's cells.
   */
  readonly rows: readonly (readonly number[])[]
  /**
   * Per table, per study position, the indices of the study's columns (`values`); a column is
   * repeated when the gap map lists the study twice in the cell. Undefined where the table
   * counts no row with the study.
   */
  readonly columns: readonly (readonly (readonly number[] | undefined)[])[]
}

/**
 * The rows and columns of the gap map's tables, over the report's studies in order (`studyIds`);
 * a cell's study that is not among them cannot be listed and is left out.
 */
export function mapCells(tables: readonly GapMapTable[], studyIds: readonly string[]): MapCells {
  const positionOf = new Map(studyIds.map((id, position) => [id, position]))
  const rowOf = new Map<string, number>()
  // Per row, the positions of its cells' studies one cell after another, `cellEnd` between cells.
  const sequenceOfRow: number[][] = []
  const columns = tables.map((table) => {
    const columnsOf = new Array<number[] | undefined>(studyIds.length).fill(undefined)
    // A study's columns are the same in every row: read them from the first row that has it.
    const ownerRow = new Int32Array(studyIds.length).fill(-1)
    for (const row of table.rows) {
      let rowIndex = rowOf.get(row.cmoc)
      if (rowIndex === undefined) {
        rowIndex = sequenceOfRow.length
        rowOf.set(row.cmoc, rowIndex)
        sequenceOfRow.push([])
      }
      const sequence = sequenceOfRow[rowIndex] ?? []
      for (let column = 0; column < row.studies.length; column++) {
        for (const id of row.studies[column] ?? []) {
          const position = positionOf.get(id)
          if (position === undefined) continue
          sequence.push(position)
          const owner = ownerRow[position]
          if (owner !== -1 && owner !== rowIndex) continue
          ownerRow[position] = rowIndex
          const known = columnsOf[position]
          if (known === undefined) columnsOf[position] = [column]
          else known.push(column)
        }
        sequence.push(cellEnd)
      }
    }
    return columnsOf
  })
  const order = orderOfCells(studyIds.length)
  return { rowOf, rows: sequenceOfRow.map((sequence) => order(sequence)), columns }
}

const cellEnd = -1

/**
 * One order of the studies of a row's cells that keeps each cell's order: a topological order of
 * "comes just before in some cell" (Kahn's), over arrays reused from row to row. The gap map's
 * cells follow one order of the CMOC's studies, so one exists; were the cells to contradict
 * each other, the rest follow in order of first appearance.
 */
function orderOfCells(studyCount: number): (sequence: readonly number[]) => number[] {
  const localOf = new Int32Array(studyCount).fill(-1)
  const waitingFor = new Int32Array(studyCount)
  // Where each study's edges start in `targets` (compressed rows), and where the next is written.
  const edgesFrom = new Int32Array(studyCount + 1)
  const written = new Int32Array(studyCount)
  const queue = new Int32Array(studyCount)
  const at = (array: Int32Array, index: number): number => array[index] ?? 0
  return (sequence) => {
    const studies: number[] = []
    for (const position of sequence) {
      if (position === cellEnd || at(localOf, position) !== -1) continue
      localOf[position] = studies.length
      studies.push(position)
    }
    const count = studies.length
    waitingFor.fill(0, 0, count)
    edgesFrom.fill(0, 0, count + 1)
    // Each study's edge to the one after it in a cell, as pairs of local numbers.
    const edges: number[] = []
    let before = cellEnd
    for (const position of sequence) {
      if (before !== cellEnd && position !== cellEnd && position !== before) {
        const [from, to] = [at(localOf, before), at(localOf, position)]
        edges.push(from, to)
        edgesFrom[from + 1] = at(edgesFrom, from + 1) + 1
        waitingFor[to] = at(waitingFor, to) + 1
      }
      before = position
    }
    for (let node = 0; node < count; node++)
      edgesFrom[node + 1] = at(edgesFrom, node + 1) + at(edgesFrom, node)
    const targets = new Int32Array(edges.length / 2)
    written.set(edgesFrom.subarray(0, count))
    for (let edge = 0; edge < edges.length; edge += 2) {
      const from = edges[edge] ?? 0
      targets[at(written, from)] = edges[edge + 1] ?? 0
      written[from] = at(written, from) + 1
    }
    let length = 0
    for (let node = 0; node < count; node++) if (at(waitingFor, node) === 0) queue[length++] = node
    for (let head = 0; head < length; head++) {
      const node = at(queue, head)
      for (let edge = at(edgesFrom, node); edge < at(edgesFrom, node + 1); edge++) {
        const next = at(targets, edge)
        waitingFor[next] = at(waitingFor, next) - 1
        if (waitingFor[next] === 0) queue[length++] = next
      }
    }
    const order = Array.from(queue.subarray(0, length), (node) => studies[node] ?? cellEnd)
    // Only cells that contradict each other leave studies waiting.
    if (length < count)
      for (const position of studies)
        if (at(waitingFor, at(localOf, position)) > 0) order.push(position)
    for (const position of studies) localOf[position] = -1
    return order
  }
}
