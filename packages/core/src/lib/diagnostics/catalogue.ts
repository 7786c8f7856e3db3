/**
 * How serious a diagnostic is: errors fail validation, warnings point at gaps, info records what
 * is true to the source (an acknowledged gap, a CMOC the source gives only in part).
 *
 * @example
 * ```ts
 * const fails = (severity: Severity): boolean => severity === 'error'
 * ```
 */
export type Severity = 'error' | 'warning' | 'info'

/**
 * One entry of the catalogue: the permanent name, code and default wording of a diagnostic.
 *
 * @example
 * ```ts
 * const entry: CatalogueEntry = catalogue['dangling-reference']
 * console.log(entry.code, entry.severity, entry.title)
 * ```
 */
export interface CatalogueEntry {
  /** Stable code, e.g. `RKB201`. Never reused or renumbered. */
  readonly code: string
  /** Default severity. */
  readonly severity: Severity
  /** One-line title for documentation. */
  readonly title: string
  /** What to do about it, when the diagnostic itself has no more specific hint. */
  readonly hint: string
}

/**
 * The catalogue of every diagnostic realist-kb reports, keyed by its readable alias. Names and
 * codes are permanent: docs/diagnostics.md is generated from this object.
 *
 * @example
 * ```ts
 * import { catalogue } from '@realist-kb/core'
 * catalogue['dangling-reference'].code // 'RKB201'
 * ```
 */
