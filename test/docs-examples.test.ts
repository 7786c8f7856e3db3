import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { isEntityKind, kindFolders, parseFile } from '@realist-kb/core'
import type { Code, Nodes } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { describe, expect, it } from 'vitest'

// Every content file shown in the docs (a ```markdown, ```md or ```yaml fence holding `---`
// frontmatter with a `kind:`) is loaded here as the loader would load it from its kind's folder,
// and must have no error: an example that no longer validates fails, naming its doc and line.
// An example that shows a mistake on purpose says so: ```markdown invalid, or an
// `<!-- invalid -->` comment right before the fence; it must then have an error.

const root = path.resolve(import.meta.dirname, '..')

const docs = [
  ...readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  'README.md',
  'content/README.md',
  ...readdirSync(path.join(root, 'packages')).map((name) => `packages/${name}/README.md`),
].filter((doc) => {
  try {
    readFileSync(path.join(root, doc))
    return true
  } catch {
    return false
  }
})

const contentLanguages = new Set(['markdown', 'md', 'yaml'])

interface Example {
  readonly doc: string
  readonly line: number
  readonly text: string
  readonly kind: string
  readonly invalid: boolean
}

/** Fences in a content language, with whether an `<!-- invalid -->` comment precedes each. */
function fences(tree: Nodes): { code: Code; marked: boolean }[] {
  const out: { code: Code; marked: boolean }[] = []
  const visit = (node: Nodes): void => {
    if (!('children' in node)) return
    node.children.forEach((child, index) => {
      const before = node.children[index - 1]
      if (child.type === 'code' && contentLanguages.has(child.lang ?? '')) {
        const marked = before?.type === 'html' && /^<!--\s*invalid\b[\s\S]*-->$/.test(before.value)
        out.push({ code: child, marked })
      }
      visit(child)
    })
  }
  visit(tree)
  return out
}

/** The content-file examples of one doc, and how many fences look meant as one. */
function examplesOf(doc: string): { examples: Example[]; lookAlikes: number } {
  const tree = fromMarkdown(readFileSync(path.join(root, doc), 'utf8'))
  const examples: Example[] = []
  let lookAlikes = 0
  for (const { code, marked } of fences(tree)) {
    // A fence opening with `---`, or markdown naming a kind, is meant as a content file; a bare
    // YAML snippet (a field or two) is not.
    const meant =
      code.value.startsWith('---') || (code.lang !== 'yaml' && /^kind:/m.test(code.value))
    if (!meant) continue
    lookAlikes += 1
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(code.value)?.[1]
    const kind = frontmatter === undefined ? undefined : /^kind:\s*(\S+)/m.exec(frontmatter)?.[1]
    if (kind === undefined) continue
    examples.push({
      doc,
      line: code.position?.start.line ?? 0,
      text: `${code.value}\n`,
      kind,
      invalid: marked || /(?:^|\s)invalid(?:\s|$)/.test(code.meta ?? ''),
    })
  }
  return { examples, lookAlikes }
}

/** Where the loader would find the example: its kind's folder (or the root, for the review). */
function pathOf(kind: string): string {
  if (!isEntityKind(kind)) return 'example.md'
  return kind === 'review' ? 'review.md' : `${kindFolders[kind]}/example.md`
}

function errorsOf(example: Example): string[] {
  return parseFile({ path: pathOf(example.kind), text: example.text })
    .diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
    .map(
      (diagnostic) =>
        `${example.doc}:${example.line + diagnostic.line} (example at line ${example.line}): ${diagnostic.name}: ${diagnostic.message}`,
    )
}

const found = docs.map((doc) => ({ doc, ...examplesOf(doc) }))

describe('content examples in the docs', () => {
  it('finds the examples of every doc that has some', () => {
    const counts = Object.fromEntries(
      found
        .filter(({ lookAlikes }) => lookAlikes > 0)
        .map(({ doc, examples }) => [doc, examples.length]),
    )
    expect(counts).toMatchInlineSnapshot(`
      {
        "README.md": 1,
        "docs/content-format.md": 17,
        "docs/versioning.md": 1,
      }
    `)
    // A doc with fences meant as content files but not a single example found means the search
    // broke (or the doc's examples lost their frontmatter): never pass on nothing.
    for (const { doc, examples, lookAlikes } of found)
      if (lookAlikes > 0) expect([doc, examples.length > 0]).toEqual([doc, true])
  })

  it('loads every example with no error', () => {
    const errors = found
      .flatMap(({ examples }) => examples)
      .filter((example) => !example.invalid)
      .flatMap(errorsOf)
    expect(errors).toEqual([])
  })

  it('finds an error in every example marked invalid', () => {
    const clean = found
      .flatMap(({ examples }) => examples)
      .filter((example) => example.invalid && errorsOf(example).length === 0)
      .map((example) => `${example.doc}:${example.line}`)
    expect(clean).toEqual([])
  })
})
