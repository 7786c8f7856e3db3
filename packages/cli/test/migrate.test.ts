import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import type { KnowledgeBase } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryIo } from './cli-io.js'

const bundled = path.resolve(import.meta.dirname, '../../../content')

let work: string
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'realist-kb-migrate-'))
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

/** Every file under `dir` with its text, by `/`-separated relative path. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    out[path.relative(dir, file).split(path.sep).join('/')] = await readFile(file, 'utf8')
  }
  return out
}

/**
 * A file of the current format written the way realist-kb 0.1 wanted it: `constructs/`,
 * `kind: construct`, `construct:` on CMOCs and recommendations, `reported.constructs`. Only the
 * frontmatter is touched, line by line; the body stays as it is.
 */
function toFormatOne(file: string, text: string): [string, string] {
  const close = text.indexOf('\n---', 3)
  const matter = text
    .slice(0, close)
    .replace(/^kind: group\b/m, 'kind: construct')
    .replace(/^group:/m, 'construct:')
    .replace(/^( +)groups: (\d)/m, '$1constructs: $2')
  return [file.replace(/^groups\//, 'constructs/'), matter + text.slice(close)]
}

/**
 * The bundled review, written in format 1 under `work/kb`. Returns the current tree and the
 * format 1 paths of the files that differ from it.
 */
async function formatOneCopy(): Promise<{ current: Record<string, string>; changed: string[] }> {
  const current = await tree(bundled)
  const changed: string[] = []
  for (const [file, text] of Object.entries(current)) {
    const [old, oldText] = toFormatOne(file, text)
    if (old !== file || oldText !== text) changed.push(old)
    await mkdir(path.dirname(path.join(work, 'kb', old)), { recursive: true })
    await writeFile(path.join(work, 'kb', old), oldText)
  }
  return { current, changed }
}

async function migrate(...args: string[]): Promise<[number, string, string]> {
  const io = memoryIo(work)
  const code = await main(['migrate', 'kb', ...args], io)
  return [code, io.out(), io.err()]
}

/** What a knowledge base holds, independent of where its files are. */
function shape(kb: KnowledgeBase): { nodes: string[]; edges: string[] } {
  return {
    nodes: kb.graph.mapNodes((id, node) => `${node.kind} ${id}`).sort(),
    edges: kb.graph
      .mapEdges((_edge, edge, source, target) => `${source} ${edge.type} ${target}`)
      .sort(),
  }
}

describe('realist-kb migrate', () => {
  it('turns a format 1 base into the bundled review, file for file', async () => {
    const { current, changed } = await formatOneCopy()
    // Groups, CMOCs, recommendations and the review.
    expect(changed.length).toBe(4 + 18 + 22 + 1)
    const before = await loadDirectory(path.join(work, 'kb'))
    // The format 1 copy does not load today, and each file in format 1 says what to run.
    const errors = before.diagnostics.filter((d) => d.severity === 'error')
    expect(errors.length).toBeGreaterThan(0)
    const hinted = new Set(
      errors.filter((d) => d.hint?.includes('realist-kb migrate --write')).map((d) => d.file),
    )
    expect(changed.filter((file) => !hinted.has(file))).toEqual([])

    const [code, out] = await migrate('--write')
    expect(code).toBe(0)
    expect(out).toContain('kb/constructs/coherence.md -> kb/groups/coherence.md')
    // Byte for byte the current files: comments, order, formatting and bodies kept.
    expect(await tree(path.join(work, 'kb'))).toEqual(current)
    const after = await loadDirectory(path.join(work, 'kb'))
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(shape(after)).toEqual(shape(await loadDirectory(bundled)))
    await expect(lstat(path.join(work, 'kb/constructs'))).rejects.toThrow()
  })

  it('prints the plan and writes nothing without --write', async () => {
    await formatOneCopy()
    const before = await tree(path.join(work, 'kb'))
    const [code, out] = await migrate()
    expect(code).toBe(0)
    expect(out).toContain('kb/cmocs/cmoc-1a.md  (construct-to-group)\n')
    expect(out).toMatch(/\n {2}\d+ {2}- construct: coherence\n {2}\s+\+ group: coherence\n/)
    expect(out).toContain('- kind: construct')
    expect(out).toContain('run `realist-kb migrate kb --write`')
    expect(await tree(path.join(work, 'kb'))).toEqual(before)
  })

  it('changes nothing the second time', async () => {
    await formatOneCopy()
    expect((await migrate('--write'))[0]).toBe(0)
    const once = await tree(path.join(work, 'kb'))
    const [code, out] = await migrate('--write')
    expect(code).toBe(0)
    expect(out).toBe('kb is in the current format: nothing to change\n')
    expect(await tree(path.join(work, 'kb'))).toEqual(once)
  })

  it('keeps comments, quoting, CRLF line ends and the body of an edited file', async () => {
    await mkdir(path.join(work, 'kb/constructs'), { recursive: true })
    await mkdir(path.join(work, 'kb/cmocs'), { recursive: true })
    const group =
      '---\r\nkind: "construct" # an NPT construct\r\nname: Coherence\r\ndescription: Sense-making.\r\n---\r\nconstruct: not frontmatter\r\n'
    const cmoc = [
      '---',
      'kind: cmoc',
      'title: A # first',
      '# the group, as the paper names it',
      'construct: coherence   # aligned',
      'context: C',
      'mechanism: { resource: R, response: S }',
      'outcome: O',
      '---',
      'The body mentions construct: coherence and [[coherence]].',
      '',
    ].join('\n')
    await writeFile(path.join(work, 'kb/constructs/coherence.md'), group)
    await writeFile(path.join(work, 'kb/cmocs/cmoc-1a.md'), cmoc)
    expect((await migrate('--write'))[0]).toBe(0)
    expect(await tree(path.join(work, 'kb'))).toEqual({
      'groups/coherence.md': group.replace('"construct"', 'group'),
      'cmocs/cmoc-1a.md': cmoc.replace('\nconstruct: coherence', '\ngroup: coherence'),
    })
  })

  it('leaves a file that is not UTF-8 byte for byte as it was', async () => {
    await mkdir(path.join(work, 'kb/cmocs'), { recursive: true })
    // `é` in Windows-1252: decoding it leniently and writing back would change this byte.
    const bytes = Buffer.from('---\nkind: cmoc\nconstruct: coh\xe9rence\n---\n', 'latin1')
    await writeFile(path.join(work, 'kb/cmocs/cmoc-1a.md'), bytes)
    const [code, out] = await migrate('--write')
    expect(code).toBe(0)
    expect(out).toContain('nothing to change')
    expect(await readFile(path.join(work, 'kb/cmocs/cmoc-1a.md'))).toEqual(bytes)
  })

  it('refuses to move a file onto an existing one, writing nothing', async () => {
    await formatOneCopy()
    await writeFile(
      path.join(work, 'kb/groups-note.txt'),
      'not content, but the folder must stay as it is',
    )
    await mkdir(path.join(work, 'kb/groups'))
    await writeFile(path.join(work, 'kb/groups/coherence.md'), '---\nkind: group\n---\n')
    const before = await tree(path.join(work, 'kb'))
    const [code, out] = await migrate('--write')
    expect(code).toBe(1)
    expect(out).toContain(
      'kb/constructs/coherence.md:1  error  Unexpected existing `groups/coherence.md`',
    )
    expect(out).toContain('nothing written')
    expect(await tree(path.join(work, 'kb'))).toEqual(before)
  })

  it('refuses a move onto anything that is not content, writing nothing', async () => {
    await formatOneCopy()
    // A folder where a group file would go: not a content file, but in the way all the same.
    await mkdir(path.join(work, 'kb/groups/coherence.md'), { recursive: true })
    const before = await tree(path.join(work, 'kb'))
    const [code, out] = await migrate('--write')
    expect(code).toBe(1)
    expect(out).toContain('Unexpected existing `groups/coherence.md`')
    expect(await tree(path.join(work, 'kb'))).toEqual(before)
  })

  it('never writes through a link out of the folder', async () => {
    await formatOneCopy()
    const outside = path.join(work, 'outside')
    await mkdir(outside)
    await symlink(outside, path.join(work, 'kb/groups'))
    const before = await tree(path.join(work, 'kb'))
    const [code, , err] = await migrate('--write')
    expect(code).toBe(2)
    expect(err).toContain('Unexpected link `groups` to a folder outside the content folder')
    expect(await readdir(outside)).toEqual([])
    expect(await tree(path.join(work, 'kb'))).toEqual(before)
  })

  it('prints the plan as JSON on request', async () => {
    await formatOneCopy()
    const [code, out] = await migrate('--format', 'json')
    expect(code).toBe(0)
    const result = JSON.parse(out) as { written: boolean; changes: { from: string; to: string }[] }
    expect(result.written).toBe(false)
    expect(result.changes).toContainEqual(
      expect.objectContaining({ from: 'constructs/coherence.md', to: 'groups/coherence.md' }),
    )
  })
})
