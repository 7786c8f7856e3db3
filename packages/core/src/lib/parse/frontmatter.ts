import { isMap } from 'yaml'
import { duplicateKeys } from './duplicate-keys.js'
import { fastToJs, locateFast, parseFastYaml } from './fast-yaml.js'
import { maxYamlDepth, parseYaml } from './parse-yaml.js'
import { type Locator, yamlLocator } from './schema-issues.js'
import { splitFence } from './split-fence.js'

/** Frontmatter split from its body and parsed, with a locator for positions. */
export interface SplitFile {
  /** Finds the offsets (in the frontmatter text) of the node at a path. */
  readonly locate: Locator
  /** The frontmatter as plain data. */
  readonly data: unknown
  /** Offset of the frontmatter text in the file. */
  readonly matterOffset: number
  /** The markdown body. */
  readonly body: string
  /** Offset of the body in the file. */
  readonly bodyOffset: number
}

/** Why frontmatter could not be split or parsed. */
export type SplitProblem =
  | { readonly type: 'missing'; readonly message: string; readonly offset: number }
  | { readonly type: 'unterminated'; readonly message: string; readonly offset: number }
  | { readonly type: 'language'; readonly language: string; readonly offset: number }
  | {
      readonly type: 'yaml'
      readonly problems: readonly { message: string; start: number; end: number }[]
    }

/** Most aliases a frontmatter may expand, against "billion laughs" alias bombs. */
const maxAliasCount = 100

// gray-matter (whose split `splitFence` reproduces without its Node-only code) picks an engine
// from the word after the opening fence, and its default `javascript` engine calls eval. Every
// engine it knows is replaced: YAML is only captured here and parsed
// below with positions; any other language throws and is reported, never run.
const refuse = {
  parse(): never {
    throw new UnsupportedLanguage()
  },
}
class UnsupportedLanguage extends Error {}
const captureOnly = { parse: () => ({}) }
const grayMatterOptions = {
  language: 'yaml',
  engines: { yaml: captureOnly, json: refuse, javascript: refuse, js: refuse },
}

/**
 * Split a file into YAML frontmatter and markdown body with gray-matter, and parse the
 * frontmatter with `yaml` (YAML 1.2 core schema: dates stay strings; unique keys; aliases capped).
 * With `fast`, frontmatter in the plain subset is read by the fast parser instead, which gives
 * the same data and positions.
 */
