import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { buildTraceReport, type Entity, entitiesOfKind, type KnowledgeBase } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { renderHtml, renderMarkdown } from '@realist-kb/export'
import { beforeAll, describe, expect, it } from 'vitest'

// The bundled review must say what the paper says in its own words, and call a link `stated` only
// where the paper states it. Both checks read the paper's full text, which the repository does
// not carry: it is kept beside it in ../shared/seed/, or in the folder REALIST_KB_PAPER names. In
// CI (CI=true) a missing paper fails the suite; in a clone without it the checks are skipped, as
// the browser tests are without a browser, and vitest lists them as skipped.
const root = path.resolve(import.meta.dirname, '..')
const seedDir = process.env.REALIST_KB_PAPER ?? path.resolve(root, '../shared/seed')
const hasPaper = existsSync(seedDir) || process.env.CI === 'true'
const runLength = 12

/** Lowercase words, with markup, apostrophes and punctuation out of the way. */
function words(text: string): string[] {
  return text
    .replace(/<[^>]+>/g, ' ')
    .toLowerCase()
    .replace(/[’‘`']/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
}

async function readPaper(): Promise<string> {
  const files = (await readdir(seedDir)).filter((file) => file.endsWith('.txt')).sort()
  const texts = await Promise.all(files.map((file) => readFile(path.join(seedDir, file), 'utf8')))
  const paper = texts.join('\n\n')
  if (words(paper).length < 1000)
    throw new Error(`Unexpected paper text in ${seedDir}, expected the full text of the review`)
  return paper
}

// Fields whose wording is the paper's on purpose: Table 2 (recommendation texts and their italic
// phrases, audience labels and examples), bibliographic fields, the review's title and Table 1,
// and quotes. Keys are `kind:top-level field`; `quote` is allowed at any depth.
const quotedOnPurpose = new Set([
  'recommendation:text',
  'recommendation:emphasis',
  'audience:name',
  'audience:examples',
  'study:citation',
  'review:title',
  'review:authors',
  'review:journal',
  'review:eligibility',
])

interface Field {
  readonly where: string
  readonly text: string
}

/** Every string of an entity's frontmatter and its body, except what is quoted on purpose. */
function ownWords(entity: Entity): Field[] {
  const fields: Field[] = []
  const walk = (value: unknown, at: string): void => {
    if (typeof value === 'string') fields.push({ where: at, text: value })
    else if (Array.isArray(value))
      for (const [index, item] of value.entries()) walk(item, `${at}[${index}]`)
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) {
        // Evidence entries are entities of their own, checked as such.
        if (key === 'quote' || (at === '' && key === 'evidence')) continue
        if (at === '' && quotedOnPurpose.has(`${entity.kind}:${key}`)) continue
        walk(item, at === '' ? key : `${at}.${key}`)
      }
  }
  walk(entity.data, '')
  if (entity.body.length > 0) fields.push({ where: 'body', text: entity.body })
  return fields
}

/** The longest runs of `runLength` or more words that `text` shares with the paper. */
function sharedRuns(text: string, paperRuns: ReadonlySet<string>): string[] {
  const tokens = words(text)
  const key = (start: number): string => tokens.slice(start, start + runLength).join(' ')
  const runs: string[] = []
  let start = 0
  while (start + runLength <= tokens.length) {
    if (!paperRuns.has(key(start))) {
      start++
      continue
    }
    let end = start + 1
    while (end + runLength <= tokens.length && paperRuns.has(key(end))) end++
    runs.push(tokens.slice(start, end - 1 + runLength).join(' '))
    start = end - 1 + runLength
  }
  return runs
}

/** The paper's paragraphs, as blank lines separate them. */
function paragraphs(paper: string): string[] {
  return paper.split(/\n\s*\n/).filter((p) => p.trim().length > 0)
}

/** A CMOC label as the paper may print it: `CMOC2d`, `CMOC2 d`, or with letters swapped (`CMCO3e`). */
function labelPattern(label: string): RegExp {
  const match = /^CMOC(\d)([a-z])$/i.exec(label)
  if (!match) throw new Error(`Unexpected CMOC label ${label}, expected one such as CMOC2d`)
  return new RegExp(`\\bCM(?:OC|CO)\\s*${match[1]}\\s*${match[2]}\\b`, 'i')
}

describe.skipIf(!hasPaper)('the bundled review, honest to the paper', () => {
  let kb: KnowledgeBase
  let paper: string
  beforeAll(async () => {
    paper = await readPaper()
    kb = await loadDirectory(path.join(root, 'content'))
  })

  it(`shares no run of ${runLength} words with the paper outside what is quoted on purpose`, () => {
    const tokens = words(paper)
    const paperRuns = new Set<string>()
    for (let i = 0; i + runLength <= tokens.length; i++)
      paperRuns.add(tokens.slice(i, i + runLength).join(' '))
    const offences: string[] = []
    kb.graph.forEachNode((_id, entity) => {
      for (const field of ownWords(entity))
        for (const run of sharedRuns(field.text, paperRuns))
          offences.push(`${entity.file} (${entity.id}) ${field.where}: "${run}"`)
    })
    expect(offences, 'fields that copy the paper (rewrite, or quote with a locator)').toEqual([])
  })

  it('calls a recommendation-to-CMOC link stated only where a passage of the paper states it', () => {
    const passages = paragraphs(paper)
    const offences: string[] = []
    for (const rec of entitiesOfKind(kb.graph, 'recommendation'))
      kb.graph.forEachOutEdge(rec.id, (_edge, link, _source, target) => {
        if (link.type !== 'derived-from' || link.basis !== 'stated') return
        const cmoc = kb.graph.getNodeAttributes(target)
        if (cmoc.kind !== 'cmoc') return
        const label = labelPattern(cmoc.data.label ?? target)
        const wording = words(rec.data.emphasis?.[0] ?? rec.data.text)
          .slice(0, 6)
          .join(' ')
        // The paper states the link only where one passage names both the CMOC and the
        // recommendation; Table 2 prints the recommendations without any CMOC.
        const stating = passages.filter(
          (p) => label.test(p) && words(p).join(' ').includes(wording),
        )
        if (link.location === undefined || stating.length === 0)
          offences.push(
            `${rec.id} -> ${target} is stated${link.location ? ` at "${link.location}"` : ' with no location'}, but no passage of the paper names both "${cmoc.data.label ?? target}" and "${wording}"`,
          )
      })
    expect(offences, 'mark these links inferred, with a rationale').toEqual([])
  })

  it('calls a CMOC-to-CMOC link stated only with the location that states it', () => {
    const offences: string[] = []
    for (const cmoc of entitiesOfKind(kb.graph, 'cmoc'))
      kb.graph.forEachOutEdge(cmoc.id, (_edge, link, _source, target) => {
        if (link.type === 'relates-to' && link.basis === 'stated' && link.location === undefined)
          offences.push(`${cmoc.id} -> ${target}`)
      })
    expect(offences, 'stated CMOC relations without a location').toEqual([])
  })

  it('says, where the report counts the studies, that the review included 164 papers', () => {
    const report = buildTraceReport(kb)
    const included = report.studies.filter((study) => study.inclusion === 'included').length
    const said = `${report.studies.length} studies (the review reports 164 included papers; ${included} of the ${report.studies.length} are marked included)`
    // The header is everything before the first section; the count must not wait for the last.
    const htmlHeader = renderHtml(report).split('<h2')[0] ?? ''
    const markdownHeader = renderMarkdown(report).split('\n## ')[0] ?? ''
    expect(htmlHeader).toContain(said)
    expect(markdownHeader).toContain(said)
  })
})
