import { findBodyLinks, parseFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'

const audience = (extra = ''): string => `---\nkind: audience\nname: The public\n${extra}---\n`

describe('parseFile', () => {
  it('takes the id from the file name and keeps the position', () => {
    const parsed = parseFile({ path: 'audiences/public.md', text: audience() })
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.entities[0]).toMatchObject({
      kind: 'audience',
      id: 'public',
      file: 'audiences/public.md',
      position: { line: 1, column: 1 },
    })
  })

  it('keeps dates as strings', () => {
    const text =
      '---\nkind: review\ntitle: T\nauthors: [A]\nyear: 2024\npublished: 2025-05-09\nsearch:\n  from: 2023-07-01\n---\n'
    const parsed = parseFile({ path: 'review.md', text })
    expect(parsed.diagnostics).toEqual([])
    const review = parsed.entities[0]
    expect(review?.kind === 'review' && review.data.published).toBe('2025-05-09')
    expect(review?.kind === 'review' && review.data.search?.from).toBe('2023-07-01')
  })

  it('points an invalid value at its YAML node', () => {
    const text =
      '---\nkind: study\ncitation:\n  authors: [Doe J]\n  title: T\ninclusion:\n  status: maybe\n---\n'
    const [diagnostic] = parseFile({ path: 'studies/doe.md', text }).diagnostics
    expect(diagnostic).toMatchObject({
      name: 'invalid-field',
      line: 7,
      column: 11,
      endLine: 7,
      endColumn: 16,
      hint: 'Use one of: included, excluded, unknown.',
    })
    expect(diagnostic?.message).toBe(
      'Unexpected `maybe` in `inclusion.status`, expected one of `included`, `excluded`, `unknown`',
    )
  })

  it('points a missing field at the map that lacks it', () => {
    const text = '---\nkind: group\nname: Coherence\n---\n'
    const [diagnostic] = parseFile({ path: 'groups/coherence.md', text }).diagnostics
    expect(diagnostic).toMatchObject({
      name: 'invalid-field',
      line: 2,
      column: 1,
      message: 'Missing field `description`, expected text',
    })
  })

  it('places malformed YAML', () => {
    const text = '---\nkind: audience\nname: [unclosed\n---\n'
    const [diagnostic] = parseFile({ path: 'audiences/x.md', text }).diagnostics
    expect(diagnostic).toMatchObject({ name: 'malformed-yaml', line: 3 })
  })

  it('reports duplicate keys as malformed YAML', () => {
    const [diagnostic] = parseFile({
      path: 'audiences/x.md',
      text: '---\nkind: audience\nname: A\nname: B\n---\n',
    }).diagnostics
    expect(diagnostic).toMatchObject({ name: 'malformed-yaml', line: 4, column: 1 })
  })

  it('refuses alias expansion bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ]
    const parsed = parseFile({ path: 'audiences/x.md', text: `---\n${bomb.join('\n')}\n---\n` })
    expect(parsed.diagnostics.map((d) => d.name)).toEqual(['malformed-yaml'])
  })

  it('accepts a byte order mark and CRLF line endings', () => {
    const text = `\uFEFF${audience('examples: [a]\n')}Body with [[rec-1-1]].\n`.replace(
      /\n/g,
      '\r\n',
    )
    const parsed = parseFile({ path: 'audiences/public.md', text })
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.entities[0]?.links[0]).toMatchObject({
      target: 'rec-1-1',
      place: { line: 6, column: 11 },
    })
  })

  it('places inline links in the body, skipping code', () => {
    const text = `${audience()}\nIntro [[cmoc-2c]] and \`[[code]]\`.\n\n\`\`\`\n[[block]]\n\`\`\`\n\nEnd [[rec-1-1]]\n`
    const links = parseFile({ path: 'audiences/public.md', text }).entities[0]?.links ?? []
    expect(
      links.map((link) => [link.target, link.place.line, link.place.column, link.type]),
    ).toEqual([
      ['cmoc-2c', 6, 7, 'mentions'],
      ['rec-1-1', 12, 5, 'mentions'],
    ])
  })

  it('turns evidence entries into entities with default ids and links', () => {
    const text =
      '---\nkind: study\ncitation:\n  authors: [Doe J]\n  title: T\ninclusion: {status: unknown}\nevidence:\n  - cmocs: [cmoc-1a, {id: cmoc-1b, basis: inferred, rationale: R}]\n    relation: supports\n    parts: [outcome]\n    point: P\n---\n'
    const parsed = parseFile({ path: 'studies/doe-2020.md', text })
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.entities.map((e) => [e.kind, e.id])).toEqual([
      ['study', 'doe-2020'],
      ['evidence', 'doe-2020-e1'],
    ])
    const links = parsed.entities[1]?.links ?? []
    expect(links.map((l) => [l.type, l.target, l.basis, l.place.line, l.place.column])).toEqual([
      ['evidences', 'cmoc-1a', 'stated', 8, 13],
      ['evidences', 'cmoc-1b', 'inferred', 8, 27],
      ['drawn-from', 'doe-2020', 'stated', 8, 5],
    ])
  })

  it('keeps the tags of an evidence file of its own', () => {
    const text =
      '---\nkind: evidence\nstudy: doe-2020\ncmocs: [cmoc-1a]\nrelation: refines\nparts: [context]\npoint: P\ntags: [rural, follow-up]\n---\n'
    const parsed = parseFile({ path: 'evidence/doe-2020-extra.md', text })
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.entities[0]?.data).toMatchObject({
      study: 'doe-2020',
      tags: ['rural', 'follow-up'],
    })
  })

  it('reports an unterminated frontmatter', () => {
    const [diagnostic] = parseFile({
      path: 'audiences/x.md',
      text: '---\nkind: audience\nname: A\n',
    }).diagnostics
    expect(diagnostic).toMatchObject({ name: 'missing-frontmatter', line: 4, column: 1 })
  })

  it('limits file size and line length', () => {
    expect(
      parseFile({ path: 'audiences/x.md', text: audience() }, { maxFileSize: 10 }).diagnostics[0]
        ?.name,
    ).toBe('file-too-large')
    const long = parseFile(
      { path: 'audiences/x.md', text: `${audience()}${'x'.repeat(50)}\n` },
      { maxLineLength: 40 },
    )
    expect(long.diagnostics[0]).toMatchObject({ name: 'file-too-large', line: 5 })
  })
})

describe('findBodyLinks', () => {
  it('finds links in text but not in code', () => {
    expect(findBodyLinks('As [[cmoc-2c]] says, `[[not-a-link]]`.')).toEqual([
      { target: 'cmoc-2c', start: 3, end: 14 },
    ])
  })
})
