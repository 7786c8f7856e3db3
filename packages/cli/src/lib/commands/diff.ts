import { defineCommand } from '../command.js'
import { exitCodes } from '../io.js'

export const diff = defineCommand({
  name: 'diff',
  summary: 'what changed between two versions (folders or git revisions)',
  description: `Show what changed between two versions of a knowledge base: per recommendation, the CMOCs,
evidence and studies gained and lost and the links whose basis changed (stated <-> inferred);
per CMOC, the evidence and studies gained and lost and the changed context, mechanism and
outcome; entities new, removed and renamed (a renamed entity is reported once).`,
  arguments: [
    {
      name: 'old',
      required: true,
      help: 'a content folder, or a git revision (commit, branch, tag, HEAD~1) of the repository around the current folder',
    },
    { name: 'new', help: 'the same (default: the content folder as it is now, the working tree)' },
  ],
  options: {
    dir: {
      type: 'string',
      value: '<path>',
      help: 'the content folder inside the repository, for revisions and the default new side (default: content)',
    },
    format: {
      type: 'string',
      value: '<format>',
      help: 'text (default), md or json (versioned schema)',
      choices: [{ name: 'text' }, { name: 'md' }, { name: 'json' }],
    },
  },
  output: true,
  notes: `A revision is read straight from git's objects: nothing is checked out and the working tree is
never touched. A name that is both a folder and a revision is taken as the folder.`,
  exitCodes:
    '0 the comparison ran (whatever changed), 2 a bad revision or folder, or a usage error.',
  async run({ io, values, args, output }) {
    const [{ diffKnowledgeBases }, exporters, { loadVersionArgument }, { resolveContentDir }] =
      await Promise.all([
        import('@realist-kb/core'),
        import('@realist-kb/export'),
        import('../load-version.js'),
        import('../content-dir.js'),
      ])
    const folder = values.dir ?? 'content'
    const from = args.old as string
    const before = await loadVersionArgument(io.cwd, from, folder)
    const after = await loadVersionArgument(
      io.cwd,
      args.new ?? (await resolveContentDir(io.cwd, folder)).absolute,
      folder,
    )
    const sides = { from, to: args.new ?? `${folder} (working tree)` }
    const changes = diffKnowledgeBases(before, after)
    const render = {
      text: exporters.renderDiffText,
      md: exporters.renderDiffMarkdown,
      json: exporters.renderDiffJson,
    }[values.format === 'md' || values.format === 'json' ? values.format : 'text']
    await output(render(changes, sides), () => `diff of ${sides.from} and ${sides.to}`)
    return exitCodes.ok
  },
})
