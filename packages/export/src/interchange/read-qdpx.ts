import { type EvidenceEntryData, entitiesOfKind, type KnowledgeBase } from '@realist-kb/core'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { strFromU8, unzipSync } from 'fflate'
import { referenceId } from './entity-text.js'
import {
  codeChanges,
  normalGuid,
  type ProjectCode,
  type QdpxCodeChange,
} from './read-qdpx-codes.js'
import { projectGuids } from './refi-project.js'
import { studySourceText } from './study-source-text.js'

/**
 * Thrown by {@link readQdpx} for bytes that are not a REFI-QDA project: not a zip, no
 * `project.qde`, malformed XML, or a root other than `<Project>`.
 *
 * @example
 * ```ts
 * try {
 *   readQdpx(kb, bytes)
 * } catch (error) {
 *   if (error instanceof QdpxParseError) console.error(error.message)
 * }
 * ```
 */
export class QdpxParseError extends Error {
  override readonly name = 'QdpxParseError'
}

/**
 * A new evidence entry read from a coding made in a QDA tool: the study whose source was coded,
 * the entry to add to its `evidence:` list, and the GUID of the coded selection.
 *
 * @example
 * ```ts
 * const lines = readQdpx(kb, bytes).evidence.map((item: QdpxEvidence) => `${item.study}: ${item.entry.quote}`)
 * ```
 */
export interface QdpxEvidence {
  readonly study: string
  readonly entry: EvidenceEntryData
  readonly selection: string
}

/**
 * Why a coded selection was not taken as it stands: the quoted text moved (re-anchored, and
 * taken), or is not in the study's text, or is there more than once, or the selection is out of
 * its source, on a source that is not a study, on no CMOC code, or recodes an existing entry.
 *
 * @example
 * ```ts
 * const reason: QdpxDriftReason = 'not-found'
 * ```
 */
export type QdpxDriftReason =
  | 'moved'
  | 'not-found'
  | 'ambiguous'
  | 'out-of-range'
  | 'unknown-source'
  | 'no-cmoc-code'
  | 'recoded'

/**
 * A coded selection whose text or codes did not line up with the knowledge base, reported
 * rather than guessed.
 *
 * @example
 * ```ts
 * for (const drift of readQdpx(kb, bytes).drift) console.warn(`${drift.source}: ${drift.message}`)
 * ```
 */
export interface QdpxDrift {
  readonly reason: QdpxDriftReason
  /** The source's name in the project. */
  readonly source: string
  /** The GUID of the selection. */
  readonly selection: string
  /** "Unexpected X, expected Y". */
  readonly message: string
}

/**
 * What {@link readQdpx} found: the evidence entries to add, the drift to look at, and the codes
 * made, renamed or deleted in the QDA tool (when the project has a codebook).
 *
 * @example
 * ```ts
 * const { evidence, drift, codes }: QdpxImport = readQdpx(kb, bytes)
 * ```
 */
export interface QdpxImport {
  readonly evidence: readonly QdpxEvidence[]
  readonly drift: readonly QdpxDrift[]
  readonly codes: readonly QdpxCodeChange[]
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) =>
    ['TextSource', 'PlainTextSelection', 'Coding', 'Code', 'Note', 'Set'].includes(name),
})

type XmlObject = { readonly [key: string]: unknown }

const isObject = (value: unknown): value is XmlObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const list = (element: XmlObject | undefined, name: string): XmlObject[] => {
  const value = element?.[name]
  return Array.isArray(value) ? value.filter(isObject) : []
}

const text = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value
  if (isObject(value) && typeof value['#text'] === 'string') return value['#text']
  return isObject(value) ? '' : undefined
}

const attribute = (element: XmlObject | undefined, name: string): string | undefined => {
  const value = element?.[`@${name}`]
  return typeof value === 'string' ? value : undefined
}

