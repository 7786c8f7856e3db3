import { readFile, writeFile } from 'node:fs/promises'
import { withContentFormatTables } from './content-format-doc.js'

const page = new URL('../docs/content-format.md', import.meta.url)
await writeFile(page, withContentFormatTables(await readFile(page, 'utf8')))
