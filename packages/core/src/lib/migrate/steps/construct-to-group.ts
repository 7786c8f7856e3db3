import { isMap, isScalar, type YAMLMap } from 'yaml'
import { pairOf, replaceNode, type TextEdit, textValue } from '../frontmatter-yaml.js'
import type { MigrationStep, StepOutput } from '../step.js'

const oldFolder = 'constructs/'
const newFolder = 'groups/'
/** The kinds that named their group in a `construct:` field in format 1. */
const kindsWithGroup = new Set(['cmoc', 'recommendation'])

/**
 * Format 2 calls a part of the programme theory a group, whatever the review calls it: the kind
 * `construct` becomes `group`, its folder `constructs/` becomes `groups/`, the `construct:` field
 * of CMOCs and recommendations becomes `group:`, and the review's `reported.constructs` becomes
 * `reported.groups`.
 */
export const constructToGroup: MigrationStep = {
  name: 'construct-to-group',
  format: 2,
  migrate({ path, tree }): StepOutput {
    const to = path.startsWith(oldFolder) ? newFolder + path.slice(oldFolder.length) : path
    const edits: TextEdit[] = []
    const problems: StepOutput['problems'][number][] = []
    if (tree === undefined) return { path: to, edits, problems }

    const kindPair = pairOf(tree.root, 'kind')
    const kind = textValue(kindPair)
    if (kind === 'construct' && isScalar(kindPair?.value))
      edits.push(replaceNode(tree, kindPair.value, 'group'))

    const rename = (map: YAMLMap | undefined, from: string, into: string): void => {
      const old = pairOf(map, from)
      if (old === undefined) return
      const taken = pairOf(map, into)
      if (taken !== undefined) {
        problems.push({
          offset: tree.offset + (old.key.range?.[0] ?? 0),
          message: `Unexpected both \`${from}:\` and \`${into}:\`, expected only \`${into}:\` (format 2): keep one and run the migration again`,
        })
        return
      }
      edits.push(replaceNode(tree, old.key, into))
    }
    if (kind !== undefined && kindsWithGroup.has(kind)) rename(tree.root, 'construct', 'group')
    if (kind === 'review') {
      const reported = pairOf(tree.root, 'reported')?.value
      if (isMap(reported)) rename(reported, 'constructs', 'groups')
    }
    return { path: to, edits, problems }
  },
}
