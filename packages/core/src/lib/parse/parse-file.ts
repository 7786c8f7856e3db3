import type { ZodType } from 'zod'
import { fileStem, folderOf } from '../content-path.js'
import { createDiagnostic, type Diagnostic, type Position } from '../diagnostics/diagnostic.js'
import { didYouMean } from '../diagnostics/did-you-mean.js'
import { capPerFile } from '../diagnostics/per-file-cap.js'
import { type CmocData, cmocParts } from '../kinds/cmoc.js'
import type { EvidenceEntryData } from '../kinds/evidence.js'
import {
  type EntityKind,
  entityKinds,
  isEntityKind,
  kindFolders,
  kindOfFolder,
  referenceFields,
  schemas,
} from '../kinds/index.js'
import type { StudyData } from '../kinds/study.js'
import { renamedHint } from '../migrate/renamed-names.js'
import type { Entity, EvidenceData, Link } from '../model/entity.js'
import { optional } from '../optional-field.js'
import { checkParseOptions } from '../options.js'
import { idSchema } from '../schema/common.js'
import { findBodyLinks, findBodyLinksInText } from './body-links.js'
import { type SplitFile, splitFrontmatter } from './frontmatter.js'
import { LineIndex } from './line-index.js'
import { maxMarkdownDepth, tooDeepMarkdown } from './markdown-nesting.js'
import { type CostlyConstruct, costlyMarkdown } from './markdown-work.js'
import { normaliseReference } from './references.js'
import { describeIssues, positionAt } from './schema-issues.js'

/**
 * A content file: its path relative to the content folder (`/`-separated) and its text.
 *
 * @example
 * ```ts
 * const file: SourceFile = { path: 'audiences/public.md', text: '---\nkind: audience\nname: Public\n---\n' }
 * loadFromMemory([file])
 * ```
 */
export interface SourceFile {
  readonly path: string
  readonly text: string
}

/**
 * An id a file declares even though its entity is invalid, so references to it do not cascade.
 *
 * @example
 * ```ts
 * const parsed = parseFile({ path: 'cmocs/cmoc-1a.md', text: '---\nkind: cmoc\n---\n' })
 * parsed.declared // [{ id: 'cmoc-1a', kind: 'cmoc', file: 'cmocs/cmoc-1a.md' }]
 * ```
 */
export interface DeclaredId {
  readonly id: string
  readonly kind: EntityKind
  readonly file: string
}

/**
 * What one file yields: its entities (a study also yields its evidence entries) and diagnostics.
 *
 * @example
 * ```ts
 * const parsed: ParsedFile = parseFile({ path: 'audiences/public.md', text })
 * const kb = buildKnowledgeBase([parsed])
 * ```
 */
