import { type Diagnostic, formatDiagnostics } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { oneOf, parseCommandArgs } from '../args.js'
import { cacheDirectoryFor, cacheOption } from '../cache-directory.js'
import { resolveContentDir } from '../content-dir.js'
import { type CliIo, exitCodes } from '../io.js'

export const validateHelp = `Usage: realist-kb validate [dir] [options]

Check a knowledge base: every file, field and reference, and the evidence gaps.

Arguments:
  dir                   content folder (default: content)

Options:
  --format <format>     text (default) or json
  --quiet               print errors only (warnings still count in the summary)
  --no-hints            leave out the hint under each message (text format)
  --no-cache            do not use or update the cache in node_modules/.cache/realist-kb
  -h, --help            show this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error.
`

/** Shape of `validate --format json`, version 1. */
export interface ValidateJson {
  readonly version: 1
  readonly root: string
  readonly files: number
  readonly errors: number
  readonly warnings: number
  /** Info: acknowledged gaps and CMOCs the source gives only in part. */
  readonly infos: number
  readonly diagnostics: readonly Diagnostic[]
}

export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: 'string' },
      quiet: { type: 'boolean' },
      'no-hints': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      ...cacheOption,
    },
    1,
  )
  if (values.help) {
    io.stdout.write(validateHelp)
    return exitCodes.ok
  }
  const format = oneOf('format', values.format, ['text', 'json'], 'text')
  const dir = await resolveContentDir(io.cwd, positionals[0])
  const cacheDirectory = cacheDirectoryFor(io.cwd, values['no-cache'])
  const kb = await loadDirectory(
    dir.absolute,
    cacheDirectory === undefined ? {} : { cacheDirectory },
  )
  const errors = kb.diagnostics.filter((d) => d.severity === 'error').length
  const infos = kb.diagnostics.filter((d) => d.severity === 'info').length
  if (format === 'json') {
    const output: ValidateJson = {
      version: 1,
      root: dir.shown,
      files: kb.files.length,
      errors,
      warnings: kb.diagnostics.length - errors - infos,
      infos,
      diagnostics: kb.diagnostics,
    }
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`)
  } else {
    io.stdout.write(
      formatDiagnostics(kb.diagnostics, {
        root: dir.shown,
        quiet: values.quiet ?? false,
        hints: !values['no-hints'],
      }),
    )
  }
  return errors > 0 ? exitCodes.contentErrors : exitCodes.ok
}
