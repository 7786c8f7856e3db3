import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../scripts/packages/run.js'
import { memoryIo } from './cli-io.js'

// Every command the docs show with --out, run as documented into a copy of the repository's
// layout (its lint and git settings, the bundled review): the generated files must not make
// `pnpm lint` fail. The commands are read from the docs, so a new documented output is covered.

const root = path.resolve(import.meta.dirname, '../../..')

/** The `realist-kb ... --out ...` commands of the docs, as argument lists. */
async function documentedCommands(): Promise<string[][]> {
  const files = [
    'README.md',
    'package.json',
    'packages/cli/README.md',
    ...(await readdir(path.join(root, 'docs')))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ]
  const commands = new Map<string, string[]>()
  for (const file of files) {
    const text = await readFile(path.join(root, file), 'utf8')
    for (const match of text.matchAll(
      /realist-kb ((?:report|export|schema)\b[^\n#"`|&]*--out [^\s"`]+)/g,
    )) {
      const line = (match[1] ?? '').trim()
      // Synopses (`[--out <path>]`) are not commands.
      if (line.includes('<') || line.includes('[')) continue
      commands.set(line, line.split(/\s+/))
    }
  }
  return [...commands.values()]
}

let work: string
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'realist-kb-documented-'))
  for (const file of ['biome.json', '.gitignore'])
    await cp(path.join(root, file), path.join(work, file))
  await cp(path.join(root, 'content'), path.join(work, 'content'), { recursive: true })
  // One source file, so that the check has something of the project's own to look at.
  await writeFile(path.join(work, 'example.ts'), "export const example = 'ok'\n")
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('outputs of the documented commands', () => {
  it('are written where the docs say, and leave `biome check` passing', {
    timeout: 120_000,
  }, async () => {
    const commands = await documentedCommands()
    expect(commands.length, 'documented commands').toBeGreaterThanOrEqual(5)
    for (const args of commands) {
      const io = memoryIo(work)
      expect([args.join(' '), await main([...args, '--force'], io)]).toEqual([args.join(' '), 0])
    }
    const biome = path.join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome')
    const checked = await run(process.execPath, [biome, 'check', '.'], { cwd: work })
    expect(checked.code, `${checked.stdout}${checked.stderr}`).toBe(0)
    // And git would not offer them for a commit.
    const ignored = await readFile(path.join(work, '.gitignore'), 'utf8')
    for (const folder of ['/out/', '/report/', '/schemas/']) expect(ignored).toContain(folder)
  })
})
