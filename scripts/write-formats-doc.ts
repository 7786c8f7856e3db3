import { readFile, writeFile } from 'node:fs/promises'
import { withFormatsTable } from './formats-doc.js'

const page = new URL('../docs/cli.md', import.meta.url)
await writeFile(page, withFormatsTable(await readFile(page, 'utf8')))
