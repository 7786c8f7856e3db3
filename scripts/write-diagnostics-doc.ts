import { writeFile } from 'node:fs/promises'
import { renderDiagnosticsDoc } from './diagnostics-doc.js'

await writeFile(new URL('../docs/diagnostics.md', import.meta.url), renderDiagnosticsDoc())
