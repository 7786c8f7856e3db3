import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { run } from './run.js'

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, '../..')

/** The fields of a package manifest these scripts read. */
export interface Manifest {
  readonly name: string
  readonly version: string
  readonly private?: boolean
  readonly exports?: Readonly<Record<string, unknown>>
  readonly publishConfig?: { readonly exports?: Readonly<Record<string, unknown>> }
  readonly [field: string]: unknown
}

/** A package of the workspace that is published. */
export interface WorkspacePackage {
  readonly dir: string
  readonly manifest: Manifest
}

/** A package packed to a tarball, with the files in it. */
export interface PackedPackage {
  readonly name: string
  readonly tarball: string
  readonly files: readonly string[]
}

/**
 * The published (non-private) packages under packages/, sorted by folder.
 *
 * @example
 * ```ts
 * const names = (await workspacePackages()).map((pkg) => pkg.manifest.name)
 * ```
 */
export async function workspacePackages(): Promise<WorkspacePackage[]> {
  const packagesDir = path.join(repoRoot, 'packages')
  const folders = (await readdir(packagesDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  const found: WorkspacePackage[] = []
  for (const folder of folders) {
    const dir = path.join(packagesDir, folder)
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Manifest
    if (manifest.private !== true) found.push({ dir, manifest })
  }
  return found
}

/**
 * Pack a package with `pnpm pack`, as it would be published: `workspace:*` ranges become
 * versions and `publishConfig.exports` replaces `exports`. Build first; this does not.
 *
 * @example
 * ```ts
 * const packed = await packPackage(pkg, '/tmp/packs')
 * console.log(packed.tarball, packed.files.length)
 * ```
 */
export async function packPackage(
  pkg: WorkspacePackage,
  destination: string,
): Promise<PackedPackage> {
  const result = await run('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: pkg.dir,
  })
  if (result.code !== 0) {
    throw new Error(`pnpm pack failed in ${pkg.dir}:\n${result.stderr}${result.stdout}`)
  }
  // pnpm prints its JSON after any lifecycle output: read from the first `{` of a line.
  const json = result.stdout.slice(result.stdout.search(/^\{/m))
  const packed = JSON.parse(json) as { filename: string; files: { path: string }[] }
  return {
    name: pkg.manifest.name,
    tarball: packed.filename,
    files: packed.files.map((file) => file.path).sort(),
  }
}
