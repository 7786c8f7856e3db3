import { parseArgs } from 'node:util'
import { cacheDirectoryFor } from './cache-directory.js'
import type {
  Choice,
  Choices,
  Command,
  CommandContext,
  CommandIo,
  OpenedContent,
  OptionDeclaration,
  OptionDeclarations,
} from './command.js'
import { commands } from './commands.js'
import { resolveContentDir } from './content-dir.js'
import { exitCodes, UsageError } from './io.js'
import { createProgress } from './progress.js'

/** Options every command takes, besides its own. */
const commonOptions = {
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  debug: { type: 'boolean', help: 'on an internal error, print the stack trace' },
} as const satisfies OptionDeclarations

const loadOptions = {
  'no-cache': {
    type: 'boolean',
    help: 'do not use or update the cache in node_modules/.cache/realist-kb',
  },
} as const satisfies OptionDeclarations

const progressOptions = {
  progress: {
    type: 'boolean',
    help: 'show progress even when standard error is not a terminal',
  },
} as const satisfies OptionDeclarations

const outputOptions = {
  out: {
    type: 'string',
    value: '<path>',
    help: 'file to write (parent folders are created); without it the output goes to\nstandard output',
  },
  force: { type: 'boolean', help: 'overwrite a file at --out that realist-kb did not write' },
} as const satisfies OptionDeclarations

/** Every option a command accepts, in the order its help lists them. */
function optionsOf(command: Command): OptionDeclarations {
  return {
    ...command.options,
    ...(command.output ? outputOptions : {}),
    ...(command.progress ? progressOptions : {}),
    ...(command.loads ? loadOptions : {}),
    ...commonOptions,
  }
}

/**
 * Top-level help, listing every command.
 *
 * @example
 * ```ts
 * import { mainHelp } from '@realist-kb/cli'
 * process.stdout.write(mainHelp())
 * ```
 */
export function mainHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length))
  const list = commands
    .map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`)
    .join('\n')
  return `Usage: realist-kb <command> [options]

Realist synthesis knowledge bases: validate, trace and report.

Commands:
${list}

Run \`realist-kb <command> --help\` for a command's options; \`realist-kb --version\` prints the
version.

Exit codes: 0 ok, 1 content errors, 2 usage error, ${exitCodes.internal} internal error (a bug: the message says
what failed; run again with --debug for the stack trace).
`
}

/** The help of one command, made from its declaration. */
export async function commandHelp(command: Command): Promise<string> {
  const argumentsUsage = (command.arguments ?? [])
    .map((argument) => (argument.required ? `<${argument.name}>` : `[${argument.name}]`))
    .join(' ')
  const lines = [
    `Usage: realist-kb ${command.name}${argumentsUsage ? ` ${argumentsUsage}` : ''} [options]`,
    '',
    command.description.trimEnd(),
  ]
  if (command.arguments?.length) {
    lines.push('', 'Arguments:')
    for (const argument of command.arguments)
      lines.push(...entry(argument.name, argument.help, await choicesOf(argument.choices)))
  }
  lines.push('', 'Options:')
  for (const [name, option] of Object.entries(optionsOf(command))) {
    const label = `${option.short ? `-${option.short}, ` : ''}--${name}${option.value ? ` ${option.value}` : ''}`
    lines.push(...entry(label, option.help, await choicesOf(option.choices)))
  }
  if (command.notes) lines.push('', command.notes.trimEnd())
  lines.push('', `Exit codes: ${command.exitCodes}`)
  return `${lines.join('\n')}\n`
}

const column = 22

