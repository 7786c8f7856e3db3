import { describe, expect, it } from 'vitest'
import { type Document, isMap, isSeq, parseDocument } from 'yaml'
import { type FastNode, fastToJs, parseFastYaml } from '../../src/lib/parse/fast-yaml.js'
import { comparisonCorpora } from './corpora.js'

function frontmatterOf(text: string): string | undefined {
  if (!text.startsWith('---\n')) return undefined
  const close = text.indexOf('\n---', 3)
  return close === -1 ? undefined : text.slice(3, close)
}

/** Every node of the fast tree with its path, for comparison with `yaml`'s node at that path. */
function* nodes(
  node: FastNode,
  path: (string | number)[] = [],
): Generator<[(string | number)[], FastNode, readonly [number, number] | undefined]> {
  yield [path, node, undefined]
  if (node.type === 'map') {
    for (const pair of node.pairs) {
      yield [[...path, pair.key], pair.value, pair.keyRange]
      yield* nodes(pair.value, [...path, pair.key])
    }
  } else if (node.type === 'seq') {
    for (const [index, item] of node.items.entries()) yield* nodes(item, [...path, index])
  }
}

function yamlRange(
  document: Document.Parsed,
  path: (string | number)[],
): [number, number] | undefined {
  const node =
    path.length === 0
      ? document.contents
      : (document.getIn(path, true) as { range?: [number, number, number] } | undefined)
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range
  return range ? [range[0], range[1]] : undefined
}

function yamlKeyRange(
  document: Document.Parsed,
  path: (string | number)[],
): [number, number] | undefined {
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true)
  if (!isMap(parent)) return undefined
  const pair = parent.items.find(
    (item) => String((item.key as { value?: unknown }).value) === String(path.at(-1)),
  )
  const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range
  return range ? [range[0], range[1]] : undefined
}

describe('fast YAML subset parser', () => {
  for (const corpus of comparisonCorpora()) {
    it(`gives the same data and node ranges as yaml on the ${corpus.name}`, () => {
      let fast = 0
      let total = 0
      for (const file of corpus.files) {
        const matter = frontmatterOf(file.text)
        if (matter === undefined) continue
        total++
        const tree = parseFastYaml(matter)
        if (!tree) continue
        fast++
        const document = parseDocument(matter, {
          version: '1.2',
          schema: 'core',
          uniqueKeys: true,
          strict: true,
        })
        expect(document.errors, file.path).toEqual([])
        expect(fastToJs(tree), file.path).toEqual(document.toJS())
        for (const [path, node, keyRange] of nodes(tree)) {
          expect([...node.range], `${file.path} ${path.join('.')}`).toEqual(
            yamlRange(document, path),
          )
          if (keyRange)
            expect([...keyRange], `${file.path} key ${path.join('.')}`).toEqual(
              yamlKeyRange(document, path),
            )
          if (node.type === 'seq')
            expect(isSeq(path.length === 0 ? document.contents : document.getIn(path, true))).toBe(
              true,
            )
        }
      }
      expect(total).toBeGreaterThan(0)
      // The generated corpus is written in the subset: nearly every file takes the fast path.
      if (corpus.name.startsWith('generated')) expect(fast / total).toBeGreaterThan(0.99)
    })
  }

  it('leaves everything outside the subset to yaml', () => {
    const outside = [
      'a: &x 1\nb: *x',
      'a: !!str 1',
      'a: |\n  text',
      'a: >-\n  text',
      '# comment\na: 1',
      'a: 1\n\nb: 2',
      'a: "x\\ny"',
      'a: 1\r\nb: 2',
      'a: 1\na: 2',
      'a: x\n  continued',
      'a: 1.5',
      'a: 0x1F',
      'a: {b: 1}',
      'a: [[1]]',
      'a: x # comment',
      '- a\n- b',
      'key:\n- same-indent item',
      '__proto__: x',
    ]
    for (const text of outside) expect(parseFastYaml(`\n${text}`), text).toBeUndefined()
  })
})
