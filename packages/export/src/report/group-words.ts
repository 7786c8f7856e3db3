import { capitalised, type TraceReport } from '@realist-kb/core'

/** What a report calls the review's groups: the review's own words, ready for headings. */
export interface GroupWords {
  /** `NPT construct`, `context`, `group`. */
  readonly singular: string
  readonly plural: string
  /** Capitalised for a heading or label: `NPT constructs`, `Contexts`. */
  readonly Singular: string
  readonly Plural: string
  /** `Without a context`, `Without an NPT construct`. */
  readonly without: string
}

/** The words a report uses for groups, from the review's vocabulary. */
export function groupWords(report: TraceReport): GroupWords {
  const { singular, plural } = report.vocabulary.group
  return {
    singular,
    plural,
    Singular: capitalised(singular),
    Plural: capitalised(plural),
    without: `Without ${/^[aeiou]/i.test(singular) || /^[A-Z]{2}/.test(singular) ? anFor(singular) : 'a'} ${singular}`,
  }
}

// An initialism is read letter by letter: "an NPT construct", "a UK context".
function anFor(word: string): string {
  if (/^[A-Z]{2}/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a'
  return 'an'
}
