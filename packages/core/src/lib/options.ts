import type { ParseOptions } from './parse/parse-file.js'
/**
 * Thrown when a library function is given options it cannot use (a limit that is not a whole
 * number, an empty cache folder...). Content never causes it: content problems are diagnostics.
 * Check it by name: `error.name === 'InvalidOptionsError'`.
 *
 * @example
 * ```ts
 * import { InvalidOptionsError, parseFile } from '@realist-kb/core'
 * try {
 *   parseFile(file, { maxFileSize: Number.NaN })
 * } catch (error) {
 *   if (error instanceof InvalidOptionsError) console.error(error.message)
 * }
 * ```
 */
export class InvalidOptionsError extends TypeError {
  override readonly name = 'InvalidOptionsError'
}

/** Each limit must be a whole number of characters or bytes, zero or more. */
export function checkLimit(name: string, value: unknown): void {
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new InvalidOptionsError(
      `Unexpected \`${name}: ${describe(value)}\`, expected a whole number, zero or more`,
    )
}

/** A switch must be `true` or `false`. */
export function checkSwitch(name: string, value: unknown): void {
  if (value === undefined || typeof value === 'boolean') return
  throw new InvalidOptionsError(
    `Unexpected \`${name}: ${describe(value)}\`, expected true or false`,
  )
}

/**
 * A folder option must name a folder: an empty name would resolve to the working folder and
 * fill it with files.
 */
export function checkFolder(name: string, value: unknown): void {
  if (value === undefined) return
  if (typeof value !== 'string' || value.trim() === '' || value.includes('\u0000'))
    throw new InvalidOptionsError(
      `Unexpected \`${name}: ${describe(value)}\`, expected the path of a folder`,
    )
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value)
  return typeof value
}

/** Throw {@link InvalidOptionsError} for options no load could use. */
export function checkParseOptions(options: Readonly<ParseOptions> | null | undefined): void {
  if (options === null || options === undefined) return
  if (typeof options !== 'object')
    throw new InvalidOptionsError('Unexpected options, expected an object')
  checkSwitch('fastPath', options.fastPath)
  checkLimit('maxFileSize', options.maxFileSize)
  checkLimit('maxLineLength', options.maxLineLength)
}
