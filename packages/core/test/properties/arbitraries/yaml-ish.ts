import { entityKinds } from '@realist-kb/core'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { entityDataArbitrary, idArbitrary } from './entities.js'

// Keys: real field names (so that validation and positions are exercised), odd ones, and
// keys that are dangerous in JavaScript objects.
const key = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'kind',
      'id',
      'name',
      'title',
      'text',
      'description',
      'group',
      'context',
      'mechanism',
      'resource',
      'outcome',
      'cmocs',
      'audiences',
      'related',
      'evidence',
      'citation',
      'authors',
      'year',
      'inclusion',
      'status',
      'relation',
      'parts',
      'point',
      'study',
      'basis',
      'rationale',
      'tags',
      'order',
      'reported',
      'perCountry',
    ),
  },
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    '<<',
    '"quoted key"',
    "'single'",
    '? complex',
    '[a, b]',
    '{a: b}',
    '1',
    'null',
    'true',
    '~',
    '',
    'kïnd',
    'a b',
  ),
)

// Scalars in every YAML style, including tags that other YAML loaders would turn into code.
const scalar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...entityKinds) },
  { weight: 3, arbitrary: idArbitrary },
  fc.stringMatching(/^[A-Za-z0-9 ,.-]{0,12}$/),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    'true',
    'false',
    'yes',
    'null',
    '~',
    '',
    '2024-01-02',
    '2024-01-02T10:00:00Z',
    '0x1F',
    '0o17',
    '.inf',
    '-.nan',
    '1e999',
    '12345678901234567890123',
    '"double \\" quoted \\u263A \\x00"',
    "'single '' quoted'",
    '"unterminated',
    "'unterminated",
    '|',
    '>-',
    '|+2',
    '&anchor value',
    '*anchor',
    '*missing',
    '&a [*a]',
    '!!str 12',
    '!!int "12"',
    '!!binary aGVsbG8=',
    '!!timestamp 2024-01-02',
    '!!set {a, b}',
    '!!omap [a: 1]',
    '!!js/function "function () { globalThis.__realistKbExecuted = true }"',
    '!!js/undefined ""',
    '!!js/regexp /x/g',
    '!!python/object/apply:os.system ["touch /tmp/pwned"]',
    '!<tag:yaml.org,2002:js/function> x',
    '!custom value',
    '!',
    '%YAML 1.1',
    '@reserved',
    '`reserved',
    '# only a comment',
    'value # comment',
    'a: b',
    '- item',
    '[[cmoc-1a]]',
    '---',
    '...',
    '\t',
    '\u00A0',
    '\uFEFF',
    '\u2028',
    '\\',
  ),
)

const flow: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc
      .array(fc.tuple(key, tie('node')), { maxLength: 3 })
      .map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc.constantFrom('[', ']', '{', '}', '[a,, b]', '{a: }', '[a: b]', '{ ? a }'),
  ),
})).node

const indent = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('', '  ', '    ') },
  fc.constantFrom(' ', '   ', '\t', ' \t', '      '),
)

// One frontmatter line. Lines are combined freely, so most frontmatters are malformed YAML in
// some way: wrong indentation, stray list items, unclosed flows, block scalars without text.
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(indent, key, scalar).map(([i, k, v]) => `${i}${k}: ${v}`) },
  { weight: 2, arbitrary: fc.tuple(indent, key, flow).map(([i, k, v]) => `${i}${k}: ${v}`) },
  { weight: 2, arbitrary: fc.tuple(indent, key).map(([i, k]) => `${i}${k}:`) },
  { weight: 2, arbitrary: fc.tuple(indent, scalar).map(([i, v]) => `${i}- ${v}`) },
  fc.tuple(indent, key, scalar).map(([i, k, v]) => `${i}- ${k}: ${v}`),
  fc
    .tuple(indent, fc.stringMatching(/^[a-z]{1,3}$/), key, scalar)
    .map(([i, name, k, v]) => `${i}${k}: &${name} ${v}`),
  fc
    .tuple(indent, fc.stringMatching(/^[a-z]{1,3}$/), key)
    .map(([i, name, k]) => `${i}${k}: *${name}`),
  fc.tuple(indent, fc.stringMatching(/^[a-z]{1,3}$/)).map(([i, name]) => `${i}<<: *${name}`),
  fc.tuple(indent, scalar).map(([i, v]) => `${i}${v}`),
  fc.tuple(indent, key).map(([i, k]) => `${i}? ${k}`),
  fc.tuple(indent, scalar).map(([i, v]) => `${i}: ${v}`),
  fc.constantFrom('---', '...', '--- x', '# comment', '', ' ', '%YAML 1.2', '%TAG ! tag:x,2000:'),
)

