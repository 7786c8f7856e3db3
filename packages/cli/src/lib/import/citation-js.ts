/// <reference path="../../types/citation-js.d.ts" />
// The one place citation-js is loaded. Only the BibTeX, RIS and CSL plugins are: no @doi, @url,
// @wikidata or @pubmed plugin, so nothing here can reach the network. Every call names its parser
// explicitly (`@bibtex/text`, `@ris/file`, ...) instead of letting citation-js guess the format,
// because a guess could take a DOI or URL string for something to fetch.
import { logger, plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import '@citation-js/plugin-csl'
import type { CslItem } from './csl.js'

// citation-js logs to stderr at levels above `silent`; a CLI prints its own messages instead.
logger.level = 'silent'

/**
 * Parse BibTeX text (one or more entries, with any `@string` macros they use) to CSL items.
 * Throws on a syntax error, with citation-js's message.
 *
 * @example
 * ```ts
 * parseBibtex('@article{a, title={T}, author={Doe, J}, year=2020}')[0]?.title // 'T'
 * ```
 */
export function parseBibtex(text: string): CslItem[] {
  const entries = plugins.input.data(text, '@bibtex/text')
  return asItems(plugins.input.data(entries, '@bibtex/entries+list'))
}

/**
 * Parse the text of one RIS record (`TY  - ` to `ER  - `) to a CSL item.
 *
 * @example
 * ```ts
 * parseRisRecord('TY  - JOUR\nTI  - T\nAU  - Doe, J\nER  - ')?.title // 'T'
 * ```
 */
export function parseRisRecord(text: string): CslItem | undefined {
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
export function parseCslList(items: readonly object[]): CslItem[] {
  return asItems(plugins.input.data([...items], '@csl/list+object'))
}

/**
 * Render CSL items as a numbered bibliography with one of the styles bundled in
 * `@citation-js/plugin-csl` (`vancouver`, `apa`, `harvard1`), locale en-US (bundled too).
 *
 * @example
 * ```ts
 * formatBibliography([{ id: 'a', type: 'book', title: 'T' }], 'vancouver')
 * ```
 */
export function formatBibliography(
  items: readonly CslItem[],
  template: 'vancouver' | 'apa' | 'harvard1',
): [id: string, text: string][] {
  const output = plugins.output.format('bibliography', items, {
    template,
    format: 'text',
    lang: 'en-US',
    asEntryArray: true,
  })
  if (!Array.isArray(output)) return []
  return output.flatMap((entry: unknown) =>
    Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string'
      ? [[entry[0], entry[1]] as [string, string]]
      : [],
  )
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

function asItems(value: unknown): CslItem[] {
  return Array.isArray(value) ? value.filter(isItem) : []
}

function isItem(value: unknown): value is CslItem {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