/**
 * Read codings back from a REFI-QDA project (`.qdpx`) made from {@link writeQdpx} and coded in a
 * QDA tool. Each new selection on a study's source coded on one or more CMOC codes becomes an
 * evidence entry for that study: its quote is the selected text, its point the selection's
 * description (or the quote), its relation `supports`, its parts all three (a coding names a
 * CMOC, not a part: narrow them by hand). The selected text is re-anchored in the study's text
 * as the knowledge base now gives it: found where the tool says, it is taken; found once
 * elsewhere, it is taken and reported as `moved`; not found, or found more than once, it is
 * reported and not taken. Selections this export wrote are left alone (reported as `recoded`
 * when their codes were changed). Codes are compared with the exported codebook by GUID: new,
 * renamed and deleted codes are listed in `codes`, never applied. Throws {@link QdpxParseError} for bytes that are not a project.
 *
 * @example
 * ```ts
 * import { readQdpx } from '@realist-kb/export'
 * const { evidence, drift } = readQdpx(kb, await readFile('coded.qdpx'))
 * ```
 */
export function readQdpx(kb: KnowledgeBase, bytes: Uint8Array): QdpxImport {
  const files = unzip(bytes)
  const projectPath = Object.keys(files).find((path) => /(^|\/)[^/]+\.qde$/i.test(path))
  const projectBytes = projectPath === undefined ? undefined : files[projectPath]
  if (projectBytes === undefined)
    throw new QdpxParseError('Unexpected archive without a .qde file, expected a REFI-QDA project')
  const xml = strFromU8(projectBytes)
  const valid = XMLValidator.validate(xml)
  if (valid !== true)
    throw new QdpxParseError(
      `Unexpected malformed XML at ${valid.err.line}:${valid.err.col}, expected a REFI-QDA project: ${valid.err.msg}`,
    )
  const document: unknown = parser.parse(xml)
  const project = isObject(document) ? document.Project : undefined
  if (!isObject(project))
    throw new QdpxParseError('Missing <Project> root element, expected a REFI-QDA project')

  const { graph } = kb
  const guids = projectGuids(kb)
  const studies = new Map(
    entitiesOfKind(graph, 'study').map((study) => [normalGuid(guids.source(study.id)), study]),
  )
  const cmocOfCode = new Map(
    entitiesOfKind(graph, 'cmoc').map((cmoc) => [normalGuid(guids.code(cmoc.id)), cmoc.id]),
  )
  const existing = new Map(
    entitiesOfKind(graph, 'evidence').map((evidence) => [
      normalGuid(guids.selection(evidence.id)),
      evidence,
    ]),
  )

  const evidence: QdpxEvidence[] = []
  const drift: QdpxDrift[] = []
  const sources = isObject(project.Sources) ? list(project.Sources, 'TextSource') : []
  for (const source of sources) {
    const sourceName = attribute(source, 'name') ?? attribute(source, 'guid') ?? '(unnamed)'
    const selections = list(source, 'PlainTextSelection')
    if (selections.length === 0) continue
    const report = (selection: XmlObject, reason: QdpxDriftReason, message: string): void => {
      drift.push({
        reason,
        source: sourceName,
        selection: attribute(selection, 'guid') ?? '',
        message,
      })
    }
    const study = studies.get(normalGuid(attribute(source, 'guid')))
    if (study === undefined) {
      for (const selection of selections)
        report(
          selection,
          'unknown-source',
          `Unexpected coding on the source \`${sourceName}\`, expected a source exported from a study of this review`,
        )
      continue
    }
    const theirs = Array.from(sourceText(source, files) ?? '')
    const ours = studySourceText(graph, study).text
    const oursChars = Array.from(ours)
    for (const selection of selections) {
      const cmocs = [
        ...new Set(
          list(selection, 'Coding').flatMap((coding) => {
            const cmoc = cmocOfCode.get(
              normalGuid(
                attribute(isObject(coding.CodeRef) ? coding.CodeRef : undefined, 'targetGUID'),
              ),
            )
            return cmoc === undefined ? [] : [cmoc]
          }),
        ),
      ]
      const known = existing.get(normalGuid(attribute(selection, 'guid')))
      if (known !== undefined) {
        const before = (known.data.cmocs ?? []).map(referenceId).sort().join(', ')
        if (cmocs.length > 0 && [...cmocs].sort().join(', ') !== before)
          report(
            selection,
            'recoded',
            `Unexpected codes ${[...cmocs].sort().join(', ')} on the existing entry \`${known.id}\`, expected ${before}: edit the entry by hand`,
          )
        continue
      }
      if (cmocs.length === 0) {
        report(
          selection,
          'no-cmoc-code',
          'Unexpected selection coded on no CMOC, expected a coding on a CMOC code',
        )
        continue
      }
      const start = Number(attribute(selection, 'startPosition'))
      const end = Number(attribute(selection, 'endPosition'))
      if (
        !Number.isInteger(start) ||
        !Number.isInteger(end) ||
        start < 0 ||
        end <= start ||
        end > theirs.length
      ) {
        report(
          selection,
          'out-of-range',
          `Unexpected selection ${start}-${end}, expected positions within the source's ${theirs.length} characters`,
        )
        continue
      }
      const quote = theirs.slice(start, end).join('')
      const shown = quote.length > 60 ? `${quote.slice(0, 57)}...` : quote
      if (oursChars.slice(start, end).join('') !== quote) {
        const found = occurrences(ours, quote)
        if (found !== 1) {
          report(
            selection,
            found === 0 ? 'not-found' : 'ambiguous',
            found === 0
              ? `Unexpected quote “${shown}” not in the text of \`${study.id}\`, expected the text as exported`
              : `Unexpected quote “${shown}” found ${found} times in \`${study.id}\`, expected it once`,
          )
          continue
        }
        report(
          selection,
          'moved',
          `Unexpected quote “${shown}” at ${start}-${end}, expected where the text of \`${study.id}\` now has it (re-anchored by its text)`,
        )
      }
      const description = text(selection.Description)?.trim()
      const entry: EvidenceEntryData = {
        cmocs,
        relation: 'supports',
        parts: ['context', 'mechanism', 'outcome'],
        point: description === undefined || description === '' ? quote.trim() : description,
        quote: quote.trim(),
      }
      evidence.push({ study: study.id, entry, selection: attribute(selection, 'guid') ?? '' })
    }
  }
  const codeBook = isObject(project.CodeBook) ? project.CodeBook : undefined
  const codes = codeBook === undefined ? [] : codeChanges(kb, projectCodes(codeBook))
  return { evidence, drift, codes }
}

