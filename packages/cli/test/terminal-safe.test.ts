import type { CliIo } from '@realist-kb/cli'
import { visibleControls } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
import { terminalSafe } from '../src/lib/terminal-safe.js'

function capture(isTTY: boolean): { io: CliIo; written: string[] } {
  const written: string[] = []
  return {
    io: {
      cwd: '.',
      stdout: { isTTY, write: (chunk: string) => written.push(chunk) },
      stderr: { write: () => true },
    },
    written,
  }
}

describe('terminal output', () => {
  it('shows control characters, separators and bidi overrides instead of acting on them', () => {
    expect(visibleControls('a\u001b[2Jb\u0007c\u202ed\te\nf', { keepLines: true })).toBe(
      'a\\u{1b}[2Jb\\u{7}c\\u{202e}d\te\nf',
    )
  })

  it('maps what reaches a terminal, and leaves pipes and files byte for byte', () => {
    const terminal = capture(true)
    terminalSafe(terminal.io).stdout.write('title\u001b]0;pwned\u0007\n')
    expect(terminal.written).toEqual(['title\\u{1b}]0;pwned\\u{7}\n'])
    const pipe = capture(false)
    terminalSafe(pipe.io).stdout.write('title\u001b]0;pwned\u0007\n')
    expect(pipe.written).toEqual(['title\u001b]0;pwned\u0007\n'])
  })
})
