import type { Position } from '../diagnostics/diagnostic.js'

/**
 * Turns character offsets in a text into 1-based line and column numbers. Built once per file;
 * each lookup is a binary search over line starts.
 */
export class LineIndex {
  readonly #lineStarts: number[]
  readonly #length: number

  constructor(text: string) {
    const starts = [0]
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      starts.push(index + 1)
    }
    this.#lineStarts = starts
    this.#length = text.length
  }

  /** Line and column (both 1-based) of an offset, clamped to the text. */
  point(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.#length))
    let low = 0
    let high = this.#lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((this.#lineStarts[middle] ?? 0) <= clamped) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: clamped - (this.#lineStarts[low] ?? 0) + 1 }
  }

  /** A position covering the range from `start` to `end` (offsets). */
  range(start: number, end: number): Position {
    const from = this.point(start)
    const to = this.point(Math.max(start, end))
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column }
  }

  /** Number of lines in the text. */
  get lineCount(): number {
    return this.#lineStarts.length
  }
}