/** A help entry: the label, then its text in a column, then its choices one per line. */
function entry(label: string, help: string, choices: readonly Choice[]): string[] {
  const [first = '', ...rest] = help.split('\n')
  const lines =
    label.length < column - 1
      ? [`  ${label.padEnd(column)}${first}`]
      : [`  ${label}`, `  ${' '.repeat(column)}${first}`]
  for (const line of rest) lines.push(`  ${' '.repeat(column)}${line}`)
  const width = Math.max(0, ...choices.map((choice) => choice.name.length))
  for (const choice of choices)
    if (choice.help !== undefined)
      lines.push(`  ${' '.repeat(column + 2)}${choice.name.padEnd(width)}  ${choice.help}`)
  return lines
}

async function choicesOf(choices: Choices | undefined): Promise<readonly Choice[]> {
  if (choices === undefined) return []
  return typeof choices === 'function' ? choices() : choices
}

/**
 * Run the command line. Returns the exit code instead of exiting, so that it can be tested in
 * process: 0 ok, 1 content errors, 2 usage errors, {@link exitCodes}.internal for an internal
 * failure (one line on stderr; the stack with `--debug`).
 *
 * @example
 * ```ts
 * const code = await main(['validate', 'content'], { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() })
 * ```
 */
export async function main(argv: readonly string[], terminalIo: CommandIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    terminalIo.stdout.write(mainHelp())
    return name === undefined ? exitCodes.usage : exitCodes.ok
  }
  if (name === '--version' || name === '-v') {
    terminalIo.stdout.write(`${version}\n`)
    return exitCodes.ok
  }
  const command = commands.find((candidate) => candidate.name === name)
  if (!command) {
    const suggestion = await suggest(
      name,
      commands.map((candidate) => candidate.name),
    )
    terminalIo.stderr.write(
      `realist-kb: Unexpected command \`${name}\`, expected a command${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}\n\n${mainHelp()}`,
    )
    return exitCodes.usage
  }
  // Content printed to a terminal is escaped; only commands that print content pay for it.
  const io = terminalIo.stdout.isTTY
    ? (await import('./terminal-safe.js')).terminalSafe(terminalIo)
    : terminalIo
  const debug = rest.includes('--debug')
  try {
    const context = await parseCommand(command, rest, io)
    if (context === undefined) {
      io.stdout.write(await commandHelp(command))
      return exitCodes.ok
    }
    return await command.run(context)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`realist-kb ${name}: ${error.message}\n\n${await commandHelp(command)}`)
      return exitCodes.usage
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr.write(
      debug && error instanceof Error && error.stack
        ? `realist-kb ${name}: internal error: ${error.stack}\n`
        : `realist-kb ${name}: internal error: ${message.split('\n')[0]} (run with --debug for the stack trace)\n`,
    )
    return exitCodes.internal
  }
}

/** Parse and check a command's arguments; `undefined` when help was asked for. */
async function parseCommand(
  command: Command,
  args: readonly string[],
  io: CommandIo,
): Promise<CommandContext<OptionDeclarations> | undefined> {
  const declared = optionsOf(command)
  const spec = Object.fromEntries(
    Object.entries(declared).map(([name, option]) => [
      name,
      option.short ? { type: option.type, short: option.short } : { type: option.type },
    ]),
  )
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: [...args], options: spec, allowPositionals: true, strict: true })
  } catch (error) {
    throw await usageFromParseError(error, declared)
  }
  const values = parsed.values as Record<string, string | boolean | undefined>
  if (values.help) return undefined
  const declaredArguments = command.arguments ?? []
  if (parsed.positionals.length > declaredArguments.length)
    throw new UsageError(`Unexpected argument \`${parsed.positionals[declaredArguments.length]}\``)
  const named: Record<string, string | undefined> = {}
  for (const [index, argument] of declaredArguments.entries()) {
    const value = parsed.positionals[index]
    if (value === undefined && argument.required)
      throw new UsageError(`Missing ${argument.name}, expected ${argument.help.split('\n')[0]}`)
    if (value !== undefined) await checkChoice(argument.name, value, argument.choices, 'argument')
    named[argument.name] = value
  }
  for (const [name, option] of Object.entries(declared)) {
    const value = values[name]
    if (typeof value === 'string') {
      if (value === '') throw new UsageError(`Unexpected empty --${name}, expected a value`)
      await checkChoice(name, value, option.choices, 'option')
    }
  }
  if (values.force && command.output && values.out === undefined)
    throw new UsageError('Unexpected --force without --out, expected a file to overwrite')
  return contextFor(command, values, named, io)
}

