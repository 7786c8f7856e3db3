import { diffKnowledgeBases } from '@realist-kb/core'
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from '@realist-kb/export'
import { oneOf, parseCommandArgs } from '../args.js'
import { resolveContentDir } from '../content-dir.js'
import { type CliIo, exitCodes, UsageError } from '../io.js'
import { loadVersionArgument } from '../load-version.js'
import { writeOutput } from '../write-output.js'

export const diffHelp = `Usage: realist-kb diff <old> [<new>] [options]

Show what changed between two versions of a knowledge base: per recommendation, the CMOCs,
evidence and studies gained and lost and the links whose basis changed (stated <-> inferred);
per CMOC, the evidence and studies gained and lost and the changed context, mechanism and
outcome; entities new, removed and renamed (a renamed entity is reported once).

Arguments:
  old                   a content folder, or a git revision (commit, branch, tag, HEAD~1) of
                        the repository around the current folder
  new                   the same (default: the content folder as it is now, the working tree)

A revision is read straight from git's objects: nothing is checked out and the working tree is
never touched. A name that is both a folder and a revision is taken as the folder.

Options:
  --dir <path>          the content folder inside the repository, for revisions and the default
                        new side (default: content)
  --format <format>     text (default), md or json (versioned schema)
  --out <path>          file to write; without it the diff goes to standard output
  --force               overwrite a file that realist-kb did not create
  -h, --help            show this help

Exit codes: 0 the comparison ran (whatever changed), 2 a bad revision or folder, or a usage
error.
`

/**
 * `realist-kb diff <old> [<new>]`: what changed between two versions of a knowledge base.
 *
 * @example
 * ```ts
 * await diffCommand(['v1.0', '--format', 'md'], io)
 * ```
 */
export async function diffCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      dir: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    2,
  )
  if (values.help) {
    io.stdout.write(diffHelp)
    return exitCodes.ok
  }
  const format = oneOf('format', values.format, ['text', 'md', 'json'], 'text')
  const [from, to] = positionals
  if (from === undefined) throw new UsageError('Missing <old>, expected a folder or a git revision')
  if (values.out === '') throw new UsageError('Unexpected empty --out, expected a file path')
  const folder = values.dir ?? 'content'
  const before = await loadVersionArgument(io.cwd, from, folder)
  const after =
    to === undefined
      ? await loadVersionArgument(
          io.cwd,
          (await resolveContentDir(io.cwd, folder)).absolute,
          folder,
        )
      : await loadVersionArgument(io.cwd, to, folder)
  const sides = { from, to: to ?? `${folder} (working tree)` }
  const diff = diffKnowledgeBases(before, after)
  const render = { text: renderDiffText, md: renderDiffMarkdown, json: renderDiffJson }[format]
  const output = render(diff, sides)
  if (values.out === undefined) io.stdout.write(output)
  else await writeOutput(values.out, output, { force: values.force ?? false, cwd: io.cwd })
  return exitCodes.ok
}
