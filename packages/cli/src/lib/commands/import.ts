import { defineCommand } from '../command.js'

export type { ImportJson, ImportJsonRecord } from './import-records.js'

const importOptions = {
  dir: {
    type: 'string',
    value: '<dir>',
    help: 'content folder (default: content); created if missing',
  },
  from: {
    type: 'string',
    value: '<format>',
    help: 'input format: auto (default: from the content, then the extension),\nbibtex, ris, csl-json, medline, or qdpx (a REFI-QDA project)',
    choices: [
      { name: 'auto' },
      { name: 'bibtex' },
      { name: 'ris' },
      { name: 'csl-json' },
      { name: 'medline' },
      { name: 'qdpx' },
    ],
  },
  'dry-run': { type: 'boolean', help: 'report what would be created and skipped, write nothing' },
  write: {
    type: 'boolean',
    help: 'for a .qdpx project: write the new codings as evidence files\n(without it, a .qdpx is only compared)',
  },
  format: {
    type: 'string',
    value: '<format>',
    help: 'output: text (default) or json (version 1)',
    choices: [{ name: 'text' }, { name: 'json' }],
  },
} as const

/** The options of `import`, for its handler's types. */
export type ImportOptions = typeof importOptions

export const importCommand = defineCommand({
  name: 'import',
  summary: 'create study files from BibTeX, RIS, CSL-JSON or PubMed exports; read back a .qdpx',
  description: `Create study files from a reference export (Zotero, EndNote, Mendeley, PubMed, ERIC, ...): one
file per record, in <dir>/studies/<id>.md, with the citation filled in (keywords included), the
abstract in the body and the rest marked TODO. Nothing is fetched from the network. Existing
files are never overwritten.

Records already in the knowledge base, or earlier in the same file, are skipped: same DOI, or
else same title and year. Ids are the first author's family name and the year (muller-2020),
with -b, -c, ... when taken.

A REFI-QDA project (.qdpx) exported with \`realist-kb export --format qdpx\` and coded in NVivo,
ATLAS.ti, MAXQDA or QualCoder is compared with the base instead: new codings on the studies'
texts (each becomes an evidence entry), codings whose text drifted (re-anchored by their quote,
or reported when it cannot be found once), and codes made, renamed or deleted in the tool
(reported, never applied). Nothing is written unless --write: then each new coding becomes a new
file in <dir>/evidence/; study files are never edited and no file is replaced. A coding already
in the base (same study, quote and CMOCs) is reported as present.`,
  arguments: [
    {
      name: 'file',
      help: 'the export: BibTeX or biblatex (.bib), RIS (.ris), CSL-JSON (.json)\nor MEDLINE from PubMed or ERIC (.nbib, or .txt/.ris as PubMed names\nit); CSV is not read; or a coded REFI-QDA project (.qdpx)',
      required: true,
    },
  ],
  options: importOptions,
  exitCodes: `0 every record imported or skipped as a duplicate (for a .qdpx: compared, and
written with --write, whatever drifted), 1 a record (or the file) could not be read or a file
could not be written, 2 usage error.`,
  run: async (context) => (await import('./import-records.js')).runImport(context),
})