/**
 * Frontmatter text from a small grammar of YAML lines: real and odd keys, scalars in every
 * style (quoted, block, tagged, anchored, aliased), flow and block lists and maps, odd
 * indentation, comments, directives and `---` lines. Most results are malformed in some way.
 *
 * @example
 * ```ts
 * fc.sample(yamlishArbitrary, 1)[0] // e.g. 'kind: cmoc\n  - x\nid: &a [*a]'
 * ```
 */
export const yamlishArbitrary: fc.Arbitrary<string> = fc
  .array(line, { maxLength: 12 })
  .map((lines) => lines.join('\n'))

// One change to a line of otherwise valid YAML.
const mutation = fc.oneof(
  fc.tuple(fc.constant('insert' as const), line),
  fc.tuple(fc.constant('replace' as const), line),
  fc.tuple(fc.constant('indent' as const), indent),
  fc.tuple(fc.constant('drop' as const), fc.constant('')),
  fc.tuple(fc.constant('repeat' as const), fc.constant('')),
  fc.tuple(fc.constant('value' as const), scalar),
)

/**
 * Frontmatter of a valid entity of any kind, then damaged by a few line edits: an inserted or
 * replaced line from the grammar, a line re-indented, dropped or repeated (a duplicate key), a
 * value swapped for a tagged, anchored or quoted one. These reach schema validation and the
 * placing of field problems, which random lines rarely do.
 *
 * @example
 * ```ts
 * fc.sample(mutatedEntityYamlArbitrary, 1)[0] // e.g. 'kind: cmoc\ntitle: !!js/function x\n...'
 * ```
 */
export const mutatedEntityYamlArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...entityKinds).chain((kind) => entityDataArbitrary(kind)),
    fc.array(fc.tuple(fc.nat(), mutation), { maxLength: 3 }),
  )
  .map(([data, edits]) => {
    const lines = stringify(data).replace(/\n$/, '').split('\n')
    for (const [at, [type, value]] of edits) {
      const index = at % (lines.length + 1)
      const current = lines[index] ?? ''
      if (type === 'insert') lines.splice(index, 0, value)
      else if (type === 'replace') lines[index] = value
      else if (type === 'indent') lines[index] = value + current.trimStart()
      else if (type === 'drop') lines.splice(index, 1)
      else if (type === 'repeat') lines.splice(index, 0, current)
      else lines[index] = current.replace(/(:\s|-\s).*$/, `$1${value}`)
    }
    return lines.join('\n')
  })

/** The way a file opens its frontmatter: mostly `---`, sometimes a language or an odd fence. */
const openingFence = fc.oneof(
  { weight: 8, arbitrary: fc.constant('---') },
  fc.constantFrom(
    '---yaml',
    '--- ',
    '---js',
    '---javascript',
    '---coffee',
    '---json',
    '---toml',
    '--- js',
    '----',
    ' ---',
    '--',
    '+++',
    '\uFEFF---',
  ),
)
const closingFence = fc.oneof(
  { weight: 8, arbitrary: fc.constant('---') },
  fc.constantFrom('', '...', '--- ', '----', ' ---', '---js'),
)

/**
 * A whole content file: an opening fence, frontmatter from {@link yamlishArbitrary} or
 * {@link mutatedEntityYamlArbitrary}, a closing
 * fence (sometimes missing or odd), a body, and LF, CRLF, lone-CR or mixed line endings.
 *
 * @example
 * ```ts
 * fc.sample(contentFileTextArbitrary(fc.constant('Body')), 1)[0] // '---\nkind: cmoc\n---\nBody'
 * ```
 */
export function contentFileTextArbitrary(body: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      openingFence,
      fc.oneof(yamlishArbitrary, mutatedEntityYamlArbitrary),
      closingFence,
      body,
      fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', 'mixed'),
    )
    .map(([open, matter, close, text, ending]) => {
      const head = `${open}\n${matter}\n${close}\n`
      const withEnding =
        ending === '\n'
          ? head
          : ending === 'mixed'
            ? head.replace(/\n/g, (_match, offset: number) => (offset % 3 === 0 ? '\r\n' : '\n'))
            : head.replace(/\n/g, ending)
      return withEnding + text
    })
}

/** Content paths: mostly well placed, sometimes in the wrong folder or oddly named. */
export const contentPathArbitrary: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom('cmocs', 'groups', 'studies', 'evidence', 'recommendations', 'audiences'),
        idArbitrary,
      )
      .map(([folder, id]) => `${folder}/${id}.md`),
  },
  fc.constantFrom(
    'review.md',
    'REVIEW.MD',
    'cmocs/Cmoc-1a.md',
    'cmocs/cmoc-1a.md',
    'cmocs/caf\u00e9.md',
    'cmocs/cafe\u0301.md',
    'cmocs/a b.md',
    'cmocs/sub/deeper/x.md',
    'other/x.md',
    'x.md',
    'cmocs/.md',
    'cmocs/-.md',
    'cmocs/..md',
    'cmocs/con.md',
  ),
)