export interface ParsedFile {
  readonly path: string
  readonly entities: readonly Entity[]
  /** Ids declared by invalid entities of this file. */
  readonly declared: readonly DeclaredId[]
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Limits that keep one hostile file from exhausting memory or time.
 *
 * @example
 * ```ts
 * const options: ParseOptions = { maxFileSize: 500_000, maxLineLength: 10_000 }
 * loadFromMemory(files, options)
 * ```
 */
export interface ParseOptions {
  /**
   * Read frontmatter in the plain YAML subset with the fast parser (default true). Results are
   * identical either way; `false` forces the reference path through \`yaml\`.
   */
  readonly fastPath?: boolean
  /** Largest file, in characters. Default 2,000,000. */
  readonly maxFileSize?: number
  /** Longest line, in characters. Default 200,000. */
  readonly maxLineLength?: number
}

const defaultMaxFileSize = 2_000_000
const defaultMaxLineLength = 200_000
const start: Position = { line: 1, column: 1 }

/**
 * Parse one content file into entities and diagnostics. Pure: no file system, safe in a browser.
 * Never throws for content problems.
 *
 * @example
 * ```ts
 * import { parseFile } from '@realist-kb/core'
 * const parsed = parseFile({ path: 'audiences/public.md', text: '---\nkind: audience\nname: Public\n---\n' })
 * parsed.entities[0]?.id // 'public'
 * ```
 */
export function parseFile(
  file: Readonly<SourceFile>,
  options?: Readonly<ParseOptions> | null,
): ParsedFile {
  checkParseOptions(options)
  const fast = options?.fastPath !== false
  let parsed = parseWith(file, options, fast)
  // Any diagnostic is reported from the reference path, so messages and positions never depend
  // on which parser read the file. Files with problems are rare; valid files stay fast.
  if (fast && parsed.diagnostics.length > 0) parsed = parseWith(file, options, false)
  const diagnostics = capPerFile(parsed.diagnostics)
  return diagnostics === parsed.diagnostics ? parsed : { ...parsed, diagnostics }
}

function parseWith(
  file: Readonly<SourceFile>,
  options: Readonly<ParseOptions> | null | undefined,
  fast: boolean,
): ParsedFile {
  const diagnostics: Diagnostic[] = []
  const empty = (): ParsedFile => ({ path: file.path, entities: [], declared: [], diagnostics })
  const report = (...args: Parameters<typeof createDiagnostic>): void => {
    diagnostics.push(createDiagnostic(...args))
  }

  const maxFileSize = options?.maxFileSize ?? defaultMaxFileSize
  if (file.text.length > maxFileSize) {
    report('file-too-large', {
      file: file.path,
      position: start,
      message: `Unexpected file of ${file.text.length} characters, expected at most ${maxFileSize}`,
    })
    return empty()
  }
  const longLine = findLongLine(file.text, options?.maxLineLength ?? defaultMaxLineLength)
  if (longLine !== undefined) {
    report('file-too-large', {
      file: file.path,
      position: { line: longLine, column: 1 },
      message: `Unexpected line longer than ${options?.maxLineLength ?? defaultMaxLineLength} characters`,
    })
    return empty()
  }
  if (file.text.includes('\u0000')) {
    report('unreadable-file', {
      file: file.path,
      position: start,
      message: 'Unexpected binary content (a NUL byte), expected UTF-8 text',
    })
    return empty()
  }

  // A byte order mark is dropped: it is invisible and gray-matter would not see the fence.
  const text = file.text.startsWith('\uFEFF') ? file.text.slice(1) : file.text
  const lines = new LineIndex(text)
  const split = splitFrontmatter(text, fast)
  const folderKind = kindOfFolder(folderOf(file.path))
  // A file that cannot be read still declares its id (from its name and folder), so that
  // references to it are not reported a second time as dangling.
  const declareFromName = (): ParsedFile => ({
    path: file.path,
    entities: [],
    declared:
      folderKind === undefined
        ? []
        : [{ id: fileStem(file.path), kind: folderKind, file: file.path }],
    diagnostics,
  })
  if (!('locate' in split)) {
    switch (split.type) {
      case 'missing':
      case 'unterminated':
        report('missing-frontmatter', {
          file: file.path,
          position: lines.range(split.offset, split.offset),
          message: split.message,
        })
        break
      case 'language':
        report('unsupported-frontmatter-language', {
          file: file.path,
          position: lines.range(split.offset, split.offset + split.language.length),
          message: `Unexpected frontmatter language \`${split.language}\`, expected YAML`,
        })
        break
      case 'yaml':
        for (const problem of split.problems) {
          report('malformed-yaml', {
            file: file.path,
            position: lines.range(problem.start, problem.end),
            message: problem.message,
          })
        }
        break
    }
    return declareFromName()
  }

  const data = split.data as Record<string, unknown>
  const context = { locate: split.locate, lines, matterOffset: split.matterOffset }
  const folder = folderOf(file.path)

  const kind = data.kind
  if (!isEntityKind(kind)) {
    const suggestion =
      folderKind ?? (typeof kind === 'string' ? didYouMean(kind, entityKinds) : undefined)
    report('unknown-kind', {
      file: file.path,
      position: positionAt(context, ['kind'], false),
      message:
        kind === undefined
          ? `Missing field \`kind\`, expected one of ${entityKinds.join(', ')}`
          : `Unexpected kind \`${String(kind)}\`, expected one of ${entityKinds.join(', ')}`,
      ...(suggestion === undefined ? {} : { hint: `did you mean \`kind: ${suggestion}\`?` }),
      ...(typeof kind === 'string' ? renamedHint(kind) : {}),
    })
    return declareFromName()
  }

  if (
    folder !== kindFolders[kind] &&
    !(folder.startsWith(`${kindFolders[kind]}/`) && kind !== 'review')
  ) {
    const expected =
      kindFolders[kind] === '' ? 'the root of the content folder' : `\`${kindFolders[kind]}/\``
    report('kind-folder-mismatch', {
      file: file.path,
      position: positionAt(context, ['kind'], false),
      message: `Unexpected \`kind: ${kind}\` in \`${folder === '' ? '.' : folder}/\`, expected ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} to be in ${expected}`,
      hint:
        folderKind === undefined
          ? `Move the file to ${expected}.`
          : `Move the file to ${expected}, or set \`kind: ${folderKind}\`.`,
    })
  }

  const id = typeof data.id === 'string' ? data.id : fileStem(file.path)
  if (!idSchema.safeParse(id).success) {
    report('invalid-id', {
      file: file.path,
      position: data.id === undefined ? start : positionAt(context, ['id'], false),
      message:
        data.id === undefined
          ? `Unexpected file name \`${shortened(id)}\` as id${whyNotAnId(id)}, expected a kebab-case id`
          : `Unexpected id \`${shortened(id)}\`${whyNotAnId(id)}, expected a kebab-case id`,
      hint:
        toKebab(id) === ''
          ? 'Use lowercase ASCII letters, digits and single hyphens, e.g. `cmoc-2c`.'
          : `Rename to \`${shortened(toKebab(id))}\` (lowercase letters, digits and single hyphens).`,
    })
    return empty()
  }

  const schema: ZodType = schemas[kind]
  const result = schema.safeParse(data)
  if (!result.success) {
    const problems = describeIssues(result.error.issues, {
      ...context,
      data,
      knownFields: (path) => knownFields(kind, path),
    })
    for (const problem of problems) {
      report('invalid-field', {
        file: file.path,
        position: problem.position,
        message: problem.message,
        hint: problem.hint,
        entity: id,
      })
    }
    return { path: file.path, entities: [], declared: [{ id, kind, file: file.path }], diagnostics }
  }

  // A key the schema dropped on its way (zod builds records by assignment, so `__proto__` in
  // `eligibility` or `perCountry` vanished) is reported: no key is lost without a word.
  const dropped = droppedKeys(data, result.data)
  if (dropped.length > 0) {
    for (const path of dropped) {
      const key = String(path.at(-1))
      report('invalid-field', {
        file: file.path,
        position: positionAt(context, path, true),
        message: `Unexpected key \`${shortened(key)}\` in \`${pathText(path.slice(0, -1))}\`, expected a name other than \`__proto__\``,
        hint: 'Rename the key: it cannot be kept as written.',
        entity: id,
      })
    }
    return { path: file.path, entities: [], declared: [{ id, kind, file: file.path }], diagnostics }
  }

  // Parsers and tree walks recurse once per level of nesting: a body deeper than the limit is
  // refused before any of them sees it, and the entity with it, since every reader of the body
  // would meet the same depth.
  const tooDeep = tooDeepMarkdown(split.body)
  if (tooDeep !== undefined) {
    const offset = split.bodyOffset + tooDeep
    report('nesting-too-deep', {
      file: file.path,
      position: lines.range(offset, offset + 1),
      message: `Unexpected block quotes or lists nested more than ${maxMarkdownDepth} levels deep, expected fewer levels`,
      entity: id,
    })
    return { path: file.path, entities: [], declared: [{ id, kind, file: file.path }], diagnostics }
  }

  // micromark's time grows with the square of some repeated markers: a body past the budget is
  // reported and read as plain text, so no parser spends more than the budget on it.
  const costly = costlyMarkdown(split.body)
  if (costly !== undefined) {
    const offset = split.bodyOffset + costly.offset
    report('markdown-too-costly', {
      file: file.path,
      position: lines.range(offset, offset + 1),
      message: `Unexpected ${costlyWording[costly.construct][0]} past the markdown work a body may need, expected fewer ${costlyWording[costly.construct][1]} (the body is read as plain text)`,
      entity: id,
    })
  }

  const build = new EntityBuilder(file.path, context, diagnostics)
  const bodyLinks = build.bodyLinks(split, costly === undefined)
  const position = lines.range(0, split.bodyOffset)
  // The entity the file itself defines (a study's evidence entries are added after it).
  const own = (links: readonly Link[], data: unknown): Entity =>
    ({ kind, id, file: file.path, position, body: split.body, links, data }) as Entity
  const entities: Entity[] = []
  if (kind === 'study') {
    const { evidence = [], ...studyData } = result.data as StudyData
    entities.push(own(bodyLinks, studyData))
    evidence.forEach((entry, index) => {
      entities.push(build.evidenceEntry(id, entry, index))
    })
  } else {
    const fields = result.data as Record<string, unknown>
    // An evidence file's basis, location and rationale apply to every link it makes.
    const defaults = kind === 'evidence' ? (fields as Readonly<LinkDefaults>) : undefined
    const links = [...build.fieldLinks(kind, fields, [], defaults), ...bodyLinks]
    if (kind === 'evidence') {
      const {
        kind: _kind,
        study,
        tags,
        ...fields
      } = result.data as EvidenceEntryData & {
        kind: 'evidence'
        study: string | { id: string }
        tags?: string[]
      }
      build.rationaleWarnings(links)
      const data: EvidenceData = {
        ...fields,
        study: normaliseReference(study).id,
        ...optional('tags', tags),
      }
      entities.push(own(links, data))
    } else {
      build.rationaleWarnings(links)
      if (kind === 'cmoc') build.incompleteCmoc(id, result.data as CmocData)
      entities.push(own(links, result.data))
    }
  }
  return { path: file.path, entities, declared: [], diagnostics }
}

// What a costly body holds too much of: the marker found, and what to have fewer of.
const costlyWording: Record<CostlyConstruct, readonly [string, string]> = {
  containers: ['list or block quote', 'lists and block quotes (or lines that open and close them)'],
  'setext-headings': ['underlined heading', '`===` and `---` underlines'],
  emphasis: ['emphasis marker', '`*` and `_` runs in one paragraph'],
}

/** Turns the validated reference fields of one file into links with exact places. */
class EntityBuilder {
  constructor(
    private readonly file: string,
    private readonly context: Parameters<typeof positionAt>[0],
    private readonly diagnostics: Diagnostic[],
  ) {}

