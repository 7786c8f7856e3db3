// Minimal declarations for the parts of citation-js 0.8 that realist-kb uses. citation-js ships
// no types; these cover only what lib/import/citation-js.ts calls.

declare module '@citation-js/core' {
  /** Input parsers: one registered parser per format name (`@bibtex/text`, `@ris/file`, ...). */
  interface InputPlugins {
    /** Run the parser registered for `format` once, without guessing the format. */
    data(input: unknown, format: string): unknown
    /** Names of the registered synchronous (`false`) or asynchronous (`true`) parsers. */
    listDataParser(async: boolean): string[]
    /** Names of every registered input format. */
    list(): string[]
  }

  /** Output formatters, `bibliography` among them once `@citation-js/plugin-csl` is loaded. */
  interface OutputPlugins {
    format(
      name: string,
      data: readonly object[],
      options?: Readonly<Record<string, unknown>>,
    ): unknown
    has(name: string): boolean
  }

  export const plugins: {
    readonly input: InputPlugins
    readonly output: OutputPlugins
  }

  /** citation-js's logger: keeps every message in `_log`; prints nothing at level `silent`. */
  export const logger: {
    level: 'http' | 'debug' | 'unmapped' | 'info' | 'warn' | 'error' | 'silent'
    readonly _log: unknown[]
  }

  export const version: string
}

// The plugins register themselves with @citation-js/core when imported and export nothing we use.
declare module '@citation-js/plugin-bibtex' {}
declare module '@citation-js/plugin-ris' {}
declare module '@citation-js/plugin-csl' {}
