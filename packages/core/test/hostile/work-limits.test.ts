import { parseFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'

// Hostile files within the size limits whose cost grew with the square of their size: each ran
// for minutes before its fix, and takes about a second now. Budgets are generous for slow
// machines; a quadratic algorithm overshoots them many times over.
const budgetMs = 10_000

function timed(text: string): { ms: number; parsed: ReturnType<typeof parseFile> } {
  const started = performance.now()
  const parsed = parseFile({ path: 'audiences/a.md', text })
  return { ms: performance.now() - started, parsed }
}

const audience = (matter: string, body = ''): string =>
  `---\nkind: audience\nname: A\n${matter}\n---\n${body}`

describe('work stays proportional to the size of a file', () => {
  it('60,000 unknown fields: each reported, found by an index, not a scan', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`).join('\n')
    const { ms, parsed } = timed(audience(keys))
    expect(parsed.diagnostics).toHaveLength(60_000)
    expect(parsed.diagnostics.at(-1)).toMatchObject({ name: 'invalid-field', line: 60_003 })
    expect(ms).toBeLessThan(budgetMs)
  })

  it('60,000 repeats of one key: duplicates found in one pass', () => {
    const keys = Array.from({ length: 60_000 }, () => 'k: 1').join('\n')
    const { ms, parsed } = timed(audience(keys))
    expect(parsed.diagnostics).toHaveLength(59_999)
    expect(parsed.diagnostics[0]?.message).toBe(
      'Unexpected duplicate field `k`, expected each field once',
    )
    expect(ms).toBeLessThan(budgetMs)
  })

  it('one paragraph of 16,000 lines of links and brackets', () => {
    const body = '[[a]] [[b]] <c> [d] e]\n'.repeat(16_000)
    const { ms, parsed } = timed(audience('', body))
    expect(parsed.entities[0]?.links).toHaveLength(32_000)
    expect(ms).toBeLessThan(budgetMs)
  })
})
