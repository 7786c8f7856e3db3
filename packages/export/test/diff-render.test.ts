import { diffKnowledgeBases, loadFromMemory } from '@realist-kb/core'
import { renderDiffText } from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { version2 } from '../../core/test/helpers/two-version-repo.js'

const load = (files: Record<string, string | undefined>) =>
  loadFromMemory(
    Object.entries(files).flatMap(([path, text]) => (text === undefined ? [] : [{ path, text }])),
  )

describe('renderDiffText: judgement changes', () => {
  it('names a judgement assessed for the first time, an excluded study and a new acknowledgement', () => {
    const after = {
      ...version2,
      'cmocs/cmoc-1b.md': version2['cmocs/cmoc-1b.md']?.replace(
        'status: incomplete',
        'confidence:\n  coherence: { concern: serious, explanation: Teams disagree. }\nacknowledged:\n  - { gap: single-study-cmoc, reason: Thin so far. }',
      ),
      'studies/roe-2021.md': version2['studies/roe-2021.md']?.replace(
        'title: Second',
        'title: Second\ninclusion: { status: excluded, basis: Out of scope. }',
      ),
      'cmocs/cmoc-1a.md': version2['cmocs/cmoc-1a.md']?.replace(
        'leadsTo: [cmoc-1b]',
        'conflictsWith: [cmoc-1b]',
      ),
    }
    const text = renderDiffText(diffKnowledgeBases(load(version2), load(after)), {
      from: 'v2',
      to: 'v3',
    })
    expect(text).toContain(
      'CMOC cmoc-1a: Experience motivates\n  no longer leads to: cmoc-1b\n  now conflicts with: cmoc-1b\n',
    )
    expect(text).toContain(
      'CMOC cmoc-1b: Shared language\n  status: incomplete -> complete\n  confidence coherence: not assessed -> serious, explanation now: Teams disagree.\n',
    )
    expect(text).toContain(
      'Study roe-2021: Second\n  inclusion: not given -> excluded, explanation now: Out of scope.\n',
    )
    expect(text).toContain(
      'Acknowledged gaps\n  cmoc cmoc-1b now acknowledges: single-study-cmoc\n',
    )
  })
})
