import { buildTraceReport, loadFromMemory } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'

const group = (id: string, parent?: string): { path: string; text: string } => ({
  path: `groups/${id}.md`,
  text: `---\nkind: group\nname: ${id}\ndescription: About ${id}.\n${parent ? `parent: ${parent}\n` : ''}---\n`,
})

describe('groups in the trace report', () => {
  it('name the group they nest in, and only when they nest', () => {
    const report = buildTraceReport(
      loadFromMemory([group('outer'), group('middle', 'outer'), group('inner', 'middle')]),
    )
    expect(Object.fromEntries(report.groups.map((entry) => [entry.id, entry.parent]))).toEqual({
      inner: 'middle',
      middle: 'outer',
      outer: undefined,
    })
    expect(report.groups.find((entry) => entry.id === 'outer')).not.toHaveProperty('parent')
  })
})
