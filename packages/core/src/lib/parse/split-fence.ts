/**
 * A frontmatter engine, in gray-matter's shape: it receives the raw frontmatter text.
 * It may throw to refuse a language.
 */
export interface FenceEngine {
  parse(text: string, options: FenceOptions): unknown
}

/** Which engine reads the frontmatter, by the word after the opening fence. */
export interface FenceOptions {
  /** Engine for a fence with no language word (gray-matter's `language` option). */
  readonly language: string
  /** Engines by language name. Names not listed here are not registered. */
  readonly engines: Readonly<Record<string, FenceEngine>>
}

/** A file split at its `---` fences. */
export interface FenceSplit {
  /** The raw frontmatter text (empty when the file has none). */
  readonly matter: string
  /** The rest of the file: the markdown body. */
  readonly content: string
}

/**
 * Split a file at its `---` fences exactly as gray-matter 4.0.3 does (`matter(text, options)`),
 * including its quirks, without gray-matter itself: gray-matter requires `fs` and calls
 * `Buffer.from` on every file, so it cannot run in a browser. Only the split is reproduced; the
 * engine is called, as gray-matter calls it, so that it can refuse a language by throwing.
 * `packages/core/test/split-fence.test.ts` checks the two against each other on generated input.
 *
 * @example
 * ```ts
 * const capture = { parse: () => ({}) }
 * splitFence('---\nkind: audience\n---\nBody', { language: 'yaml', engines: { yaml: capture } })
 * // { matter: '\nkind: audience', content: 'Body' }
 * ```
 */
export function splitFence(input: string, options: Readonly<FenceOptions>): FenceSplit {
  if (input === '') return { matter: '', content: '' }
  // gray-matter drops a byte order mark before anything else (strip-bom-string).
  const text = input.charAt(0) === '\uFEFF' ? input.slice(1) : input
  const none = { matter: '', content: text }
  if (!text.startsWith('---')) return none
  // A fourth `-` means the line is not a fence (a thematic break, say).
  if (text.charAt(3) === '-') return none

  let rest = text.slice(3)
  const length = rest.length
  let language = options.language.toLowerCase()
  // The language word runs to the first line break; with none, gray-matter's
  // `slice(0, search(...))` drops the last character, and that is kept here.
  const raw = rest.slice(0, rest.search(/\r?\n/))
  if (raw.trim() !== '') {
    language = raw.trim()
    rest = rest.slice(raw.length)
  }

  let close = rest.indexOf('\n---')
  if (close === -1) close = length
  const matter = rest.slice(0, close)
  if (!onlyCommentsAndSpace(matter)) runEngine(language, matter, options)

  if (close === length) return { matter, content: '' }
  let content = rest.slice(close + 4)
  if (content.charAt(0) === '\r') content = content.slice(1)
  if (content.charAt(0) === '\n') content = content.slice(1)
  return { matter, content }
}

/**
 * Whether a frontmatter is only comment lines and space, which gray-matter takes for empty and
 * gives to no engine: what is left after removing `^\s*#[^\n]+` (multiline) and trimming. When
 * the first character that is not space is not `#`, no match can remove it, so the copy that
 * test makes of every frontmatter is spared for almost all of them.
 */
function onlyCommentsAndSpace(matter: string): boolean {
  const first = matter.search(/\S/)
  if (first === -1) return true
  if (matter.charAt(first) !== '#') return false
  return matter.replace(/^\s*#[^\n]+/gm, '').trim() === ''
}

/** Find the engine as gray-matter does (lookup, then alias) and let it read the text. */
function runEngine(name: string, text: string, options: Readonly<FenceOptions>): void {
  // A plain lookup, as gray-matter's: inherited names resolve the same way in both.
  const table: Readonly<Record<string, unknown>> = options.engines
  let engine = table[name] || table[alias(name)]
  if (engine === undefined) throw new Error(`Unexpected frontmatter language \`${name}\``)
  if (typeof engine === 'function') engine = { parse: engine }
  if (engine === null || (typeof engine !== 'object' && typeof engine !== 'function')) {
    throw new TypeError(`Unexpected engine for \`${name}\``)
  }
  const parse: unknown = Reflect.get(engine, 'parse')
  if (typeof parse !== 'function') throw new TypeError(`Unexpected engine for \`${name}\``)
  parse.call(engine, text, options)
}

/** gray-matter's language aliases. */
function alias(name: string): string {
  switch (name.toLowerCase()) {
    case 'js':
    case 'javascript':
      return 'javascript'
    case 'coffee':
    case 'coffeescript':
    case 'cson':
      return 'coffee'
    case 'yaml':
    case 'yml':
      return 'yaml'
    default:
      return name
  }
}
