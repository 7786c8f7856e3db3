import { checkCommand, checkHelp } from './commands/check.js'
import { diffCommand, diffHelp } from './commands/diff.js'
import { exportCommand, exportHelp } from './commands/export.js'
import { importCommand, importHelp } from './commands/import.js'
import { migrateCommand, migrateHelp } from './commands/migrate.js'
import { newCommand, newHelp } from './commands/new.js'
import { reportCommand, reportHelp } from './commands/report.js'
import { schemaCommand, schemaHelp } from './commands/schema.js'
import { showCommand, showHelp } from './commands/show.js'
import { statsCommand, statsHelp } from './commands/stats.js'
import { validateCommand, validateHelp } from './commands/validate.js'
import { watchCommand, watchHelp } from './commands/watch.js'
import { type CliIo, exitCodes, UsageError } from './io.js'
import { terminalSafe } from './terminal-safe.js'

type Command = {
  run: (args: readonly string[], io: CliIo) => Promise<number>
  help: string
  summary: string
}

const commands: Record<string, Command> = {
  validate: {
    run: validateCommand,
    help: validateHelp,
    summary: 'check files, references and evidence gaps',
  },
  report: {
    run: reportCommand,
    help: reportHelp,
    summary: 'traceability report: html, md, json, csv or gap-map',
  },
  export: {
    run: exportCommand,
    help: exportHelp,
    summary: 'GEXF, GraphML, Mermaid, DOT, REFI-QDA codebook, CSL-JSON or JSON',
  },
  import: {
    run: importCommand,
    help: importHelp,
    summary: 'create study files from BibTeX, RIS, CSL-JSON or PubMed exports',
  },
  new: { run: newCommand, help: newHelp, summary: 'create a commented template for an entity' },
  show: {
    run: showCommand,
    help: showHelp,
    summary: 'print one entity, its links and its place in the chain',
  },
  stats: {
    run: statsCommand,
    help: statsHelp,
    summary: 'counts, evidence per CMOC, coverage and gaps',
  },
  check: {
    run: checkCommand,
    help: checkHelp,
    summary: 'RAMESES publication standards: what the review states and its data show',
  },
  diff: {
    run: diffCommand,
    help: diffHelp,
    summary: 'what changed between two versions (folders or git revisions)',
  },
  schema: { run: schemaCommand, help: schemaHelp, summary: 'JSON Schema of every kind' },
  watch: {
    run: watchCommand,
    help: watchHelp,
    summary: 'validate on every change, printing what changed',
  },
  migrate: {
    run: migrateCommand,
    help: migrateHelp,
    summary: 'rewrite a knowledge base of an earlier format (dry run without --write)',
  },
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
  const width = Math.max(...Object.keys(commands).map((name) => name.length))
  const list = Object.entries(commands)
    .map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
    .join('\n')
  return `Usage: realist-kb <command> [options]

Realist synthesis knowledge bases: validate, trace and report.

Commands:
${list}

Run \`realist-kb <command> --help\` for a command's options.
`
}

/**
 * Run the command line. Returns the exit code instead of exiting, so that it can be tested in
 * process: 0 ok, 1 content errors, 2 usage errors.
 *
 * @example
 * ```ts
 * const code = await main(['validate', 'content'], { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() })
 * ```
 */
export async function main(argv: readonly string[], terminalIo: CliIo): Promise<number> {
  const io = terminalSafe(terminalIo)
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp())
    return name === undefined ? exitCodes.usage : exitCodes.ok
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version}\n`)
    return exitCodes.ok
  }
  const command = commands[name]
  if (!command) {
    io.stderr.write(`realist-kb: unknown command \`${name}\`\n\n${mainHelp()}`)
    return exitCodes.usage
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`realist-kb ${name}: ${error.message}\n\n${command.help}`)
      return exitCodes.usage
    }
    throw error
  }
}

const version = '0.1.0'
