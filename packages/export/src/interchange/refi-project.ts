import { type EntityOf, entitiesOfKind, type KnowledgeBase, neighbours } from '@realist-kb/core'
import { codeLines, setLines, toCodebook } from './codebook.js'
import { entityLabel, referenceId } from './entity-text.js'
import { reviewGuids } from './review-guid.js'
import { studySourceText, type TextSpan } from './study-source-text.js'
import { escapeXmlText, xmlAttributes, xmlDeclaration } from './xml.js'

/** A REFI-QDA project before it is zipped: the project XML and the plain texts of its sources. */
export interface RefiProject {
  readonly xml: string
  /** Source texts by their path in the archive (`sources/<guid>.txt`). */
  readonly sources: ReadonlyMap<string, string>
}

/** The GUIDs a project gives the entities of a knowledge base, shared by writer and reader. */
export interface ProjectGuids {
  readonly code: (id: string) => string
  readonly source: (studyId: string) => string
  readonly selection: (evidenceId: string) => string
  readonly coding: (evidenceId: string, cmocId: string) => string
}

/** The GUIDs of a knowledge base's project entities, scoped to its review. */
export function projectGuids(kb: KnowledgeBase): ProjectGuids {
  const guid = reviewGuids(kb)
  return {
    code: (id) => guid('code', id),
    source: (id) => guid('source', id),
    selection: (id) => guid('selection', id),
    coding: (evidence, cmoc) => guid('coding', `${evidence}:${cmoc}`),
  }
}

interface Note {
  readonly guid: string
  readonly name: string
  readonly text: string
}

/**
 * The knowledge base as a REFI-QDA project: the codebook (groups and CMOCs as codes), each study
 * a text source whose evidence quotes are coded on the CMOCs they bear on, each group a set of
 * its CMOCs, and the review's notes and each group's and CMOC's narrative as memos (notes).
 */
export function toRefiProject(kb: KnowledgeBase): RefiProject {
  const { graph } = kb
  const guids = projectGuids(kb)
  const guid = reviewGuids(kb)
  const codebook = toCodebook(kb)
  const reviewId = graph.getAttribute('review')
  const review = reviewId === undefined ? undefined : graph.getNodeAttributes(reviewId)

  // Memos: the review's own notes, then the narrative of each group and CMOC, on its code.
  const notes: Note[] = []
  const notesOfCode = new Map<string, string[]>()
  const projectNotes: string[] = []
  if (review !== undefined && review.body.trim() !== '') {
    const note = { guid: guid('note', review.id), name: 'Review notes', text: review.body.trim() }
    notes.push(note)
    projectNotes.push(note.guid)
  }
  for (const entity of [...entitiesOfKind(graph, 'group'), ...entitiesOfKind(graph, 'cmoc')]) {
    if (entity.body.trim() === '') continue
    const note = {
      guid: guid('note', entity.id),
      name: entityLabel(entity),
      text: entity.body.trim(),
    }
    notes.push(note)
    notesOfCode.set(guids.code(entity.id), [note.guid])
  }

  const sources = new Map<string, string>()
  const sourceLines = entitiesOfKind(graph, 'study').flatMap((study) => {
    const sourceGuid = guids.source(study.id)
    const path = `${sourceGuid}.txt`
    const { text, spans } = studySourceText(graph, study)
    sources.set(`sources/${path}`, text)
    return [
      `    <TextSource${xmlAttributes([
        ['guid', sourceGuid],
        ['name', `${entityLabel(study)} (${study.id})`],
        ['plainTextPath', `internal://${path}`],
      ])}>`,
      `      <Description>${escapeXmlText(study.data.citation.title)}</Description>`,
      ...neighbours(graph, study.id, 'in', 'drawn-from', 'evidence').flatMap(({ entity }) => {
        const span = spans.get(entity.id)
        if (span === undefined) return []
        // Only CMOCs that exist become codings: a dangling reference has no code to point at.
        const cmocs = (entity.data.cmocs ?? [])
          .map(referenceId)
          .filter((id) => graph.hasNode(id) && graph.getNodeAttributes(id).kind === 'cmoc')
        return selectionLines(entity, cmocs, span, guids)
      }),
      '    </TextSource>',
    ]
  })

  const title = review === undefined ? 'realist-kb knowledge base' : entityLabel(review)
  const lines = [
    xmlDeclaration,
    `<Project${xmlAttributes([
      ['xmlns', 'urn:QDA-XML:project:1.0'],
      ['name', title],
      ['origin', 'realist-kb'],
    ])}>`,
    ...(codebook.codes.length === 0
      ? []
      : [
          '  <CodeBook>',
          '    <Codes>',
          ...codebook.codes.flatMap((code) =>
            codeLines(code, '      ', (code) => notesOfCode.get(code) ?? []),
          ),
          '    </Codes>',
          '  </CodeBook>',
        ]),
    ...(sourceLines.length === 0 ? [] : ['  <Sources>', ...sourceLines, '  </Sources>']),
    ...(notes.length === 0 ? [] : ['  <Notes>', ...notes.flatMap(noteLines), '  </Notes>']),
    ...(codebook.sets.length === 0
      ? []
      : ['  <Sets>', ...codebook.sets.flatMap((set) => setLines(set, 'targetGUID')), '  </Sets>']),
    ...projectNotes.map((note) => `  <NoteRef${xmlAttributes([['targetGUID', note]])}/>`),
    '</Project>',
  ]
  return { xml: `${lines.join('\n')}\n`, sources }
}

function selectionLines(
  evidence: EntityOf<'evidence'>,
  cmocs: readonly string[],
  span: TextSpan,
  guids: ProjectGuids,
): string[] {
  return [
    `      <PlainTextSelection${xmlAttributes([
      ['guid', guids.selection(evidence.id)],
      ['name', evidence.id],
      ['startPosition', span.start],
      ['endPosition', span.end],
    ])}>`,
    `        <Description>${escapeXmlText(`${evidence.data.relation}: ${evidence.data.point}`)}</Description>`,
    ...cmocs.flatMap((cmoc) => [
      `        <Coding${xmlAttributes([['guid', guids.coding(evidence.id, cmoc)]])}>`,
      `          <CodeRef${xmlAttributes([['targetGUID', guids.code(cmoc)]])}/>`,
      '        </Coding>',
    ]),
    '      </PlainTextSelection>',
  ]
}

function noteLines(note: Note): string[] {
  return [
    `    <Note${xmlAttributes([
      ['guid', note.guid],
      ['name', note.name],
    ])}>`,
    `      <PlainTextContent>${escapeXmlText(note.text)}</PlainTextContent>`,
    '    </Note>',
  ]
}
