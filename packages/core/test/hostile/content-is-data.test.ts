import path from 'node:path'
import { buildTraceReport, type KnowledgeBase, loadFromMemory, parseFile } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markdownBodyArbitrary } from '../properties/arbitraries/markdown.js'
import { mutatedEntityYamlArbitrary } from '../properties/arbitraries/yaml-ish.js'
import { codesOf, diagnosticsOf, fixtures } from './helpers.js'
import { installSandbox, isInside } from './sandbox.js'
// The loader imports its parser on first use; the test runner evaluates such an import with
// node:vm, which the sandbox refuses. Loaded here, outside the sandbox, it is already there.
import '../../src/lib/node/parse-read.js'

const folder = path.join(fixtures, 'hostile-code')

/** Load the hostile-code fixture with every way out watched. */
async function loadWatched(): Promise<{
  kb: KnowledgeBase
  sandbox: ReturnType<typeof installSandbox>
}> {
  const sandbox = installSandbox()
  try {
    const kb = await loadDirectory(folder)
    buildTraceReport(kb)
    return { kb, sandbox }
  } finally {
    sandbox.restore()
  }
}

describe('content is data (fixtures/hostile-code)', () => {
  it('runs no code, starts no process, opens no connection, reads nothing outside', async () => {
    const { kb, sandbox } = await loadWatched()
    expect(sandbox.executed(), 'content code ran').toBe(false)
    expect(sandbox.escapes).toEqual([])
    expect(sandbox.fileAccess.length).toBeGreaterThan(0)
    for (const access of sandbox.fileAccess)
      expect(isInside(folder, access.path), `${access.fn} ${access.path}`).toBe(true)
    expect(kb.graph.order).toBeGreaterThan(0)
  })

  it('refuses every frontmatter language but YAML, unread', async () => {
    const { kb } = await loadWatched()
    for (const name of ['js', 'javascript', 'js-space', 'coffee', 'json', 'toml'])
      expect(codesOf(kb, `audiences/${name}.md`), name).toEqual([
        'RKB108 unsupported-frontmatter-language',
      ])
  })

  it('refuses YAML tags that other loaders turn into code or objects', async () => {
    const { kb } = await loadWatched()
    const tags: Record<string, string> = {
      'js-function': '!!js/function',
      'js-undefined': '!!js/undefined',
      'js-regexp': '!!js/regexp',
      python: '!!python/object/apply:os.system',
      'custom-tag': '!include',
      'verbatim-tag': '!!js/function',
      binary: '!!binary',
    }
    for (const [file, tag] of Object.entries(tags)) {
      const [diagnostic, ...rest] = diagnosticsOf(kb, `audiences/${file}.md`)
      expect(rest, file).toEqual([])
      expect(diagnostic, file).toMatchObject({ code: 'RKB101', name: 'malformed-yaml' })
      expect(diagnostic?.message, file).toBe(
        `Unexpected YAML tag \`${tag}\`, expected a plain value (only the core tags such as \`!!str\` are read)`,
      )
    }
    // The core schema's own tags are plain data.
    expect(kb.graph.getNodeAttributes('core-tag').data).toMatchObject({ name: '2024' })
  })

  it('keeps HTML, scripts and file links in a body as text', async () => {
    const { kb } = await loadWatched()
    const entity = kb.graph.getNodeAttributes('html-body')
    expect(entity.body).toContain('<script>globalThis.__realistKbExecuted = true</script>')
    expect(entity.body).toContain('[passwd](file:///etc/passwd)')
    // An inline link inside an HTML comment is text, not a link.
    expect(entity.links.map((link) => link.target)).toEqual(['js-function'])
    expect(codesOf(kb, 'audiences/html-body.md')).toEqual([])
  })

  it('refuses fence words that name JavaScript object properties', () => {
    for (const word of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'YAML',
    ]) {
      const parsed = parseFile({
        path: 'audiences/a.md',
        text: `---${word}\nkind: audience\nname: A\n---\n`,
      })
      expect(
        parsed.diagnostics.map((d) => d.code),
        word,
      ).toEqual(['RKB108'])
    }
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('runs nothing from any generated frontmatter or body', () => {
    const sandbox = installSandbox()
    try {
      fc.assert(
        fc.property(mutatedEntityYamlArbitrary, markdownBodyArbitrary, (matter, body) => {
          loadFromMemory([{ path: 'audiences/a.md', text: `---\n${matter}\n---\n${body}` }])
        }),
        { numRuns: 200 },
      )
    } finally {
      sandbox.restore()
    }
    expect(sandbox.executed()).toBe(false)
    expect(sandbox.escapes).toEqual([])
    expect(sandbox.fileAccess).toEqual([])
  })
})
