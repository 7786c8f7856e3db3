import { readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  coverage,
  entitiesOfKind,
  evidenceForCmoc,
  gaps,
  inTheoryOrder,
  loadFromMemory,
  studyUsage,
  traceAll,
  traceRecommendation,
} from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { describe, expect, it } from 'vitest'
import { studyOfEvidence } from '../src/lib/query/cmoc-evidence.js'

const fixture = (name: string): string => path.join(import.meta.dirname, 'fixtures', name)

describe('queries', () => {
  it('traces a recommendation to its CMOCs, evidence and studies', async () => {
    const kb = await loadDirectory(fixture('valid'))
    const trace = traceRecommendation(kb.graph, 'rec-1-1')
    expect(trace?.group?.id).toBe('coherence')
    expect(trace?.audiences.map((a) => a.entity.id)).toEqual(['public'])
    expect(trace?.cmocs.map((c) => [c.cmoc.id, c.link?.basis, c.link?.rationale])).toEqual([
      ['cmoc-1a', 'inferred', 'The wording matches CMOC1a.'],
    ])
    expect(
      trace?.cmocs[0]?.evidence.map((e) => [e.evidence.id, e.study?.id, e.evidence.data.relation]),
    ).toEqual([
      ['doe-2020-e1', 'doe-2020', 'supports'],
      ['roe-2021-e1', 'roe-2021', 'refines'],
    ])
    expect(trace?.studies.map((s) => s.id)).toEqual(['doe-2020', 'roe-2021'])
    expect(traceRecommendation(kb.graph, 'cmoc-1a')).toBeUndefined()
    expect(traceAll(kb.graph)).toHaveLength(1)
  })

  it('finds the evidence for a CMOC and where a study is used', async () => {
    const kb = await loadDirectory(fixture('valid'))
    expect(evidenceForCmoc(kb.graph, 'cmoc-1a')?.studies.map((s) => s.id)).toEqual([
      'doe-2020',
      'roe-2021',
    ])
    const usage = studyUsage(kb.graph, 'doe-2020')
    expect(usage?.cmocs.map((c) => c.id)).toEqual(['cmoc-1a'])
    expect(usage?.recommendations.map((r) => r.id)).toEqual(['rec-1-1'])
  })

  it('counts coverage and groups gaps', async () => {
    const kb = await loadDirectory(fixture('cmoc-without-evidence'))
    const result = coverage(kb)
    expect(result.cmocs).toEqual({ total: 2, withEvidence: 1, withSeveralStudies: 1 })
    expect(result.counts.evidence).toBe(2)
    expect(result.links.inferred).toBe(1)
    expect(gaps(kb)['cmoc-without-evidence'].map((d) => d.entity)).toEqual(['cmoc-1b'])
  })

  it('counts as studies that could evidence a CMOC only sources of evidence', () => {
    const study = (id: string, extra: string): { path: string; text: string } => ({
      path: `studies/${id}.md`,
      text: `---\nkind: study\ncitation: { authors: [A], title: T }\n${extra}---\n`,
    })
    const kb = loadFromMemory([
      {
        path: 'cmocs/cmoc-1.md',
        text: '---\nkind: cmoc\ntitle: T\ncontext: C\nmechanism: M\noutcome: O\n---\n',
      },
      study('used', 'evidence: [{ cmocs: [cmoc-1], relation: supports }]\n'),
      study('unused', ''),
      study('a-theory', 'role: theory\nevidence: [{ cmocs: [cmoc-1], relation: supports }]\n'),
      study('a-background', 'role: background\n'),
    ])
    expect(coverage(kb).studies).toEqual({ total: 2, cited: 1 })
    // The same population as the uncited-study rule: the total is cited plus uncited.
    expect(gaps(kb)['uncited-study'].map((d) => d.entity)).toEqual(['unused'])
  })

  it('puts CMOCs in the theory order: by group, then by their order within it', () => {
    const group = (id: string, order: number) => ({
      path: `groups/${id}.md`,
      text: `---\nkind: group\nname: ${id}\ndescription: D\norder: ${order}\n---\n`,
    })
    const cmoc = (id: string, group: string | undefined, order: number) => ({
      path: `cmocs/${id}.md`,
      text: `---\nkind: cmoc\ntitle: T\n${group ? `group: ${group}\n` : ''}order: ${order}\ncontext: C\nmechanism: M\noutcome: O\n---\n`,
    })
    const kb = loadFromMemory([
      group('second', 2),
      group('first', 1),
      cmoc('loose', undefined, 0),
      cmoc('second-a', 'second', 1),
      cmoc('first-b', 'first', 2),
      cmoc('first-a', 'first', 1),
    ])
    const ordered = inTheoryOrder(kb.graph, entitiesOfKind(kb.graph, 'cmoc')).map((c) => c.id)
    expect(ordered).toEqual(['first-a', 'first-b', 'second-a', 'loose'])
  })

  it('keeps typed node and edge attributes in the graph', async () => {
    const kb = await loadDirectory(fixture('valid'))
    const node = kb.graph.getNodeAttributes('cmoc-1a')
    expect(node.kind).toBe('cmoc')
    if (node.kind === 'cmoc') expect(node.data.group).toBe('coherence')
    const edges = kb.graph.mapOutEdges('rec-1-1', (_e, attributes) => attributes.type).sort()
    expect(edges).toEqual(['addresses', 'belongs-to', 'derived-from'])
    expect(kb.graph.type).toBe('directed')
    expect(kb.graph.multi).toBe(true)
  })
})

describe('the study of an evidence entry', () => {
  it('is the study its drawn-from edge reaches, and none when the entry names no study', async () => {
    const base = await loadDirectory(fixture('evidence-file'))
    const texts = await Promise.all(
      base.files.map(async (file) => ({
        path: file,
        text: await readFile(path.join(fixture('evidence-file'), file), 'utf8'),
      })),
    )
    const extra = (id: string, study: string) => ({
      path: `evidence/${id}.md`,
      text: `---\nkind: evidence\nstudy: ${study}\ncmocs: [cmoc-1a]\nrelation: supports\npoint: P.\n---\n`,
    })
    // A study, a missing one, and an id of another kind.
    const kb = loadFromMemory([
      ...texts,
      extra('named-study', 'doe-2020'),
      extra('missing-study', 'nobody-1999'),
      extra('not-a-study', 'cmoc-1a'),
    ])
    // The reference: walk every edge out of the entry.
    const walked = (id: string): string | undefined => {
      let found: string | undefined
      kb.graph.forEachOutEdge(id, (_edge, attributes, _source, target) => {
        if (
          attributes.type === 'drawn-from' &&
          kb.graph.getNodeAttribute(target, 'kind') === 'study'
        )
          found ??= target
      })
      return found
    }
    const entries = entitiesOfKind(kb.graph, 'evidence')
    expect(entries.length).toBeGreaterThan(4)
    for (const entry of entries)
      expect(studyOfEvidence(kb.graph, entry.id), entry.id).toBe(walked(entry.id))
    expect(studyOfEvidence(kb.graph, 'named-study')).toBe('doe-2020')
    expect(studyOfEvidence(kb.graph, 'missing-study')).toBeUndefined()
    expect(studyOfEvidence(kb.graph, 'not-a-study')).toBeUndefined()
  })
})
