import type { Diagnostic } from '@realist-kb/core'
import { contentDirArgument, defineCommand, textOrJsonFormat } from '../command.js'
import { exitCodes } from '../io.js'

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

export const validate = defineCommand({
  name: 'validate',
  summary: 'check files, references and evidence gaps',
  description: 'Check a knowledge base: every file, field and reference, and the evidence gaps.',
  arguments: [contentDirArgument],
  options: {
    format: textOrJsonFormat,
    quiet: { type: 'boolean', help: 'print errors only (warnings still count in the summary)' },
    'no-hints': { type: 'boolean', help: 'leave out the hint under each message (text format)' },
  },
  loads: true,
  exitCodes: '0 no errors (warnings allowed), 1 errors found, 2 usage error.',
  async run({ io, values, args, openContent }) {
    const [{ formatDiagnostics }, { knowledgeBase: kb, shown }] = await Promise.all([
      import('@realist-kb/core/folder'),
      openContent(args.dir),
    ])
    const errors = kb.diagnostics.filter((d) => d.severity === 'error').length
    const infos = kb.diagnostics.filter((d) => d.severity === 'info').length
    if (values.format === 'json') {
      const output: ValidateJson = {
        version: 1,
        root: shown,
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
          root: shown,
          quiet: values.quiet ?? false,
          hints: !values['no-hints'],
        }),
      )
    }
    return errors > 0 ? exitCodes.contentErrors : exitCodes.ok
  },
})
