// `pnpm check:packages`: pack every published package as `pnpm publish` would, and lint each
// tarball with publint and Are the Types Wrong. Run after `pnpm build` (the script does).
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { lintTarball } from './packages/lint-tarball.js'
import { packPackage, workspacePackages } from './packages/workspace-packages.js'

const destination = await mkdtemp(path.join(os.tmpdir(), 'realist-kb-packs-'))
let failures = 0
try {
  for (const pkg of await workspacePackages()) {
    const packed = await packPackage(pkg, destination)
    console.log(`\n${packed.name}: ${path.basename(packed.tarball)} (${packed.files.length} files)`)
    for (const result of await lintTarball(packed.tarball)) {
      console.log(
        `\n[${result.tool}] ${result.ok ? 'ok' : 'FAILED'}\n${result.stdout}${result.stderr}`,
      )
      if (!result.ok) failures += 1
    }
  }
} finally {
  await rm(destination, { recursive: true, force: true })
}
console.log(failures === 0 ? 'All packages are clean.' : `${failures} check(s) failed.`)
process.exitCode = failures === 0 ? 0 : 1
