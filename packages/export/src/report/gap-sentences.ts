import { shortCitation } from '@realist-kb/citations'
import type { GapEntry, TraceReport } from '@realist-kb/core'
import { entriesById } from './entries-by-id.js'
import { groupWords } from './group-words.js'

/** One entity named in a gap sentence: what readers see, and where it sits in the report. */
export interface GapEntity {
  readonly id: string
  readonly label: string
  readonly kind: 'recommendation' | 'cmoc' | 'study' | 'group' | 'other'
  /** It has a place of its own in the HTML report (a group only through its recommendations). */
  readonly anchored: boolean
  /** A word more, in brackets: the one study of a single-study CMOC. */
  readonly detail?: string
}

/** The gaps of one kind (and, when acknowledged, one reason), as one sentence and its list. */
export interface GapSentence {
  /** `3 CMOCs have no evidence`. */
  readonly sentence: string
  readonly entities: readonly GapEntity[]
  /** Why the gaps stay, when they are acknowledged as true to the source. */
  readonly reason?: string
}

// Each gap in a reader's words, for one and for several entities.
const phrases: Readonly<Record<string, readonly [string, string]>> = {
  'recommendation-without-cmoc': [
    'recommendation rests on no CMOC',
    'recommendations rest on no CMOC',
  ],
  'recommendation-without-audience': [
    'recommendation names no audience',
    'recommendations name no audience',
  ],
  'cmoc-without-evidence': ['CMOC has no evidence', 'CMOCs have no evidence'],
  'single-study-cmoc': ['CMOC rests on a single study', 'CMOCs rest on a single study'],
  'uncited-study': ['study is evidence for no CMOC', 'studies are evidence for no CMOC'],
}

/**
 * The gaps of a report as a reader reads them: open gaps, then those acknowledged as true to
 * the source, each kind of gap one sentence naming its entities (in the report's order), each
 * acknowledged group with its reason. No codes, files or linter wording.
 */
export function gapSentences(report: TraceReport): {
  readonly open: readonly GapSentence[]
  readonly acknowledged: readonly GapSentence[]
} {
  const words = groupWords(report)
  const { cmocs, studies } = entriesById(report)
  const groups = new Map(report.groups.map((group) => [group.id, group]))
  const recommendations = new Set(report.recommendations.map((rec) => rec.id))
  const entityOf = (gap: GapEntry): GapEntity | undefined => {
    const id = gap.entity
    if (id === undefined) return undefined
    const cmoc = cmocs.get(id)
    if (cmoc) {
      const only = cmoc.studies.length === 1 ? studies.get(cmoc.studies[0] ?? '') : undefined
      return {
        id,
        label: cmoc.label ?? id,
        kind: 'cmoc',
        anchored: true,
        ...(gap.name === 'single-study-cmoc' && only ? { detail: shortCitation(only) } : {}),
      }
    }
    const study = studies.get(id)
    if (study) return { id, label: shortCitation(study), kind: 'study', anchored: true }
    if (recommendations.has(id)) return { id, label: id, kind: 'recommendation', anchored: true }
    const group = groups.get(id)
    // A group has a place on the page only through its recommendations.
    if (group)
      return { id, label: group.name, kind: 'group', anchored: group.recommendations.length > 0 }
    return { id, label: id, kind: 'other', anchored: false }
  }
  const phrase = (name: string, count: number): string => {
    const [one, several] =
      name === 'group-without-cmoc'
        ? [`${words.singular} has no CMOC`, `${words.plural} have no CMOC`]
        : (phrases[name] ?? [`entity has a gap (${name})`, `entities have a gap (${name})`])
    return `${count} ${count === 1 ? one : several}`
  }
  const sentences = (gaps: readonly GapEntry[]): GapSentence[] => {
    // One sentence per kind of gap and reason, in the order the kinds first appear.
    const byKey = new Map<string, { name: string; reason?: string; entities: GapEntity[] }>()
    for (const gap of gaps) {
      const key = `${gap.name}\u0000${gap.acknowledged ?? ''}`
      const entry = byKey.get(key) ?? {
        name: gap.name,
        ...(gap.acknowledged === undefined ? {} : { reason: gap.acknowledged }),
        entities: [],
      }
      const entity = entityOf(gap)
      if (entity) entry.entities.push(entity)
      byKey.set(key, entry)
    }
    return [...byKey.values()].map(({ name, reason, entities }) => ({
      sentence: phrase(name, Math.max(1, entities.length)),
      entities,
      ...(reason === undefined ? {} : { reason }),
    }))
  }
  return {
    open: sentences(report.gaps.filter((gap) => gap.acknowledged === undefined)),
    acknowledged: sentences(report.gaps.filter((gap) => gap.acknowledged !== undefined)),
  }
}
