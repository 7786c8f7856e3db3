import { parseArgs } from 'node:util'
import { UsageError } from './io.js'

/** What {@link parseCommandArgs} returns: typed option values and positionals. */
export type ParsedCommandArgs<T extends OptionSpec> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>

/** Option definitions in the shape node:util `parseArgs` takes. */
export type OptionSpec = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
>

/**
 * Parse a subcommand's arguments strictly: unknown options and missing values are usage errors.
 */
export function parseCommandArgs<T extends OptionSpec>(
  args: readonly string[],
  options: T,
  maxPositionals: number,
): ParsedCommandArgs<T> {
  let parsed: ParsedCommandArgs<T>
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(
      error instanceof Error
        ? error.message.replace(/\. To specify a positional argument.*$/s, '')
        : String(error),
    )
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`Unexpected argument \`${parsed.positionals[maxPositionals]}\``)
  }
  return parsed
}

/** Check that a string option takes one of the allowed values. */
export function oneOf<const T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`Unexpected --${name} \`${value}\`, expected one of ${allowed.join(', ')}`)
}
