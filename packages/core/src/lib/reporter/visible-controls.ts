// C0 and C1 controls, line and paragraph separators, and bidirectional marks and overrides:
// enough to move the cursor, clear the screen, retitle the terminal, break a grid of output or
// reorder what is shown. Content (messages quote it; file names are content too) is data.
const everyControl =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its job
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
// The same, but tab and line feed are left as they are: for multi-line output such as a page.
const controlsButLines =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its job
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * Options of {@link visibleControls}.
 *
 * @example
 * ```ts
 * const options: VisibleControlsOptions = { keepLines: true }
 * visibleControls(text, options)
 * ```
 */
export interface VisibleControlsOptions {
  /** Leave tabs and line feeds as they are (default: shown as escapes too). */
  readonly keepLines?: boolean
}

/**
 * Text with every character a terminal would act on shown as `\u{..}` instead, so that content
 * printed to a terminal cannot drive it.
 *
 * @example
 * ```ts
 * visibleControls('a\u001b[2Jb') // 'a\\u{1b}[2Jb'
 * visibleControls('one\ntwo', { keepLines: true }) // 'one\ntwo'
 * ```
 */
export function visibleControls(
  text: string,
  options?: Readonly<VisibleControlsOptions> | null,
): string {
  return text.replace(
    options?.keepLines ? controlsButLines : everyControl,
    (character) => `\\u{${(character.codePointAt(0) ?? 0).toString(16)}}`,
  )
}
