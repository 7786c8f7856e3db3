import { loadFromMemory, parseFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
import { cpuTimed } from '../helpers/cpu-time.js'

// Hostile files within the size limits whose cost grew with the square of their size: each ran
// for minutes before its fix, and takes about a second now. Budgets are generous for slow
// machines; a quadratic algorithm overshoots them many times over. Processor time, not the wall
// clock: on a shared machine the wall clock counts the wait for a core too.
const budgetMs = 10_000

function timed(text: string): { ms: number; parsed: ReturnType<typeof parseFile> } {
  const { ms, result } = cpuTimed(() => parseFile({ path: 'audiences/a.md', text }))
  return { ms, parsed: result }
}

const audience = (matter: string, body = ''): string =>
  `---\nkind: audience\nname: A\n${matter}\n---\n${body}`

describe('work stays proportional to the size of a file', () => {
  it('60,000 unknown fields: found by an index, the first thousand reported, the rest counted', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`).join('\n')
    const { ms, parsed } = timed(audience(keys))
    expect(parsed.diagnostics).toHaveLength(1_001)
    expect(parsed.diagnostics.at(-2)).toMatchObject({ name: 'invalid-field', line: 1_003 })
    expect(parsed.diagnostics.at(-1)).toMatchObject({
      code: 'RKB114',
      name: 'too-many-diagnostics',
      severity: 'error',
      line: 1_004,
      message:
        'Unexpected 59,000 more problems in this file (59,000 errors), expected at most 1,000 reported per file',
    })
    expect(ms).toBeLessThan(budgetMs)
  })

  it('the cap holds for a whole base: 5,000 dangling links in one body', () => {
    const body = Array.from({ length: 5_000 }, (_, i) => `[[missing-${i}]]`).join(' ')
    const kb = loadFromMemory([{ path: 'audiences/a.md', text: audience('', body) }])
    const own = kb.diagnostics.filter((d) => d.file === 'audiences/a.md')
    expect(own).toHaveLength(1_001)
    expect(own.at(-1)?.message).toBe(
      'Unexpected 4,000 more problems in this file (4,000 errors), expected at most 1,000 reported per file',
    )
  })

  it('did-you-mean: the first dangling references get a hint, not 18,000 of them', () => {
    const audiences = Array.from({ length: 2_000 }, (_, i) => ({
      path: `audiences/group-${i}.md`,
      text: `---\nkind: audience\nname: G\n---\n`,
    }))
    const body = Array.from({ length: 18_000 }, (_, i) => `[[group-${i}x]]`).join('\n\n')
    const { ms, result: kb } = cpuTimed(() =>
      loadFromMemory([...audiences, { path: 'audiences/a.md', text: audience('', body) }]),
    )
    const hinted = kb.diagnostics.filter((d) => d.hint.startsWith('did you mean'))
    expect(hinted.length).toBe(20)
    expect(hinted[0]?.hint).toBe('did you mean `group-0`?')
    expect(ms).toBeLessThan(budgetMs)
  })

  it('60,000 repeats of one key: duplicates found in one pass', () => {
    const keys = Array.from({ length: 60_000 }, () => 'k: 1').join('\n')
    const { ms, parsed } = timed(audience(keys))
    expect(parsed.diagnostics).toHaveLength(1_001)
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