export function splitFrontmatter(text: string, fast = false): SplitFile | SplitProblem {
  if (!text.startsWith('---')) {
    return {
      type: 'missing',
      message: 'Unexpected start of file, expected a `---` line opening the frontmatter',
      offset: 0,
    }
  }
  // The fence line runs to the first line feed, as in gray-matter: a lone CR does not end it, so
  // `---\rjs` names the language `js`.
  const fenceLine = /^---([^\n]*?)\r?(?:\n|$)/.exec(text)?.[1] ?? ''
  const fenceRest = fenceLine.trim()
  // Where the language word starts, for its position.
  const languageOffset = 3 + fenceLine.length - fenceLine.trimStart().length
  if (fenceRest.startsWith('-')) {
    return {
      type: 'missing',
      message: `Unexpected \`---${fenceRest}\`, expected a \`---\` line opening the frontmatter`,
      offset: 0,
    }
  }
  // A file whose lines end in lone CRs is one line to gray-matter: it has no closing fence.
  if (fenceRest.includes('\r')) {
    return {
      type: 'unterminated',
      message: 'Unexpected end of file, expected a `---` line closing the frontmatter',
      offset: text.length,
    }
  }
  if (fenceRest !== '' && fenceRest !== 'yaml') {
    return { type: 'language', language: fenceRest, offset: languageOffset }
  }
  let file: { matter?: string; content: string }
  try {
    file = splitFence(text, grayMatterOptions)
  } catch (error) {
    if (error instanceof UnsupportedLanguage)
      return { type: 'language', language: fenceRest, offset: languageOffset }
    return {
      type: 'missing',
      message: 'Unexpected frontmatter, expected YAML between `---` lines',
      offset: 0,
    }
  }
  // With CRLF endings gray-matter leaves the `\r` of the last frontmatter line behind.
  const matterText = (file.matter ?? '').replace(/\r$/, '')
  const matterOffset = 3 + fenceLine.length
  if (!/\r?\n---/.test(text.slice(matterOffset))) {
    return {
      type: 'unterminated',
      message: 'Unexpected end of file, expected a `---` line closing the frontmatter',
      offset: text.length,
    }
  }
  const body = file.content
  const bodyOffset = text.length - body.length

  // Text the fast parser does not take, deep nesting included, goes to the reference path.
  if (fast) {
    const tree = parseFastYaml(matterText)
    if (tree) {
      return {
        locate: (path, keyOf) => locateFast(tree, path, keyOf),
        data: fastToJs(tree),
        matterOffset,
        body,
        bodyOffset,
      }
    }
  }
  const parsed = parseYaml(matterText, {
    version: '1.2',
    schema: 'core',
    // Unique keys are checked below, in linear time; `yaml`'s check is quadratic.
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    // Content must not print to the console (e.g. "Keys with collection values will be
    // stringified"); everything worth saying becomes a diagnostic.
    logLevel: 'error',
    // Only the core schema's tags are read. Others (`!!binary`, `!!timestamp`, `!!set`, and tags
    // other loaders turn into code, such as `!!js/function`) are refused below, never resolved.
    resolveKnownTags: false,
  })
  if (parsed.document === undefined) {
    const start = matterOffset + parsed.tooDeep
    return {
      type: 'yaml',
      problems: [
        {
          message: `Unexpected frontmatter nested more than ${maxYamlDepth} levels deep, expected fewer levels of lists and maps`,
          start,
          end: start + 1,
        },
      ],
    }
  }
  const document = parsed.document
  if (document.errors.length > 0) {
    // A too deeply nested document fails at many places at once: one report says it all.
    const tooDeep = document.errors.find((error) => isStackOverflow(error.message))
    return {
      type: 'yaml',
      problems: (tooDeep ? [tooDeep] : document.errors).map((error) => ({
        message: cleanYamlMessage(error.message),
        start: matterOffset + error.pos[0],
        end: matterOffset + error.pos[1],
      })),
    }
  }
  const tags = document.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED')
  if (tags.length > 0) {
    return {
      type: 'yaml',
      problems: tags.map((warning) => ({
        message: `Unexpected YAML tag \`${tagOf(warning.message)}\`, expected a plain value (only the core tags such as \`!!str\` are read)`,
        start: matterOffset + warning.pos[0],
        end: matterOffset + warning.pos[1],
      })),
    }
  }
  const duplicates = duplicateKeys(document)
  if (duplicates.length > 0) {
    return {
      type: 'yaml',
      problems: duplicates.map((duplicate) => ({
        message: `Unexpected duplicate field \`${duplicate.key}\`, expected each field once`,
        start: matterOffset + duplicate.start,
        end: matterOffset + duplicate.end,
      })),
    }
  }
  let data: unknown
  try {
    data = document.toJS({ maxAliasCount })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      type: 'yaml',
      problems: [{ message: cleanYamlMessage(message), start: matterOffset, end: matterOffset }],
    }
  }
  if (!isMap(document.contents) && data !== null && data !== undefined) {
    const start = matterOffset + (document.contents?.range?.[0] ?? 0)
    return {
      type: 'yaml',
      problems: [
        {
          message:
            'Unexpected frontmatter that is not a map of fields, expected `field: value` lines',
          start,
          end: start,
        },
      ],
    }
  }
  return {
    locate: yamlLocator(document),
    data: data ?? {},
    matterOffset,
    body,
    bodyOffset,
  }
}

function cleanYamlMessage(message: string): string {
  // `yaml` words its two resource defences as a stack overflow and an "attack": say what was
  // found instead.
  if (isStackOverflow(message))
    return 'Unexpected frontmatter nested too deeply, expected fewer levels of lists and maps'
  if (/excessive alias count/i.test(message))
    return `Unexpected frontmatter expanding aliases more than ${maxAliasCount} times, expected fewer \`*alias\` uses`
  // yaml appends "at line X, column Y" and a code frame; the diagnostic carries the position.
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message
}

// `Unresolved tag: tag:yaml.org,2002:js/function` -> `!!js/function`, as it was written.
function tagOf(message: string): string {
  const tag = message.replace(/^Unresolved tag: /, '').split('\n')[0] ?? ''
  return tag.replace(/^tag:yaml\.org,2002:/, '!!')
}

function isStackOverflow(message: string): boolean {
  return /maximum call stack size exceeded/i.test(message)
}
