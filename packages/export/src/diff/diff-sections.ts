import type { GainedLost, KnowledgeBaseDiff, TextChange } from '@realist-kb/core'

/** One block of a diff as every renderer shows it: a heading and its lines. */
export interface DiffSection {
  readonly heading: string
  /** The entity it is about, for an anchor in the HTML report; absent for summary sections. */
  readonly id?: string
  readonly lines: readonly string[]
}

/**
 * The diff as headed blocks of plain lines, in one order: entities added, removed and renamed,
 * then each changed recommendation, then each changed CMOC. Text, Markdown and HTML render these
 * same blocks, so that they cannot say different things.
 */
export function diffSections(diff: KnowledgeBaseDiff): DiffSection[] {
  const sections: DiffSection[] = []
  const { added, removed, renamed } = diff.entities
  const entity = (e: { kind: string; id: string; title: string }) => `${e.kind} ${e.id}: ${e.title}`
  if (added.length > 0) sections.push({ heading: 'New', lines: added.map(entity) })
  if (removed.length > 0) sections.push({ heading: 'Removed', lines: removed.map(entity) })
  if (renamed.length > 0)
    sections.push({
      heading: 'Renamed',
      lines: renamed.map((r) =>
        r.from.id === r.to.id
          ? `${r.kind} ${r.to.id}: ${r.from.file} -> ${r.to.file}`
          : `${r.kind} ${r.from.id} -> ${r.to.id} (${r.from.file} -> ${r.to.file})`,
      ),
    })
  for (const rec of diff.recommendations) {
    const lines = [
      ...text('text', rec.text),
      ...gainedLost('CMOCs', rec.cmocs),
      ...gainedLost('evidence', rec.evidence),
      ...gainedLost('studies', rec.studies),
      ...rec.basis.map((b) => `basis of ${b.target}: ${b.from} -> ${b.to}`),
    ]
    sections.push({ heading: `Recommendation ${rec.id}: ${rec.title}`, id: rec.id, lines })
  }
  for (const cmoc of diff.cmocs) {
    const lines = [
      ...cmoc.parts.flatMap((part) => text(part.part, part)),
      ...gainedLost('evidence', cmoc.evidence),
      ...gainedLost('studies', cmoc.studies),
      ...cmoc.basis.map((b) => `basis of evidence ${b.target}: ${b.from} -> ${b.to}`),
    ]
    sections.push({ heading: `CMOC ${cmoc.id}: ${cmoc.title}`, id: cmoc.id, lines })
  }
  return sections
}

function gainedLost(what: string, ids: GainedLost): string[] {
  return [
    ...(ids.gained.length > 0 ? [`${what} gained: ${ids.gained.join(', ')}`] : []),
    ...(ids.lost.length > 0 ? [`${what} lost: ${ids.lost.join(', ')}`] : []),
  ]
}

function text(what: string, change: TextChange | undefined): string[] {
  if (!change) return []
  const shown = (texts: readonly string[]) => (texts.length === 0 ? '(none)' : texts.join('; '))
  return [`${what} was: ${shown(change.from)}`, `${what} now: ${shown(change.to)}`]
}
