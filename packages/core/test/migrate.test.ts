import { migrateFiles, parseFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'

describe('migrateFiles', () => {
  it('renames the group field in flow maps and nested review figures, keeping the rest', () => {
    const review =
      '---\nkind: review\nreported: { papers: 3, constructs: 4 } # as printed\n---\nconstructs: 4\n'
    const recommendation =
      '---\nkind: recommendation\n"construct": coherence\ntext: T # construct: kept\n---\n'
    const { files, changes, problems } = migrateFiles([
      { path: 'review.md', text: review },
      { path: 'recommendations/rec-1.md', text: recommendation },
    ])
    expect(problems).toEqual([])
    expect(files).toEqual([
      { path: 'review.md', text: review.replace('constructs: 4 }', 'groups: 4 }') },
      {
        path: 'recommendations/rec-1.md',
        text: recommendation.replace('"construct":', 'group:'),
      },
    ])
    expect(changes.map((change) => change.edits)).toEqual([
      [
        {
          line: 3,
          before: 'reported: { papers: 3, constructs: 4 } # as printed',
          after: 'reported: { papers: 3, groups: 4 } # as printed',
        },
      ],
      [{ line: 3, before: '"construct": coherence', after: 'group: coherence' }],
    ])
  })

  it('leaves other kinds, nested fields and current files alone', () => {
    const input = [
      { path: 'studies/doe.md', text: '---\nkind: study\nconstruct: x\n---\n' },
      { path: 'cmocs/c.md', text: '---\nkind: cmoc\nnotes:\n  construct: x\ngroup: g\n---\n' },
      { path: 'groups/g.md', text: '---\nkind: group\nname: G\n---\n' },
    ]
    expect(migrateFiles(input)).toEqual({ changes: [], files: input, problems: [] })
  })

  it('moves a file whose frontmatter cannot be read, without editing it', () => {
    const text = '---\nkind: construct\nname: [unclosed\n---\n'
    const { files, changes } = migrateFiles([{ path: 'constructs/sub/g.md', text }])
    expect(files).toEqual([{ path: 'groups/sub/g.md', text }])
    expect(changes[0]?.edits).toEqual([])
  })

  it('reports a field written both ways and a move onto another file', () => {
    const { problems } = migrateFiles([
      { path: 'groups/g.md', text: '---\nkind: group\n---\n' },
      { path: 'constructs/g.md', text: '---\nkind: construct\n---\n' },
      { path: 'cmocs/c.md', text: '---\nkind: cmoc\ngroup: g\nconstruct: g\n---\n' },
    ])
    expect(problems).toEqual([
      {
        file: 'cmocs/c.md',
        line: 4,
        message: expect.stringContaining('Unexpected both `construct:` and `group:`'),
      },
      {
        file: 'constructs/g.md',
        line: 1,
        message: expect.stringContaining('Unexpected existing `groups/g.md`'),
      },
    ])
  })

  it('never moves a file onto a path the caller says is taken', () => {
    const text = '---\nkind: construct\n---\n'
    const taken = new Set(['groups/g.md'])
    const { problems } = migrateFiles([{ path: 'constructs/g.md', text }], {
      occupied: (file) => taken.has(file),
    })
    expect(problems).toMatchObject([
      { file: 'constructs/g.md', message: expect.stringContaining('`groups/g.md`') },
    ])
  })
})

describe('the loader on format 1 names', () => {
  it('says that `kind: construct` and `construct:` were renamed, and how to migrate', () => {
    const hint = '`construct` was renamed to `group` in format 2: run `realist-kb migrate --write`'
    const kind = parseFile({ path: 'constructs/g.md', text: '---\nkind: construct\n---\n' })
    expect(kind.diagnostics).toMatchObject([{ name: 'unknown-kind', hint }])
    const field = parseFile({
      path: 'cmocs/c.md',
      text: '---\nkind: cmoc\ntitle: T\nconstruct: g\ngroup: g\ncontext: C\nmechanism: { resource: R, response: S }\noutcome: O\n---\n',
    })
    expect(field.diagnostics).toMatchObject([{ name: 'invalid-field', hint }])
  })
})
