import { loadFromMemory } from '@realist-kb/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyTimeout } from './fc-settings.js'

// Depths from 1 to 100,000, with few runs at the large end: each deep input is large, and what
// is checked is that nothing recurses on depth, not how often.
const depthArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 300 }) },
  { weight: 1, arbitrary: fc.integer({ min: 301, max: 100_000 }) },
)

type Shape = (depth: number) => { matter: string; body: string }
const shapes: Record<string, Shape> = {
  'block quotes': (depth) => ({ matter: '', body: `${'>'.repeat(depth)} [[a]] <` }),
  'compact lists': (depth) => ({ matter: '', body: `${'- '.repeat(depth)}[[a]]` }),
  'indented lists': (depth) => ({
    matter: '',
    body: Array.from({ length: Math.min(depth, 1_000) }, (_, i) => `${'  '.repeat(i)}- x`).join(
      '\n',
    ),
  }),
  'quotes and lists': (depth) => ({ matter: '', body: `${'> - '.repeat(depth)}x` }),
  'YAML flow lists': (depth) => ({
    matter: `examples: ${'['.repeat(depth)}x${']'.repeat(depth)}`,
    body: '',
  }),
  'YAML flow maps': (depth) => ({
    matter: `examples: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`,
    body: '',
  }),
  'YAML unclosed flow': (depth) => ({ matter: `examples: ${'[[]'.repeat(depth)}`, body: '' }),
  'YAML block lists': (depth) => ({ matter: `examples:\n  ${'- '.repeat(depth)}x`, body: '' }),
  'YAML block maps': (depth) => ({
    matter: Array.from({ length: Math.min(depth, 1_000) }, (_, i) => `${' '.repeat(i)}k${i}:`).join(
      '\n',
    ),
    body: '',
  }),
}

describe('no nesting depth makes loading throw', () => {
  for (const [name, shape] of Object.entries(shapes)) {
    it(
      name,
      () => {
        fc.assert(
          fc.property(depthArbitrary, (depth) => {
            const { matter, body } = shape(depth)
            const text = `---\nkind: audience\nname: A\n${matter}\n---\n${body}\n`
            const kb = loadFromMemory([{ path: 'audiences/a.md', text }])
            // Within the limits the file loads; past them it says so, in its own file.
            const errors = kb.diagnostics.filter((d) => d.severity === 'error')
            if (kb.graph.order === 0) expect(errors.length).toBeGreaterThan(0)
            for (const error of errors) expect(error.file).toBe('audiences/a.md')
          }),
          // The extremes always, then a few drawn depths.
          { numRuns: 12, examples: [[1], [100], [101], [100_000]] },
        )
      },
      propertyTimeout,
    )
  }
})
