import { type KnowledgeBase, loadFromMemory } from '@realist-kb/core'

/**
 * Text that tries to break out of every output format: HTML and SVG markup and handlers, URLs
 * that run or read, Markdown structure, spreadsheet formulas, XML declarations and entities,
 * Mermaid and DOT statements, line breaks of every kind, control and invisible characters.
 */
export const payloads: readonly string[] = [
  '<script>globalThis.__realistKbExecuted = true</script>',
  '"><img src=x onerror="globalThis.__realistKbExecuted = true">',
  "'><svg onload=alert(1)><foreignObject><iframe src=javascript:alert(1)>",
  '</title></text></svg></style></textarea><script>alert(1)</script>',
  'javascript:alert(1)',
  '[click](javascript:alert(1)) ![x](file:///etc/passwd) <file:///etc/passwd>',
  '<a href="javascript:alert(1)" onclick="alert(2)">x</a><base href="http://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=http://evil.example"><link rel=stylesheet href=x>',
  '=HYPERLINK("http://evil.example","x")',
  '+1+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  ']]><!ENTITY x SYSTEM "file:///etc/passwd"><x>&x;</x><![CDATA[',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  '<?xml-stylesheet type="text/xsl" href="http://evil.example/x.xsl"?>',
  '&amp; &lt; &#x26; &#0; &unknown;',
  '"]; click A call alert(1); A["',
  '%%{init: {"securityLevel": "loose"}}%%',
  'x\nclick A href "javascript:alert(1)"\nend\nsubgraph evil',
  'A:::evil --> B{{x}} ((y)) `**md**` #quot; #lt;script#gt;',
  '"]; evil [label="x" URL="javascript:alert(1)"]; x -- y; "',
  '\\"; node [shape=box]; \\',
  '<<b>html label</b>>',
  '}\ndigraph evil {\n',
  'line one\nline two\r\nline three\rline four\u2028line five\u2029line six\u0085line seven',
  '# heading\n- list\n1. ordered\n> quote\n---\n| a | b |\n|---|---|',
  '<!-- unclosed comment',
  '`unclosed code',
  '*em* _em_ **strong** ~~strike~~ \\ [[cmoc-1a]]',
  'rtl \u202Eevil\u202C zero\u200Bwidth \uFEFF bom',
  'control \u0001\u0007\u0008\u000b\u000c\u001b[31mred\u001b[0m \u007f',
  'lone surrogate \uD800 end',
  'x'.repeat(400),
]

/** The ids the generated knowledge base uses, fixed and safe. */
export const ids = {
  review: 'review',
  group: 'coherence',
  cmoc: 'cmoc-1a',
  other: 'cmoc-1b',
  study: 'doe-2020',
  recommendation: 'rec-1-1',
  audience: 'public',
} as const

/**
 * A small, valid knowledge base whose every text field, and every body, holds `text`: each kind,
 * each string field, references with rationales and locations, evidence with quotes.
 *
 * @example
 * ```ts
 * const kb = knowledgeBaseWith('<script>alert(1)</script>')
 * renderHtml(buildTraceReport(kb))
 * ```
 */
export function knowledgeBaseWith(text: string): KnowledgeBase {
  const ref = (id: string) => ({ id, basis: 'inferred', rationale: text, location: text })
  // JSON is YAML: the frontmatter holds every character exactly, escaped.
  const entity = (data: Record<string, unknown>, body = text): string =>
    `---\n${JSON.stringify(data, null, 2)}\n---\n${body}\n`
  const files: Record<string, string> = {
    'review.md': entity({
      kind: 'review',
      title: text,
      authors: [text, 'Doe J'],
      year: 2024,
      journal: text,
      volume: text,
      pages: text,
      license: text,
      published: text,
      registration: text,
      theory: text,
      standards: text,
      search: { from: text, to: text, databases: [text], notes: [text] },
      eligibility: { inclusion: [text], exclusion: [text] },
      reported: { papers: 1, countries: 1, perCountry: { GB: 1 }, provenance: text },
      provenance: text,
      tags: [text],
    }),
    'groups/coherence.md': entity({
      kind: 'group',
      name: text,
      description: text,
      aka: [text],
      question: text,
      order: 1,
      provenance: text,
      tags: [text],
    }),
    ...Object.fromEntries(
      [ids.cmoc, ids.other].map((id) => [
        `cmocs/${id}.md`,
        entity(
          {
            kind: 'cmoc',
            label: text,
            title: text,
            group: ids.group,
            context: text,
            mechanism: { resource: text, response: text },
            outcome: text,
            strategies: [text],
            related: [ref(id === ids.cmoc ? ids.other : ids.cmoc)],
            order: 1,
            provenance: text,
            tags: [text],
          },
          `${text}\n\n[[${ids.recommendation}]] ${text}`,
        ),
      ]),
    ),
    'studies/doe-2020.md': entity({
      kind: 'study',
      citation: {
        authors: [text, 'Doe J'],
        year: 2020,
        title: text,
        journal: text,
        volume: text,
        issue: text,
        pages: text,
        publisher: text,
        type: 'article',
      },
      reference: 1,
      design: 'qualitative',
      countries: ['GB'],
      settings: [text],
      participants: [text],
      inclusion: { status: 'included', basis: text },
      rigour: text,
      relevance: text,
      evidence: [ids.cmoc, ids.other].map((cmoc) => ({
        cmocs: [ref(cmoc)],
        relation: 'supports',
        parts: ['context', 'mechanism', 'outcome'],
        point: text,
        quote: text,
        locator: text,
        provenance: text,
      })),
    }),
    'recommendations/rec-1-1.md': entity({
      kind: 'recommendation',
      group: ids.group,
      section: 1,
      order: 1,
      text,
      emphasis: [text],
      audiences: [ids.audience],
      cmocs: [ref(ids.cmoc), ref(ids.other)],
      provenance: text,
    }),
    'audiences/public.md': entity({
      kind: 'audience',
      name: text,
      examples: [text],
      order: 1,
      provenance: text,
    }),
  }
  return loadFromMemory(Object.entries(files).map(([path, body]) => ({ path, text: body })))
}
