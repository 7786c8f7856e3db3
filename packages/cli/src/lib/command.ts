import type { ContentFolder, KnowledgeBase } from '@realist-kb/core/node'
import { type CliIo, UsageError } from './io.js'
import type { Progress } from './progress.js'

/** One value an option or argument takes, with what it means (shown in help). */
export interface Choice {
  readonly name: string
  readonly help?: string
}

/**
 * Values an option or argument takes: a list, or a function that loads it (from a library the
 * command imports anyway) only when help is shown or a value is checked, so that start-up
 * loads nothing it does not need.
 */
export type Choices = readonly Choice[] | (() => Promise<readonly Choice[]>)

/** A command-line option: `--name <value>` or a flag. */
export interface OptionDeclaration {
  readonly type: 'string' | 'boolean'
  readonly short?: string
  /** The value's placeholder in help, e.g. `<format>`. */
  readonly value?: string
  readonly help: string
  /** The values it takes: any other is a usage error, with a did-you-mean. */
  readonly choices?: Choices
}

/** A positional argument. */
export interface ArgumentDeclaration {
  readonly name: string
  readonly help: string
  readonly required?: boolean
  readonly choices?: Choices
}

/** Option declarations by long name. */
export type OptionDeclarations = Readonly<Record<string, OptionDeclaration>>

/** The parsed values of declared options. */
export type OptionValues<O extends OptionDeclarations> = {
  readonly [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean
}

/** The values of the options the runner adds (`output`, `progress`, `loads` and common ones). */
export interface RunnerValues {
  readonly out?: string
  readonly force?: boolean
  readonly progress?: boolean
  readonly 'no-cache'?: boolean
  readonly debug?: boolean
}

/** The io of a command, plus a signal that stops a long-running one (tests use it for Ctrl-C). */
export type CommandIo = CliIo & { readonly signal?: AbortSignal }

/** A content folder opened for a command, with the folder as the user named it. */
export interface OpenedContent {
  readonly folder: ContentFolder
  readonly knowledgeBase: KnowledgeBase
  /** The folder as typed (default `content`), `/`-separated: how output names it. */
  readonly shown: string
}

/** What the runner hands a command: its parsed input and the services it owns. */
export interface CommandContext<O extends OptionDeclarations> {
  readonly io: CommandIo
  readonly values: OptionValues<O> & RunnerValues
  /** Positional arguments by declared name. */
  readonly args: Readonly<Record<string, string | undefined>>
  /**
   * Open the content folder named by `argument` (default `content`) with the command's cache
   * setting (`--no-cache`): the one loader every command uses. A missing folder is a usage error.
   */
  openContent(argument: string | undefined): Promise<OpenedContent>
  /** Progress on stderr for `steps` steps (shown on a terminal, or with `--progress`). */
  progress(steps: number): Progress
  /**
   * Print `content`, or with `--out` write it through the one output writer (never replacing a
   * file realist-kb did not write unless `--force`); `summary` is then said on stderr.
   */
  output(content: string | Uint8Array | Iterable<string>, summary: () => string): Promise<void>
  /** Write one file through the one output writer. */
  writeFile(target: string, content: string, options: { readonly force: boolean }): Promise<void>
}

/**
 * A command, declared once: name, arguments, options, help and handler. The runner parses,
 * checks and documents it; the handler only does the work.
 */
export interface CommandDeclaration<O extends OptionDeclarations> {
  readonly name: string
  /** One line for the command list. */
  readonly summary: string
  /** What it does, for its help. */
  readonly description: string
  readonly arguments?: readonly ArgumentDeclaration[]
  readonly options?: O
  /** Loads a content folder: gets `--no-cache`. */
  readonly loads?: boolean
  /** Shows progress: gets `--progress`. */
  readonly progress?: boolean
  /** Prints its output or writes it with `--out`: gets `--out` and `--force`. */
  readonly output?: boolean
  /** Text after the options in its help. */
  readonly notes?: string
  /** What its exit codes mean. */
  readonly exitCodes: string
  readonly run: (context: CommandContext<O>) => Promise<number>
}

/** A declared command with its option types erased, as the runner holds it. */
export type Command = CommandDeclaration<OptionDeclarations>

/**
 * Declare a command (the options' types flow into the handler's `values`).
 *
 * @example
 * ```ts
 * export const hello = defineCommand({
 *   name: 'hello',
 *   summary: 'say hello',
 *   description: 'Say hello.',
 *   options: { loud: { type: 'boolean', help: 'in capitals' } },
 *   exitCodes: '0 said',
 *   run: async ({ io, values }) => (io.stdout.write(values.loud ? 'HELLO\n' : 'hello\n'), 0),
 * })
 * ```
 */
export function defineCommand<const O extends OptionDeclarations>(
  declaration: CommandDeclaration<O>,
): Command {
  return declaration as unknown as Command
}

/** The positional content folder that most commands take. */
export const contentDirArgument: ArgumentDeclaration = {
  name: 'dir',
  help: 'content folder (default: content)',
}

/** `--debounce <ms>`, for the commands that act on file changes (`watch`, `serve`). */
export function debounceOption(action: string) {
  return {
    type: 'string',
    value: '<ms>',
    help: `wait this long after the last change before ${action} (default: 100)`,
  } as const satisfies OptionDeclaration
}

/** The milliseconds `--debounce` asks for: 100 when not given, a usage error when out of range. */
export function debounceOf(value: string | undefined): number {
  const debounce = value === undefined ? 100 : Number(value)
  if (!Number.isInteger(debounce) || debounce < 0 || debounce > 60_000)
    throw new UsageError(
      `Unexpected --debounce \`${value}\`, expected a whole number of milliseconds from 0 to 60000`,
    )
  return debounce
}

/** `--format text|json`, for the commands that print either. */
export const textOrJsonFormat = {
  type: 'string',
  value: '<format>',
  help: 'text (default) or json',
  choices: [{ name: 'text' }, { name: 'json' }],
} as const satisfies OptionDeclaration
