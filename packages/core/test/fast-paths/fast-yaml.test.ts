import { describe, expect, it } from 'vitest'
import { type Document, isMap, isSeq, parseDocument } from 'yaml'
import { kindDefinitions } from '../../src/lib/kinds/index.js'
import { entityKinds } from '../../src/lib/kinds/names.js'
import { renderStudy } from '../../src/lib/kinds/study-file.js'
import { yamlText } from '../../src/lib/kinds/yaml-text.js'
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

/** Whether the fast parser took `matter`; when it did, its data and ranges are `yaml`'s. */
function sameAsYaml(matter: string, name: string): boolean {
  const tree = parseFastYaml(matter)
  if (!tree) return false
  const document = parseDocument(matter, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    strict: true,
  })
  expect(document.errors, name).toEqual([])
  expect(fastToJs(tree), name).toEqual(document.toJS())
  for (const [path, node, keyRange] of nodes(tree)) {
    expect([...node.range], `${name} ${path.join('.')}`).toEqual(yamlRange(document, path))
    if (keyRange)
      expect([...keyRange], `${name} key ${path.join('.')}`).toEqual(yamlKeyRange(document, path))
    if (node.type === 'seq')
      expect(isSeq(path.length === 0 ? document.contents : document.getIn(path, true))).toBe(true)
  }
  return true
}

/** A seeded generator of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

/**
 * `matter` with some long values written as block scalars (`>-`, `>`, `|`, `|-`), wrapped at
 * random widths, some with an empty line, a line that starts with `#` (text, not a comment),
 * a line indented deeper or a trailing space (both left to yaml).
 */