  fieldLinks(
    kind: EntityKind,
    data: Record<string, unknown>,
    prefix: readonly (string | number)[],
    defaults?: Readonly<LinkDefaults>,
  ): Link[] {
    const links: Link[] = []
    for (const field of referenceFields[kind]) {
      const value = data[field.key]
      if (value === undefined) continue
      const values = (field.many ? value : [value]) as Parameters<typeof normaliseReference>[0][]
      values.forEach((raw, index) => {
        const path = field.many ? [...prefix, field.key, index] : [...prefix, field.key]
        const reference = normaliseReference(raw)
        // Where the evidence comes from is a fact of the file, not a reading of the encoder's.
        const shared = field.type === 'drawn-from' ? undefined : defaults
        const position = positionAt(
          this.context,
          typeof raw === 'string' ? path : [...path, 'id'],
          false,
        )
        links.push({
          field: pathText(path),
          target: reference.id,
          expected: field.expected,
          type: field.type,
          basis: reference.basis ?? shared?.basis ?? 'stated',
          ...optional('location', reference.location ?? shared?.location),
          ...optional('rationale', reference.rationale ?? shared?.rationale),
          place: { file: this.file, ...position },
        })
      })
    }
    return links
  }

  evidenceEntry(studyId: string, entry: EvidenceEntryData, index: number): Entity {
    const path = ['evidence', index]
    const position = positionAt(this.context, path, false)
    const links = this.fieldLinks(
      'evidence',
      entry as unknown as Record<string, unknown>,
      path,
      entry,
    )
    this.rationaleWarnings(links)
    links.push({
      field: `${pathText(path)}.study`,
      target: studyId,
      expected: ['study'],
      type: 'drawn-from',
      basis: 'stated',
      place: { file: this.file, ...position },
    })
    return {
      kind: 'evidence',
      id: entry.id ?? `${studyId}-e${index + 1}`,
      file: this.file,
      position,
      body: '',
      links,
      data: { ...entry, study: studyId },
    }
  }

