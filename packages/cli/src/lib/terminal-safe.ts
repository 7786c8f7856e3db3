import type { CliIo } from './io.js'

// C0 and C1 controls except tab and newline, line and paragraph separators, and bidi overrides:
// enough to move the cursor, clear the screen, retitle the terminal or reorder what is shown.
const unsafeForTerminal =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * Text with every character a terminal would act on shown as `\u{..}` instead.
 *
 * @example
 * ```ts
 * visibleControls('a\u001b[2Jb') // 'a\\u{1b}[2Jb'
 * ```
 */
export function visibleControls(text: string): string {
  return text.replace(
    unsafeForTerminal,
    (character) => `\\u{${(character.codePointAt(0) ?? 0).toString(16)}}`,
  )
}

/**
 * The same io, but what goes to a terminal on stdout cannot drive it: content printed by `show`,
 * `stats`, `import` or `watch` is data. Pipes and files get the bytes unchanged.
 *
 * @example
 * ```ts
 * const io = terminalSafe({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() })
 * ```
 */
export function terminalSafe(io: CliIo): CliIo {
  if (io.stdout.isTTY !== true) return io
  const stdout = io.stdout
  return {
    ...io,
    stdout: { isTTY: true, write: (chunk: string) => stdout.write(visibleControls(chunk)) },
  }
}