/** Every code of a project's codebook, nested ones included, with its GUID and name. */
function projectCodes(codeBook: XmlObject): ProjectCode[] {
  const walk = (parent: XmlObject | undefined): ProjectCode[] =>
    list(parent, 'Code').flatMap((code) => [
      { guid: attribute(code, 'guid') ?? '', name: attribute(code, 'name') ?? '' },
      ...walk(code),
    ])
  return walk(isObject(codeBook.Codes) ? codeBook.Codes : undefined)
}

// Only the project and the plain-text sources are read, each up to a size no review's text
// approaches, so that an archive full of media, or built to inflate without end, is not expanded.
const maxFileSize = 64 * 1024 * 1024

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  let tooLarge: string | undefined
  try {
    const files = unzipSync(bytes, {
      filter: (file) => {
        if (!/\.qde$/i.test(file.name) && !/^sources\/[^/]+\.txt$/i.test(file.name)) return false
        if (file.originalSize > maxFileSize) tooLarge ??= file.name
        return file.originalSize <= maxFileSize
      },
    })
    if (tooLarge !== undefined)
      throw new QdpxParseError(
        `Unexpected \`${tooLarge}\` larger than ${maxFileSize / 1024 / 1024} MB, expected a project and its plain texts`,
      )
    return files
  } catch (error) {
    if (error instanceof QdpxParseError) throw error
    throw new QdpxParseError(
      `Unexpected bytes that are not a zip archive, expected a .qdpx file (${String(error)})`,
    )
  }
}

// The text of a source: inline, or in the archive at `internal://<file>` (under `sources/`).
function sourceText(source: XmlObject, files: Record<string, Uint8Array>): string | undefined {
  const inline = text(source.PlainTextContent)
  if (inline !== undefined) return inline
  const path = attribute(source, 'plainTextPath')
  if (path === undefined) return undefined
  const name = path.replace(/^internal:\/\//, '')
  const key = Object.keys(files).find(
    (file) => file.toLowerCase() === `sources/${name}`.toLowerCase(),
  )
  const content = key === undefined ? undefined : files[key]
  // XML readers see line ends as \n; a source file keeps whatever the tool wrote.
  return content === undefined ? undefined : strFromU8(content).replace(/\r\n?/g, '\n')
}

function occurrences(haystack: string, needle: string): number {
  let count = 0
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++
  return count
}
