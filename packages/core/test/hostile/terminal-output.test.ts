import { formatDiagnostics, loadFromMemory } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'

// Text a terminal would act on: clear the screen, set the window title, erase the current line
// (hiding an error), ring the bell, reorder what follows.
const escapes = '\u001b[2J\u001b]0;owned\u0007\r\u001b[2K\u009b31m\u202Egnp.exe'

describe('diagnostics printed for people are inert in a terminal', () => {
  it('prints control characters and bidirectional overrides from content as visible escapes', () => {
    const kb = loadFromMemory([
      { path: 'audiences/a.md', text: `---\nkind: "aud${escapes}"\nname: A\n---\n` },
      { path: `audiences/b${escapes}.md`, text: '---\nkind: audience\nname: B\n---\n' },
    ])
    const text = formatDiagnostics(kb.diagnostics)
    // Only line feeds remain, between lines of the grid.
    expect(text.replace(/\n/g, '')).not.toMatch(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
      /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
    )
    expect(text).toContain(
      'aud\\u{1b}[2J\\u{1b}]0;owned\\u{7}\\u{d}\\u{1b}[2K\\u{9b}31m\\u{202e}gnp.exe',
    )
    expect(text).toContain('audiences/b\\u{1b}[2J')
    // Messages themselves keep the exact text, for JSON output and editors.
    expect(kb.diagnostics.some((d) => d.message.includes(escapes))).toBe(true)
  })
})
