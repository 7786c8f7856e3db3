import { type KnowledgeBase, loadFromMemory } from '@realist-kb/core'

/**
 * A small base made in the test, with a group nested two deep, a CMOC chain across groups,
 * a CMOC outside every group, a group that holds nothing, and inferred links: the shapes the
 * bundled review does not have.
 */
export function nestedBase(): KnowledgeBase {
  const group = (id: string, parent?: string): { path: string; text: string } => ({
    path: `groups/${id}.md`,
    text: `---\nkind: group\nname: Group ${id}\ndescription: About ${id}.\n${parent ? `parent: ${parent}\n` : ''}---\n`,
  })
  const cmoc = (id: string, extra: string): { path: string; text: string } => ({
    path: `cmocs/${id}.md`,
    text: `---\nkind: cmoc\ntitle: Title of ${id} that is long enough to wrap over several lines of a box\n${extra}context: C.\nmechanism: M.\noutcome: O.\n---\n`,
  })
  return loadFromMemory([
    {
      path: 'review.md',
      text: '---\nkind: review\ntitle: Nested\nauthors: [Doe J]\nyear: 2024\n---\n',
    },
    group('outer'),
    group('middle', 'outer'),
    group('inner', 'middle'),
    group('other'),
    group('empty'),
    cmoc('cmoc-a', 'group: outer\nleadsTo: [cmoc-b]\n'),
    cmoc('cmoc-b', 'group: inner\nleadsTo: [{ id: cmoc-c, basis: inferred }]\n'),
    cmoc('cmoc-c', 'group: other\nconflictsWith: [cmoc-a]\n'),
    cmoc('cmoc-d', ''),
    {
      path: 'recommendations/rec-1.md',
      text: '---\nkind: recommendation\ngroup: middle\ntext: Do the first thing.\ncmocs: [cmoc-a, { id: cmoc-b, basis: inferred }]\n---\n',
    },
    {
      path: 'recommendations/rec-2.md',
      text: '---\nkind: recommendation\ntext: Do the second thing.\ncmocs: [cmoc-c, cmoc-d]\n---\n',
    },
    {
      path: 'studies/doe-2020.md',
      text: '---\nkind: study\ncitation:\n  authors: [Doe J]\n  year: 2020\n  title: A study\nevidence:\n  - cmocs: [cmoc-a, cmoc-b]\n    relation: supports\n    point: It works.\n  - cmocs: [{ id: cmoc-c, basis: inferred }]\n    relation: refutes\n    point: It does not.\n---\n',
    },
  ])
}
