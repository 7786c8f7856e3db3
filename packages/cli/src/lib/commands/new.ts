import { defineCommand } from '../command.js'

const newOptions = {
  dir: {
    type: 'string',
    value: '<dir>',
    help: 'content folder (default: content); created if missing',
  },
} as const

/** The options of `new`, for its handler's types. */
export type NewOptions = typeof newOptions

export const newCommand = defineCommand({
  name: 'new',
  summary: 'create a commented template for an entity',
  description: `Create a commented template for a new entity in its kind's folder (<dir>/cmocs/<id>.md, ...;
a review is <dir>/review.md). The file validates as it is: required fields hold TODO text, and
references to other entities point at the first existing one of the right kind, to be checked.
Existing files are never overwritten.`,
  arguments: [
    {
      name: 'kind',
      help: 'the kind of entity, one of:',
      required: true,
      choices: async () =>
        (await import('@realist-kb/core')).entityKinds.map((kind) => ({ name: kind, help: '' })),
    },
    {
      name: 'id',
      help: 'kebab-case id, unique in the knowledge base (e.g. cmoc-2c)',
      required: true,
    },
  ],
  options: newOptions,
  notes: `An evidence file needs a study and a CMOC: create those first. A CMOC's group and a
recommendation's group and audience point at the first existing one, or are left as comments
when there is none (groups and audiences are optional).`,
  exitCodes: `0 created, 2 usage error (bad kind or id, id taken, file exists, missing
prerequisite).`,
  run: async (context) => (await import('./new-template.js')).runNew(context),
})