export const catalogue = {
  'unreadable-file': {
    code: 'RKB100',
    severity: 'error',
    title: 'A file could not be read as UTF-8 text',
    hint: 'Save the file as UTF-8 text, or move binary files out of the content folder.',
  },
  'malformed-yaml': {
    code: 'RKB101',
    severity: 'error',
    title: 'The frontmatter is not valid YAML',
    hint: 'Check indentation and quote values that contain `: ` or start with a special character.',
  },
  'missing-frontmatter': {
    code: 'RKB102',
    severity: 'error',
    title: 'A file has no frontmatter, or its frontmatter is not closed',
    hint: 'Start the file with a line `---`, the YAML fields, and a closing line `---`.',
  },
  'unknown-kind': {
    code: 'RKB103',
    severity: 'error',
    title: 'The `kind` field is missing or names no known kind',
    hint: 'Set `kind:` to one of review, group, cmoc, study, evidence, recommendation, audience.',
  },
  'invalid-field': {
    code: 'RKB104',
    severity: 'error',
    title: 'A field is missing, unknown, or has a value of the wrong type',
    hint: 'See docs/content-format.md for the fields of each kind.',
  },
  'kind-folder-mismatch': {
    code: 'RKB105',
    severity: 'error',
    title: 'A file is in the folder of another kind',
    hint: 'Move the file to the folder of its kind, or correct its `kind`.',
  },
  'duplicate-id': {
    code: 'RKB106',
    severity: 'error',
    title: 'Two entities share one id',
    hint: 'Ids are unique across the knowledge base: rename one of the files (or its `id`).',
  },
  'invalid-id': {
    code: 'RKB107',
    severity: 'error',
    title: 'An id is not kebab-case',
    hint: 'Use lowercase letters, digits and single hyphens, e.g. `cmoc-2c` or `collins-2022`.',
  },
  'unsupported-frontmatter-language': {
    code: 'RKB108',
    severity: 'error',
    title: 'The frontmatter fence names a language other than YAML',
    hint: 'Frontmatter is YAML only: remove the language after the opening `---`.',
  },
  'file-too-large': {
    code: 'RKB109',
    severity: 'error',
    title: 'A file or a line exceeds the size limit',
    hint: 'Split the file; content files are expected to be well under the limit.',
  },
  'missing-review': {
    code: 'RKB111',
    severity: 'warning',
    title: 'The knowledge base has no review entity, or more than one',
    hint: 'Add exactly one `review.md` with `kind: review` at the root of the content folder.',
  },
  'unsafe-path': {
    code: 'RKB112',
    severity: 'error',
    title: 'A path leaves the content folder or cannot be followed safely',
    hint: 'Keep content files inside the content folder; links pointing outside it are not followed.',
  },
  'nesting-too-deep': {
    code: 'RKB113',
    severity: 'error',
    title: 'A body nests block quotes or lists deeper than the limit',
    hint: 'Flatten the quotes or lists: content needs a few levels, never a hundred.',
  },
  'too-many-diagnostics': {
    code: 'RKB114',
    severity: 'error',
    title: 'A file has more problems than are reported one by one',
    hint: 'Fix the problems reported for the file and validate again to see the rest.',
  },
  'markdown-too-costly': {
    code: 'RKB115',
    severity: 'error',
    title: 'A body repeats markdown markers more than can be parsed in bounded time',
    hint: 'Split this body into several entities, or escape the markers that are not meant as markdown (`\\*`, `\\_`, `\\>`, `\\-`).',
  },
  'dangling-reference': {
    code: 'RKB201',
    severity: 'error',
    title: 'A reference names an id that does not exist',
    hint: 'Check the id for typos, or add the entity it refers to.',
  },
  'wrong-kind-reference': {
    code: 'RKB202',
    severity: 'error',
    title: 'A reference names an entity of the wrong kind',
    hint: 'Each reference field accepts one kind: see docs/content-format.md.',
  },
  'self-reference': {
    code: 'RKB203',
    severity: 'warning',
    title: 'An entity refers to itself',
    hint: 'Remove the reference.',
  },
  'duplicate-reference': {
    code: 'RKB204',
    severity: 'warning',
    title: 'A list names the same id twice',
    hint: 'Remove the repeated id.',
  },
  'inferred-without-rationale': {
    code: 'RKB205',
    severity: 'warning',
    title: 'An inferred link gives no rationale',
    hint: 'Add a one-line `rationale:` saying why the link is our reading.',
  },
  'recommendation-without-cmoc': {
    code: 'RKB301',
    severity: 'warning',
    title: 'A recommendation derives from no CMOC',
    hint: 'Add the CMOCs it derives from under `cmocs:`.',
  },
  'cmoc-without-evidence': {
    code: 'RKB302',
    severity: 'warning',
    title: 'A CMOC has no evidence',
    hint: 'Add evidence entries that link studies to this CMOC.',
  },
  'single-study-cmoc': {
    code: 'RKB303',
    severity: 'warning',
    title: 'A CMOC rests on a single study',
    hint: 'Look for further studies that support, refine or refute it.',
  },
  'uncited-study': {
    code: 'RKB304',
    severity: 'warning',
    title: 'A study provides no evidence for any CMOC',
    hint: 'Add evidence entries to the study, or note in its body why it has none.',
  },
  'group-without-cmoc': {
    code: 'RKB305',
    severity: 'warning',
    title: 'A group has no CMOC',
    hint: 'Add CMOCs that belong to this group, or remove the group.',
  },
  'recommendation-without-audience': {
    code: 'RKB306',
    severity: 'warning',
    title: 'A recommendation names no audience',
    hint: 'Add the audiences it addresses under `audiences:`, or acknowledge the gap when the source names none.',
  },
  'incomplete-cmoc': {
    code: 'RKB307',
    severity: 'info',
    title: 'A CMOC is given only in part by its source',
    hint: 'Nothing to do when the source gives no more; add the missing parts if it does.',
  },
  'unneeded-acknowledgement': {
    code: 'RKB309',
    severity: 'warning',
    title: 'An entity acknowledges a gap it does not have',
    hint: 'Remove the acknowledgement: the gap has been filled.',
  },
  'term-not-in-vocabulary': {
    code: 'RKB310',
    severity: 'info',
    title:
      "A study's setting, participants, design or country is not a term of the review's vocabulary",
    hint: "Nothing to do if the value is a term of its own; if it is a synonym, add it to the term's `aliases` under `vocabularies` in review.md.",
  },
  'confidence-disagrees-with-data': {
    code: 'RKB401',
    severity: 'warning',
    title: 'A confidence judgement and the data behind the CMOC disagree sharply',
    hint: 'Check the judgement against the hints beside it: revise it, or explain in it why the data understate the evidence.',
  },
  'leads-to-cycle': {
    code: 'RKB402',
    severity: 'warning',
    title: 'A chain of `leadsTo` links returns to where it started',
    hint: 'An outcome cannot in the end be its own context: remove one `leadsTo` link of the cycle, or use `related`.',
  },
} as const satisfies Record<string, CatalogueEntry>

/**
 * Readable alias of a diagnostic, e.g. `dangling-reference`.
 *
 * @example
 * ```ts
 * const name: DiagnosticName = 'dangling-reference'
 * catalogue[name].code // 'RKB201'
 * ```
 */
export type DiagnosticName = keyof typeof catalogue