function contextFor(
  command: Command,
  values: Record<string, string | boolean | undefined>,
  args: Record<string, string | undefined>,
  io: CommandIo,
): CommandContext<OptionDeclarations> {
  const writeFile = async (
    target: string,
    content: string,
    options: { readonly force: boolean },
  ): Promise<void> => {
    const { writeOutput } = await import('./write-output.js')
    await writeOutput(target, content, { ...options, cwd: io.cwd })
  }
  return {
    io,
    values: values as CommandContext<OptionDeclarations>['values'],
    args,
    openContent: (argument) => openContent(io.cwd, argument, values['no-cache'] === true),
    progress: (steps) => createProgress(io, steps, values.progress === true),
    async output(content, summary) {
      const out = values.out
      if (typeof out !== 'string') {
        // Bytes (an archive) are written to files only: the command refuses them without --out.
        if (content instanceof Uint8Array) throw new Error('binary output without --out')
        const { writeChunks } = await import('./write-chunks.js')
        await writeChunks(io.stdout, typeof content === 'string' ? [content] : content)
        return
      }
      const { writeOutput } = await import('./write-output.js')
      await writeOutput(out, content, { force: values.force === true, cwd: io.cwd })
      io.stderr.write(`realist-kb ${command.name}: wrote ${out} (${summary()})\n`)
    },
    writeFile,
  }
}

async function openContent(
  cwd: string,
  argument: string | undefined,
  noCache: boolean,
): Promise<OpenedContent> {
  // The folder entry: a load restored from the cache imports no parser.
  const { ContentFolder } = await import('@realist-kb/core/folder')
  const dir = await resolveContentDir(cwd, argument)
  const cacheDirectory = cacheDirectoryFor(cwd, noCache)
  const folder = await ContentFolder.open(
    dir.absolute,
    cacheDirectory === undefined ? {} : { cacheDirectory },
  )
  return { folder, knowledgeBase: folder.knowledgeBase, shown: dir.shown }
}

async function checkChoice(
  name: string,
  value: string,
  choices: Choices | undefined,
  what: 'option' | 'argument',
): Promise<void> {
  if (choices === undefined) return
  const names = (await choicesOf(choices)).map((choice) => choice.name)
  if (names.includes(value)) return
  const suggestion = await suggest(value, names)
  throw new UsageError(
    `Unexpected ${what === 'option' ? `--${name}` : name} \`${value}\`, expected one of ${names.join(', ')}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`,
  )
}

/** A usage error for what node:util's parser refused, with a did-you-mean for unknown options. */
async function usageFromParseError(
  error: unknown,
  declared: OptionDeclarations,
): Promise<UsageError> {
  const message =
    error instanceof Error
      ? error.message.replace(/\. To specify a positional argument.*$/s, '')
      : String(error)
  const unknown = /^Unknown option '(--?[^']+)'/.exec(message)?.[1]
  if (unknown === undefined) return new UsageError(message)
  const suggestion = await suggest(
    unknown.replace(/=.*$/, ''),
    Object.entries(declared).flatMap(([name, option]: [string, OptionDeclaration]) => [
      `--${name}`,
      ...(option.short ? [`-${option.short}`] : []),
    ]),
  )
  return new UsageError(`${message}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`)
}

/** The closest candidate, from core's did-you-mean, loaded only when a typo needs it. */
async function suggest(value: string, candidates: readonly string[]): Promise<string | undefined> {
  const { didYouMean } = await import('@realist-kb/core')
  return didYouMean(value, candidates)
}

const version = '0.1.0'