function withBlockScalars(matter: string, seed: number): string {
  const random = seeded(seed)
  const longValue = /^( *)((?:- )?)([A-Za-z]+): ([A-Za-z][^#[\]{}"'|>&*!%@`]{24,})$/
  return matter
    .split('\n')
    .flatMap((line) => {
      const match = longValue.exec(line)
      if (!match || random() > 0.4) return [line]
      const [, indent = '', dash = '', key = '', value = ''] = match
      const style = ['>-', '>', '|', '|-'][Math.floor(random() * 4)]
      const column = ' '.repeat(indent.length + dash.length + 2 + Math.floor(random() * 2))
      const width = 8 + Math.floor(random() * 30)
      const wrapped: string[] = []
      for (const word of value.split(' ')) {
        const lastLine = wrapped.at(-1)
        if (lastLine !== undefined && lastLine.length + word.length < width)
          wrapped[wrapped.length - 1] = `${lastLine} ${word}`
        else wrapped.push(word)
      }
      const body = wrapped.flatMap((text, at) => {
        const odd = random()
        if (at === 0 || odd > 0.2) return [`${column}${text}`]
        if (odd < 0.06) return ['', `${column}${text}`]
        if (odd < 0.12) return [`${column}# ${text}`]
        if (odd < 0.16) return [`${column}  ${text}`]
        return [`${column}${text} `]
      })
      return [`${indent}${dash}${key}: ${style}`, ...body]
    })
    .join('\n')
}

/**
 * `matter` with blank and comment lines put between its lines by a seeded generator: mostly
 * indented no deeper than the line before or the line after them (as people and `realist-kb new`
 * write them), sometimes deeper, sometimes at the end; and comments after some lines' values.
 */
function withCommentLines(matter: string, seed: number): string {
  const random = seeded(seed)
  const extra = (after: number, before: number): string => {
    const pick = random()
    const deepest = pick < 0.4 ? before : pick < 0.9 ? Math.max(after, before) : 6
    const indent = ' '.repeat(Math.floor(random() * (deepest + 1)))
    const kind = random()
    if (kind < 0.4) return `${indent}# TODO: a note - [x] "quoted" #${before}`
    if (kind < 0.6) return `${indent}#x`
    return kind < 0.8 ? '' : indent
  }
  const out: string[] = []
  let previous = 0
  for (const [index, line] of matter.split('\n').entries()) {
    const indent = line.length - line.trimStart().length
    while (index > 0 && random() < 0.3) out.push(extra(previous, indent))
    const comment = random()
    out.push(
      line.trim() === '' || comment > 0.3 ? line : `${line}${comment < 0.15 ? '  # why' : ' #x'}`,
    )
    if (line.trim() !== '') previous = indent
  }
  while (random() < 0.5) out.push(extra(previous, 0))
  return out.join('\n')
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
        if (sameAsYaml(matter, file.path)) fast++
      }
      expect(total).toBeGreaterThan(0)
      // The generated corpus is written in the subset: nearly every file takes the fast path.
      if (corpus.name.startsWith('generated')) expect(fast / total).toBeGreaterThan(0.99)
    })
  }

  it('reads blank lines, comments, block scalars and CRLF line ends as yaml does', () => {
    // Placed at random: much is read, and what is read is read as `yaml` reads it.
    let total = 0
    let commentedFast = 0
    let blocksFast = 0
    for (const corpus of comparisonCorpora())
      for (const [index, file] of corpus.files.slice(0, 120).entries()) {
        const matter = frontmatterOf(file.text)
        if (matter === undefined || parseFastYaml(matter) === undefined) continue
        total++
        const seed = index + 1
        // Every other file with Windows line ends, as a base checked out there has them.
        const crlf = (text: string): string =>
          index % 2 === 0 ? text : text.replaceAll('\n', '\r\n')
        const commented = crlf(withCommentLines(matter, seed))
        if (sameAsYaml(commented, `${file.path} (comments, seed ${seed})`)) commentedFast++
        const blocks = crlf(withBlockScalars(matter, seed))
        if (
          sameAsYaml(blocks, `${file.path} (block scalars, seed ${seed})`) &&
          /: [>|]/.test(blocks)
        )
          blocksFast++
        // Comments around and inside them (where a `#` line is text if indented enough).
        sameAsYaml(crlf(withCommentLines(blocks, seed)), `${file.path} (both, seed ${seed})`)
      }
    expect(total).toBeGreaterThan(250)
    expect(commentedFast / total).toBeGreaterThan(0.4)
    expect(blocksFast).toBeGreaterThan(25)
  })

  it('reads the files realist-kb new and import write, comments and all', () => {
    // A base of imported studies is read on the fast path: each carries its TODO comments.
    const references = Object.fromEntries(entityKinds.map((kind) => [kind, `${kind}-1`]))
    const files = [
      ...entityKinds.map((kind) => kindDefinitions[kind].template.render(`${kind}-2`, references)),
      ...[true, false].map((citationHints) =>
        renderStudy(
          'doe-2020',
          { authors: ['Doe J', 'Roe R'], year: 2020, title: 'A study: its title', keywords: ['a'] },
          { body: 'Notes.', citationHints },
        ),
      ),
    ]
    for (const text of files) {
      const matter = frontmatterOf(text) ?? ''
      expect(sameAsYaml(matter, text), text).toBe(true)
    }
    // Each has comments: the test is not passed by files without any.
    expect(files.filter((text) => /(?:^|\s)#/m.test(frontmatterOf(text) ?? ''))).toHaveLength(
      files.length,
    )
    expect(files.length).toBe(entityKinds.length + 2)
  })

  it('reads quoted items with commas, and the escapes realist-kb import writes, as yaml does', () => {
    const texts = [
      'title: "\\"Thank goodness you\'re here\\": a study"',
      'title: "a \\\\ b \\/ c \\n d \\t e \\u00e9 \\ud83d\\ude00 \\u007f"',
      'a: ["x \\" y, z", w] # a comment',
      'a: "ends in a backslash \\\\" # a comment',
      'authors: ["Doe, J", \'Roe, R\', Moe K]',
      'a: [ "x, y" ,z]',
      'a: ["", \'\']',
      'a: ["#not a comment, really"] # a comment',
      "settings: [patients' homes, children's hospital]",
      'a: [x"y, z"]',
    ]
    for (const text of texts) expect(sameAsYaml(`\n${text}`, text), text).toBe(true)
    const outside = [
      'a: ["x, y]',
      "a: ['it''s, here']",
      'a: ["x", ]',
      // Escapes YAML has and JSON has not, and single quotes, which take none.
      'a: "\\x41"',
      'a: "\\ "',
      "a: 'x\\y'",
      'a: "x\\"',
    ]
    for (const text of outside) expect(parseFastYaml(`\n${text}`), text).toBeUndefined()
    // Whatever a title holds, the fast parser reads what realist-kb writes for it.
    const titles = [
      'He said "no"',
      'C:\\path\\x',
      'line\nbreak',
      'bell\u0007',
      'del\u007f',
      'é 😀 \u2028',
    ]
    for (const title of titles) {
      const text = `\ntitle: ${yamlText(title)}`
      expect(sameAsYaml(text, title), title).toBe(true)
      expect(fastToJs(parseFastYaml(text) as FastNode)).toEqual({ title })
    }
  })

  it('reads a block scalar under a key, a list item and a key in a list item', () => {
    // Each takes the fast path: its lines start past the column of the key or dash it belongs to.
    const texts = [
      '\nnotes: >-\n  folded\n  text\nnext: 1',
      '\nnotes: |\n    literal\n\n    kept apart\nnext: 1',
      '\nitems:\n  - |-\n    one\n  - >\n    two\n    lines',
      '\nitems:\n  - key: >-\n      under a key\n      in an item\n    other: x',
      '\na:\n  b:\n    c: |\n      deeper\n    d: x',
    ]
    for (const text of texts) expect(sameAsYaml(text, text), text).toBe(true)
  })

  it('reads maps and sequences nested 32 deep, and leaves deeper ones to yaml', () => {
    // Levels alternate: a map's key holds a sequence whose item is a map, and so on.
    const nested = (levels: number): string => {
      let text = ''
      for (let level = 0; level < levels; level++) {
        const indent = ' '.repeat(level * 2)
        text += level % 2 === 0 ? `\n${indent}k${level}:` : `\n${indent}- k${level}: v`
      }
      return `${text} leaf`
    }
    expect(sameAsYaml(nested(31), 'nested 31 deep')).toBe(true)
    expect(parseFastYaml(nested(31))).toBeDefined()
    expect(parseFastYaml(nested(40))).toBeUndefined()
  })

  it('leaves everything outside the subset to yaml', () => {
    const outside = [
      'a: &x 1\nb: *x',
      'a: !!str 1',
      'a: |2\n  text',
      'a: >+\n  text\n',
      'a: >- # a comment\n  text',
      'a: |\n  text\n    deeper',
      'a: >\n  text \n  more',
      'a: >-\nb: 1',
      // A comment indented past the line after it: `yaml` counts it into the block before.
      'a:\n  b: 1\n    # deeper than the next line\nc: 2',
      'a:\n  b: 1\n  # still in the block at the end',
      'a: "x\\ey"',
      'a: 1\rb: 2',
      'a: 1\r',
      'a: 1\na: 2',
      'a: x\n  continued',
      'a: 1.5',
      'a: 0x1F',
      'a: {b: 1}',
      'a: [[1]]',
      'a: "x" y # comment',
      'a: # a comment, and no value',
      '- a\n- b',
      'key:\n- same-indent item',
      '__proto__: x',
    ]
    for (const text of outside) expect(parseFastYaml(`\n${text}`), text).toBeUndefined()
  })
})
