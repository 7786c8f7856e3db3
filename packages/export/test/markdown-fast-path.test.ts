import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { markdownToHtml } from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../../scripts/corpus/generate.js'
import { markdownToHtmlWithUnified } from '../src/report/markdown-to-html.js'

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
    ]
    for (const text of cases)
      expect(markdownToHtml(text), text).toBe(markdownToHtmlWithUnified(text))
  })
})
