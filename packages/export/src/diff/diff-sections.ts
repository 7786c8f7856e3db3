import type {
  CmocLinkChange,
  GainedLost,
  JudgementChange,
  KnowledgeBaseDiff,
  TextChange,
} from '@realist-kb/core'

/** One block of a diff as every renderer shows it: a heading and its lines. */
export interface DiffSection {
  readonly heading: string
  /** The entity it is about, for an anchor in the HTML report; absent for summary sections. */
  readonly id?: string
  readonly lines: readonly string[]
}

/**
 * The diff as headed blocks of plain lines, in one order: entities added, removed and renamed,
 * then each changed recommendation, each changed CMOC, each study whose appraisal or inclusion
 * changed, and the acknowledged gaps that changed. Text, Markdown and HTML render these
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
      ...rec.confidence.map((c) => `confidence of ${c.cmoc}: ${level(c.from)} -> ${level(c.to)}`),
    ]
    sections.push({ heading: `Recommendation ${rec.id}: ${rec.title}`, id: rec.id, lines })
  }
  for (const cmoc of diff.cmocs) {
    const lines = [
      ...cmoc.parts.flatMap((part) => text(part.part, part)),
      ...gainedLost('evidence', cmoc.evidence),
      ...gainedLost('studies', cmoc.studies),
      ...cmoc.basis.map((b) => `basis of evidence ${b.target}: ${b.from} -> ${b.to}`),
      ...cmoc.links.flatMap(link),
      ...(cmoc.status ? judgement('', cmoc.status) : []),
      ...cmoc.confidence.flatMap((change) => judgement('confidence ', change)),
    ]
    sections.push({ heading: `CMOC ${cmoc.id}: ${cmoc.title}`, id: cmoc.id, lines })
  }
  for (const study of diff.studies) {
    const lines = [
      ...(study.inclusion ? judgement('', study.inclusion) : []),
      ...study.appraisal.flatMap((change) => judgement('appraisal ', change)),
    ]
    sections.push({ heading: `Study ${study.id}: ${study.title}`, id: study.id, lines })
  }
  const acknowledged = diff.acknowledgements.flatMap((a) => {
    const name = `${a.kind} ${a.id}`
    return [
      ...(a.gained.length > 0 ? [`${name} now acknowledges: ${a.gained.join(', ')}`] : []),
      ...(a.lost.length > 0 ? [`${name} no longer acknowledges: ${a.lost.join(', ')}`] : []),
      ...(a.reworded.length > 0
        ? [`${name} gives a new reason for: ${a.reworded.join(', ')}`]
        : []),
    ]
  })
  if (acknowledged.length > 0) sections.push({ heading: 'Acknowledged gaps', lines: acknowledged })
  return sections
}

/** A level as read: an absent one is not assessed. */
function level(value: string | null): string {
  return value ?? 'not assessed'
}

/**
 * `confidence adequacy: minor -> moderate`, then the new explanation when it was revised. An
 * absent level is "not assessed" for a judgement, "not given" for a status.
 */
function judgement(prefix: string, change: JudgementChange): string[] {
  const absent =
    change.aspect === 'inclusion' || change.aspect === 'status' ? 'not given' : undefined
  const shown = (value: string | null) => (value === null && absent ? absent : level(value))
  const levels =
    change.from === change.to
      ? `${prefix}${change.aspect}: ${shown(change.to)}`
      : `${prefix}${change.aspect}: ${shown(change.from)} -> ${shown(change.to)}`
  const explanation = change.explanation
  if (!explanation) return [levels]
  const now = explanation.to.length === 0 ? '(none)' : explanation.to.join('; ')
  return [`${levels}, explanation now: ${now}`]
}

/** `now leads to: cmoc-2a` / `no longer leads to: cmoc-2b`, in words for each link field. */
function link(change: CmocLinkChange): string[] {
  const relation = change.relation.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`)
  return [
    ...(change.gained.length > 0 ? [`now ${relation}: ${change.gained.join(', ')}`] : []),
    ...(change.lost.length > 0 ? [`no longer ${relation}: ${change.lost.join(', ')}`] : []),
  ]
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
