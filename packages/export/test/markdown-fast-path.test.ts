import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../../scripts/corpus/generate.js'
import { markdownToHtml, markdownToHtmlWithUnified } from '../src/report/markdown-to-html.js'

const root = path.resolve(import.meta.dirname, '../../..')

function bodiesUnder(folder: string): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (name.endsWith('.md')) out.push(bodyOf(readFileSync(full, 'utf8')))
    }
  }
  walk(folder)
  return out
}

function bodyOf(text: string): string {
  const close = text.indexOf('\n---', 3)
  return close === -1 ? text : text.slice(close + 4).replace(/^\r?\n/, '')
}

describe('markdown rendering fast path', () => {
  it('renders plain prose exactly as the unified pipeline does', () => {
    const bodies = [
      ...generateCorpus({ studies: 400, seed: 5 }).map((file) => bodyOf(file.text)),
      ...bodiesUnder(path.join(root, 'content')),
      ...bodiesUnder(path.join(root, 'packages/core/test/fixtures')),
      ...bodiesUnder(path.join(root, 'packages/export/test/fixtures')),
    ]
    expect(bodies.length).toBeGreaterThan(400)
    for (const body of bodies)
      expect(markdownToHtml(body), body.slice(0, 80)).toBe(markdownToHtmlWithUnified(body))
  })

  it('agrees on the edges of what counts as plain', () => {
    const cases = [
      'One line.',
      'A\nB',
      'Two  spaces inside.',
      'Trailing spaces.  \nBreak',
      'Ends with a hyphen -\nnext',
      '- a list',
      '1. a list',
      '# heading',
      'Title\n===',
      'Quote: "x" and it\'s 5% (a/b).',
      'Link [[cmoc-1a]], and [[rec-2-3]].',
      '[[cmoc-1a]] first',
      'Not [[Not-An-Id]] a link',
      'x\n\n\n\ny',
      '\n\nLeading blank lines.\n\n',
      'A: b',
      'e.g. a; b',
      'In code, `[[cmoc-1]]` is text.',
      '`code` first, then [[cmoc-1]] and `more code`',
      'a `b  c` d',
      'a ` b` c',
      'a `b ` c',
      'a `` b `` c',
      '`a``b`',
      'a `b`` c',
      'unclosed `code',
      '[[a`b`]]',
      'x`a`y`b`z',
      'one `line\nand` the next',
      '```\n[[cmoc-1]] in a block\n```',
      '```\n```',
      '```\na\n\nb\n```',
      '```\n```\n```',
      '```js\ncode\n```',
      '~~~\ncode\n~~~',
      ' ```\ncode\n```',
      '```\n  indented\n```',
      'text\n```\ncode\n```',
      '```\ncode\n```\ntext',
      'Before.\n\n```\ncode line\n(more)\n```\n\nAfter `x`.',
    ]
    for (const text of cases)
      expect(markdownToHtml(text), text).toBe(markdownToHtmlWithUnified(text))
  })

  it('agrees with unified on generated bodies near the edge of plain (fast-check)', () => {
    // Pieces the fast path takes, and pieces one character away from them.
    const piece = fc.oneof(
      { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9.,;:?()%/-]{0,7}$/) },
      {
        weight: 2,
        arbitrary: fc
          .stringMatching(/^[A-Za-z0-9 .,;:?()%/[\]-]{1,9}$/)
          .map((code) => `\`${code}\``),
      },
      fc.constantFrom('[[cmoc-1]]', '`[[cmoc-2]]`', '`', '``', '```', '[[', ']]', '[', ']', '-'),
      fc.constantFrom('1.', '(', ')', "'", '"', '%', ':', '#', '*', '_', '<', '&', '\\'),
    )
    const line = fc
      .array(fc.tuple(piece, fc.constantFrom(' ', ' ', '', '  ')), { minLength: 1, maxLength: 6 })
      .map((parts) =>
        parts
          .map(([text, space]) => text + space)
          .join('')
          .trimEnd(),
      )
    const chunk = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
      },
      fc.array(line, { maxLength: 3 }).map((lines) => ['```', ...lines, '```'].join('\n')),
    )
    // Line feeds before the first chunk and after the last one are dropped, as unified drops them.
    const body = fc
      .tuple(
        fc.constantFrom('', '\n', '\n\n'),
        fc.array(fc.tuple(chunk, fc.constantFrom('\n\n', '\n', '\n\n\n', '')), {
          minLength: 1,
          maxLength: 5,
        }),
      )
      .map(([lead, chunks]) => lead + chunks.map(([text, gap]) => text + gap).join(''))
    fc.assert(
      fc.property(body, (text) => {
        expect(markdownToHtml(text)).toBe(markdownToHtmlWithUnified(text))
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000), seed: 20261124 },
    )
  }, 180_000)
})
