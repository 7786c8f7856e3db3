import { shortCitation } from '@realist-kb/citations'
import type { CmocEntry, EvidenceEntry, RecommendationEntry, StudyEntry } from '@realist-kb/core'
import { oneLine } from '../interchange/entity-text.js'
import type { DiagramNode } from './model.js'

// Long texts (recommendations, evidence points) are cut so that boxes stay readable; the whole
// text stays available as the node's detail.
const maxLabel = 90

/** One line of at most 90 characters, cut at a word with an ellipsis. */
export function shorten(text: string): string {
  const line = oneLine(text)
  return line.length <= maxLabel ? line : `${line.slice(0, maxLabel - 1).trimEnd()}…`
}

/** A CMOC's box: its code and title. */
export function cmocNode(cmoc: CmocEntry, cluster?: string): DiagramNode {
  return {
    id: cmoc.id,
    kind: 'cmoc',
    label: shorten(`${cmoc.label ?? cmoc.id}: ${cmoc.title}`),
    detail: oneLine(cmoc.title),
    ...(cluster === undefined ? {} : { cluster }),
  }
}

/** A recommendation's name: `Recommendation 2.3` when numbered, its id otherwise. */
export function recommendationName(rec: RecommendationEntry): string {
  return rec.section !== undefined && rec.order !== undefined
    ? `Recommendation ${rec.section}.${rec.order}`
    : rec.id
}

/** A recommendation's box: its name and the start of its text. */
export function recommendationNode(rec: RecommendationEntry, cluster?: string): DiagramNode {
  const name = recommendationName(rec)
  return {
    id: rec.id,
    kind: 'recommendation',
    label: shorten(`${name}: ${rec.text}`),
    detail: oneLine(rec.text),
    ...(cluster === undefined ? {} : { cluster }),
  }
}

/** An evidence entry's box: its relation and the point it makes. */
export function evidenceNode(evidence: EvidenceEntry): DiagramNode {
  const text = evidence.point ?? evidence.quote ?? evidence.id
  return {
    id: evidence.id,
    kind: 'evidence',
    label: shorten(`${evidence.relation}: ${text}`),
    detail: oneLine(evidence.quote ?? text),
  }
}

/** A study's box: its short citation (`Collins et al. 2022`), the title as detail. */
export function studyNode(study: StudyEntry): DiagramNode {
  return {
    id: study.id,
    kind: 'study',
    label: shorten(shortCitation(study)),
    detail: oneLine(study.title),
  }
}
