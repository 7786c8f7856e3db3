import { buildTraceReport, loadFromMemory, type SourceFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'

function audience(id: string, includes: readonly string[] = []): SourceFile {
  return {
    path: `audiences/${id}.md`,
    text: `---\nkind: audience\nname: ${id}\n${includes.length > 0 ? `includes: [${includes.join(', ')}]\n` : ''}---\n`,
  }
}

function recommendation(id: string, audiences: readonly string[]): SourceFile {
  return {
    path: `recommendations/${id}.md`,
    text: `---\nkind: recommendation\ntext: Do ${id}.\naudiences: [${audiences.join(', ')}]\n---\n`,
  }
}

describe('compound audiences', () => {
  it('address every audience they include, through any depth, and stop at a cycle', () => {
    const kb = loadFromMemory([
      audience('nurses'),
      audience('doctors'),
      audience('clinicians', ['nurses', 'doctors']),
      audience('clinicians-and-managers', ['clinicians', 'managers']),
      audience('managers', ['clinicians-and-managers']),
      recommendation('rec-1', ['nurses']),
      recommendation('rec-2', ['clinicians']),
      recommendation('rec-3', ['clinicians-and-managers']),
      recommendation('rec-4', ['doctors']),
    ])
    const report = buildTraceReport(kb)
    const of = (id: string) => report.audiences.find((a) => a.id === id)
    expect(of('nurses')?.recommendations).toEqual(['rec-1'])
    expect(of('nurses')?.allRecommendations).toEqual(['rec-1', 'rec-2', 'rec-3'])
    expect(of('doctors')?.allRecommendations).toEqual(['rec-2', 'rec-3', 'rec-4'])
    expect(of('clinicians')?.allRecommendations).toEqual(['rec-2', 'rec-3'])
    // managers and clinicians-and-managers include each other: each reaches the other's.
    expect(of('managers')?.allRecommendations).toEqual(['rec-3'])
    expect(of('clinicians')?.includes.map((link) => [link.id, link.basis])).toEqual([
      ['doctors', 'stated'],
      ['nurses', 'stated'],
    ])
  })

  it('keeps the basis and rationale of an inferred inclusion', () => {
    const kb = loadFromMemory([
      audience('nurses'),
      {
        path: 'audiences/ward-staff.md',
        text: '---\nkind: audience\nname: Ward staff\nincludes:\n  - id: nurses\n    basis: inferred\n    rationale: Nurses work on wards.\n---\n',
      },
    ])
    const [link] = buildTraceReport(kb).audiences.find((a) => a.id === 'ward-staff')?.includes ?? []
    expect(link).toMatchObject({
      id: 'nurses',
      basis: 'inferred',
      rationale: 'Nurses work on wards.',
    })
  })
})
