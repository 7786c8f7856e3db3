import {
  type AppraisalLevelOrNot,
  type CmocEntry,
  type ConcernLevel,
  type ConfidenceComponent,
  type ConfidenceOrNot,
  capitalised,
  type EvidenceProfile,
  type RecommendationEntry,
  type StudyEntry,
} from '@realist-kb/core'

// Words for the judgements, shared by every report so that they read the same everywhere.

/** The overall confidence in words (`Very low`, `Not assessed`). */
export function confidenceWords(level: ConfidenceOrNot): string {
  return sentence(level)
}

/** A CERQual concern in words (`No or very minor concerns`, `Not assessed`). */
export function concernWords(concern: ConcernLevel | 'not-assessed'): string {
  return concern === 'not-assessed' ? 'Not assessed' : `${sentence(concern)} concerns`
}

/** An appraisal level in words (`Moderate`, `Not appraised`). */
export function appraisalWords(level: AppraisalLevelOrNot): string {
  return sentence(level)
}

/** The names of the CERQual components, in the order CERQual lists them. */
export const componentNames: Readonly<Record<ConfidenceComponent, string>> = {
  methodologicalLimitations: 'Methodological limitations',
  coherence: 'Coherence',
  adequacy: 'Adequacy',
  relevance: 'Relevance',
}

/** How many of a recommendation's CMOCs are at each level: `1 high, 1 moderate`. */
export function spreadWords(rec: RecommendationEntry): string {
  const parts = Object.entries(rec.confidence.spread)
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `${count} ${confidenceWords(level as ConfidenceOrNot).toLowerCase()}`)
  return parts.join(', ') || 'no CMOC'
}

/** A body of evidence in one line: studies, entries and how the links are made. */
export function profileWords(profile: EvidenceProfile): string {
  const studies = `${profile.studies} stud${profile.studies === 1 ? 'y' : 'ies'}`
  const entries = `${profile.evidence} evidence entr${profile.evidence === 1 ? 'y' : 'ies'}`
  return `${studies}, ${entries} (${profile.basis.stated} stated, ${profile.basis.inferred} inferred)`
}

/** A study's appraisal in one line: `Relevance: high; richness: low; rigour: not appraised`. */
export function appraisalLine(study: StudyEntry): string {
  const { dimensions } = study.appraisal
  const line = (['relevance', 'richness', 'rigour'] as const)
    .map(
      (dimension) => `${dimension}: ${appraisalWords(dimensions[dimension].level).toLowerCase()}`,
    )
    .join('; ')
  const who = [study.appraisal.by, study.appraisal.date].filter(Boolean).join(', ')
  return `${sentence(line)}${who ? ` (${who})` : ''}`
}

/** The hints of one CERQual component, joined: what the data say, beside the judgement. */
export function hintWords(cmoc: CmocEntry, component: ConfidenceComponent): string {
  return cmoc.confidence.hints[component].signals.join('; ') || 'nothing notable'
}

/** The typed links of a CMOC to others, as `[label, ids]` pairs, the empty ones left out. */
export function relationLists(cmoc: CmocEntry): [string, string[]][] {
  const lists: [string, string[]][] = [
    ['Leads to', cmoc.relations.leadsTo.map((link) => link.id)],
    ['Nested in', cmoc.relations.nestedIn.map((link) => link.id)],
    ['Refines', cmoc.relations.refines.map((link) => link.id)],
    ['Conflicts with', cmoc.relations.conflictsWith.map((link) => link.id)],
  ]
  return lists.filter(([, ids]) => ids.length > 0)
}

function sentence(word: string): string {
  return capitalised(word.replace(/-/g, ' '))
}