  bodyLinks(split: SplitFile, asMarkdown: boolean): Link[] {
    const found = asMarkdown ? findBodyLinks(split.body) : findBodyLinksInText(split.body)
    return found.map((link) => ({
      field: 'body',
      target: link.target,
      expected: entityKinds,
      type: 'mentions',
      basis: 'stated',
      place: {
        file: this.file,
        ...this.context.lines.range(split.bodyOffset + link.start, split.bodyOffset + link.end),
      },
    }))
  }

  /** A CMOC its source gives only in part: say which parts are left out, as info. */
  incompleteCmoc(id: string, data: CmocData): void {
    if (data.status !== 'incomplete') return
    const missing = cmocParts.filter((part) => data[part] === undefined)
    this.diagnostics.push(
      createDiagnostic('incomplete-cmoc', {
        file: this.file,
        position: positionAt(this.context, ['status'], false),
        message:
          missing.length === 0
            ? `Unexpected \`status: incomplete\` on \`${id}\`, which gives its context, mechanism and outcome`
            : `Incomplete CMOC \`${id}\`: the source gives no ${missing.join(', ')}`,
        entity: id,
      }),
    )
  }

  /** Warn for inferred links that give no rationale (their own, or their entry's). */
  rationaleWarnings(links: readonly Link[]): void {
    for (const link of links) {
      if (link.basis === 'inferred' && link.rationale === undefined) {
        this.diagnostics.push(
          createDiagnostic('inferred-without-rationale', {
            file: this.file,
            position: link.place,
            message: `Unexpected inferred link to \`${link.target}\` without a rationale, expected a one-line \`rationale\``,
          }),
        )
      }
    }
  }
}

/**
 * Paths of the keys of `input` that `output` (the schema's result) lost, on an explicit stack.
 * Only maps and lists present on both sides are compared: transforms that change a value's shape
 * are the schema's business.
 */
function droppedKeys(input: unknown, output: unknown): (string | number)[][] {
  const dropped: (string | number)[][] = []
  const pending: [unknown, unknown, (string | number)[]][] = [[input, output, []]]
  while (pending.length > 0) {
    const [before, after, path] = pending.pop() as [unknown, unknown, (string | number)[]]
    // Only maps and lists are visited: a scalar holds no key to lose, and most values are
    // scalars, each of which would otherwise cost a path of its own.
    if (Array.isArray(before) && Array.isArray(after)) {
      before.forEach((item, index) => {
        if (isCollection(item)) pending.push([item, after[index], [...path, index]])
      })
    } else if (isPlainObject(before) && isPlainObject(after)) {
      for (const key of Object.keys(before)) {
        if (!Object.hasOwn(after, key)) dropped.push([...path, key])
        else if (isCollection(before[key])) pending.push([before[key], after[key], [...path, key]])
      }
    }
  }
  return dropped
}

function isCollection(value: unknown): boolean {
  return typeof value === 'object' && value !== null
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What an evidence entry says for all its links, unless a link says otherwise. */
interface LinkDefaults {
  readonly basis?: 'stated' | 'inferred' | undefined
  readonly location?: string | undefined
  readonly rationale?: string | undefined
}

function knownFields(kind: EntityKind, path: readonly PropertyKey[]): string[] {
  const kindShape = (schemas[kind] as unknown as { shape: Record<string, unknown> }).shape
  let shape: Record<string, unknown> | undefined = kindShape
  for (const key of path) {
    if (typeof key === 'number') continue
    shape = shapeOf(shape?.[key as string])
  }
  return Object.keys(shape ?? {}).sort()
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  let current = schema as
    | {
        shape?: Record<string, unknown>
        unwrap?: () => unknown
        element?: unknown
        def?: { innerType?: unknown; element?: unknown }
      }
    | undefined
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.shape) return current.shape
    current = (current.def?.innerType ?? current.def?.element ?? current.element) as typeof current
  }
  return undefined
}

function pathText(path: readonly (string | number)[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('')
}

// What makes an id look right but fail: a letter that is not ASCII (an accent, composed or
// decomposed, or a look-alike from another script) is invisible in the id itself.
function whyNotAnId(id: string): string {
  const letter = [...id].find((character) => (character.codePointAt(0) ?? 0) > 0x7f)
  if (letter !== undefined)
    return ` (U+${(letter.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} is not ASCII)`
  return id.length > 120 ? ' (longer than 120 characters)' : ''
}

// Ids from hostile files can be very long: messages show their start.
function shortened(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

function toKebab(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

function findLongLine(text: string, limit: number): number | undefined {
  if (text.length <= limit) return undefined
  let line = 1
  let lineStart = 0
  for (let index = text.indexOf('\n'); ; index = text.indexOf('\n', index + 1)) {
    const end = index === -1 ? text.length : index
    if (end - lineStart > limit) return line
    if (index === -1) return undefined
    line++
    lineStart = index + 1
  }
}
