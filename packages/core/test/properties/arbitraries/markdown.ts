import fc from 'fast-check'
import { idArbitrary } from './entities.js'

// Inline pieces: plain text, inline links in every shape (good, odd and hostile), and the
// groups that hide or split them (code, HTML, links, escapes, entities, emphasis).
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z]{1,8}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
  fc.constantFrom('café', 'cafe\u0301', '🧪', '\u202E', '\t', '日本', ':', '|', '#', '!'),
)
const wikiLink = fc.oneof(
  idArbitrary.map((id) => `[[${id}]]`),
  idArbitrary.map((id) => `[[ ${id} ]]`),
  fc.constantFrom(
    '[[]]',
    '[[ ]]',
    '[[[x]]]',
    '[[a|b]]',
    '[[../x]]',
    '[[../../etc/passwd]]',
    '[[file:///etc/passwd]]',
    '[[CMOC-1A]]',
    '[[cmoc-1a',
    'cmoc-1a]]',
    '[[',
    ']]',
    '[[a\nb]]',
    '\\[[a]]',
    '[[a\\]]',
    '![[a]]',
    '[[a]](b)',
    '[[a]][b]',
  ),
)
const inlineGroup = fc.oneof(
  word.map((text) => `\`${text}\``),
  wikiLink.map((link) => `\`${link}\``),
  wikiLink.map((link) => `\`\`${link}\``),
  wikiLink.map((link) => `**${link}**`),
  wikiLink.map((link) => `_${link}_`),
  wikiLink.map((link) => `*${link}`),
  wikiLink.map((link) => `[${link}](https://example.org)`),
  wikiLink.map((link) => `<!-- ${link} -->`),
  wikiLink.map((link) => `<span title="${link}">${link}</span>`),
  fc.constantFrom(
    '<script>globalThis.__realistKbExecuted = true</script>',
    '<img src=x onerror="globalThis.__realistKbExecuted = true">',
    '<img src=file:///etc/passwd>',
    '[passwd](file:///etc/passwd)',
    '![passwd](file:///etc/passwd)',
    '<file:///etc/passwd>',
    '[x](javascript:alert(1))',
    '&amp;',
    '&#0;',
    '&#x5B;&#x5B;a]]',
    '\\',
    '\\`',
    '`',
    '``',
    '<',
    '>',
    '*',
    '_',
    '~~',
    '[',
    ']',
    '](',
    ']:',
    '\u2400',
  ),
)
const inline = fc
  .array(fc.oneof({ weight: 3, arbitrary: word }, wikiLink, inlineGroup), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(' '))

const block = fc.oneof(
  { weight: 4, arbitrary: inline },
  inline.map((text) => `# ${text}`),
  inline.map((text) => `${text}\n===`),
  fc
    .tuple(
      fc.constantFrom('```', '~~~', '````', '```js', '~~~ yaml'),
      fc.array(inline, { maxLength: 3 }),
      fc.boolean(),
    )
    .map(([fence, lines, closed]) =>
      [fence, ...lines, ...(closed ? [fence.replace(/[^`~]/g, '')] : [])].join('\n'),
    ),
  inline.map((text) => `    ${text}`),
  fc
    .array(inline, { minLength: 1, maxLength: 3 })
    .map((items) => items.map((item) => `- ${item}`).join('\n')),
  fc
    .array(inline, { minLength: 1, maxLength: 3 })
    .map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')),
  inline.map((text) => `> ${text}\n> > ${text}`),
  inline.map((text) => `<div>\n${text}\n</div>`),
  inline.map((text) => `| a | ${text} |\n|---|---|\n| ${text} | b |`),
  inline.map((text) => `[label]: https://example.org "${text}"`),
  fc.constantFrom('---', '***', '...', '---js', '--- ', '- - -', '', ' ', '\t'),
)

/**
 * A markdown body built from a small grammar: paragraphs, headings, fenced and indented code
 * (closed or not), lists, quotes, HTML, tables, definitions, `---` lines, and inline `[[id]]`
 * links of every shape, with LF, CRLF or lone CR line endings. It never holds a NUL character
 * (that makes a file binary), so it is also a valid body to write and read back.
 *
 * @example
 * ```ts
 * fc.sample(markdownBodyArbitrary, 1)[0] // e.g. '# Heading [[cmoc-1a]]\n\n```\n[[x]]\n```'
 * ```
 */
export const markdownBodyArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\n\n\n')), { maxLength: 8 }),
    fc.constantFrom('\n', '\n', '\r\n', '\r', 'mixed'),
  )
  .map(([blocks, ending]) => {
    const text = blocks.map(([content, separator]) => content + separator).join('')
    if (ending === '\n') return text
    if (ending === 'mixed') {
      let count = 0
      return text.replace(/\n/g, () => (count++ % 2 === 0 ? '\r\n' : '\n'))
    }
    return text.replace(/\n/g, ending)
  })
