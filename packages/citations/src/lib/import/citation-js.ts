/// <reference path="../../types/citation-js.d.ts" />
// The one place citation-js is loaded. Only the BibTeX and RIS plugins are: no @doi, @url,
// @wikidata or @pubmed plugin, so nothing here can reach the network. Every call names its parser
// explicitly (`@bibtex/text`, `@ris/file`, ...) instead of letting citation-js guess the format,
// because a guess could take a DOI or URL string for something to fetch.
import { logger, plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import type { CslRecord } from './csl-record.js'

// citation-js logs to stderr at levels above `silent`; a CLI prints its own messages instead.
logger.level = 'silent'

/**
 * Parse BibTeX or biblatex text (one or more entries, with any `@string` macros they use) to
 * CSL items. Fields are mapped with citation-js's biblatex mapping, which reads the BibTeX
 * fields too and adds biblatex's (`date`, `journaltitle`, `abstract`, `keywords`). Throws on a
 * syntax error, with citation-js's message.
 *
 * @example
 * ```ts
 * parseBibtex('@article{a, title={T}, author={Doe, J}, date={2020-03}}')[0]?.issued // { 'date-parts': [[2020, 3]] }
 * ```
 */
export function parseBibtex(text: string): CslRecord[] {
  const entries = plugins.input.data(text, '@bibtex/text')
  return asItems(plugins.input.data(entries, '@biblatex/entries+list'))
}

/**
 * Parse the text of one RIS record (`TY  - ` to `ER  - `) to a CSL item.
 *
 * @example
 * ```ts
 * parseRisRecord('TY  - JOUR\nTI  - T\nAU  - Doe, J\nER  - ')?.title // 'T'
 * ```
 */
export function parseRisRecord(text: string): CslRecord | undefined {
  const records = plugins.input.data(text, '@ris/file')
  if (!Array.isArray(records) || records.length === 0) return undefined
  // `@ris/record` reads old (RIS 2004) and new (RIS 2011) tags alike: exports mix them.
  const item: unknown = plugins.input.data(records[0], '@ris/record')
  return isItem(item) ? item : undefined
}

/**
 * Pass CSL-JSON items through citation-js's own CSL parser (no conversion, no guessing).
 *
 * @example
 * ```ts
 * parseCslList([{ title: 'T' }]).length // 1
 * ```
 */
export function parseCslList(items: readonly object[]): CslRecord[] {
  return asItems(plugins.input.data([...items], '@csl/list+object'))
}

/**
 * Every registered citation-js input parser, synchronous and asynchronous: what a test checks to
 * be sure that no parser able to fetch (DOI, URL, Wikidata, PubMed) is loaded.
 *
 * @example
 * ```ts
 * registeredParsers().some((name) => name.startsWith('@doi')) // false
 * ```
 */
export function registeredParsers(): string[] {
  return [...plugins.input.listDataParser(false), ...plugins.input.listDataParser(true)]
}

function asItems(value: unknown): CslRecord[] {
  return Array.isArray(value) ? value.filter(isItem) : []
}

function isItem(value: unknown): value is CslRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
