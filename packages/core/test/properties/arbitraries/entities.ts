import type { EntityKind } from '@realist-kb/core'
import fc from 'fast-check'

/** Frontmatter of one valid entity, as a plain object ready to serialise. */
export type EntityData = Record<string, unknown> & { readonly kind: EntityKind }

/** A kebab-case id: lowercase ASCII letters and digits in hyphen-joined words. */
export const idArbitrary: fc.Arbitrary<string> = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 })
  .map((words) => words.join('-'))

// Strings YAML must quote or escape to keep them text: they look like other types, start with
// an indicator, hold line breaks or control characters, or are in other scripts.
const trickyText = fc.constantFrom(
  '123',
  '0x1F',
  '1e3',
  '.inf',
  'true',
  'no',
  'null',
  '~',
  '2024-01-02',
  '12:30',
  ' leading space',
  'trailing space ',
  'a: b',
  'a #b',
  '#hash',
  '- dash',
  '---',
  '...',
  '[x]',
  '{x: y}',
  '*alias',
  '&anchor',
  '!tag',
  '!!js/function',
  '%YAML',
  '@at',
  '`tick`',
  '"quoted"',
  "'single'",
  'line\nbreak',
  'crlf\r\nbreak',
  'tab\there',
  'nul\u0000byte',
  'bell\u0007',
  'bom\uFEFFinside',
  'café',
  'cafe\u0301',
  'Ünïcödé',
  '日本語',
  'emoji 🧪',
  'rtl \u202Eevil',
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  '[[cmoc-1a]]',
  '\\backslash',
)

/** Non-empty text that must survive a YAML round trip unchanged, tricky cases included. */
export const textArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }) },
  { weight: 2, arbitrary: trickyText },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(trickyText, fc.string({ maxLength: 10 })), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join(' '))
      .filter((text) => text.length > 0),
  },
)

const location = textArbitrary.map((text) => text.slice(0, 500))
const textList = fc.array(textArbitrary, { minLength: 1, maxLength: 4 })
const year = fc.integer({ min: 1800, max: 2200 })
const country = fc.stringMatching(/^[A-Z]{2}$/)
const doi = fc
  .tuple(fc.stringMatching(/^\d{4,9}$/), fc.stringMatching(/^[a-zA-Z0-9./_-]{1,20}$/))
  .map(([registrant, suffix]) => `10.${registrant}/${suffix}`)
const url = fc.constantFrom(
  'https://example.org/',
  'https://doi.org/10.1000/xyz',
  'http://example.com/a?b=c#d',
)

type Arbitraries = Record<string, fc.Arbitrary<unknown>>

/** Optional fields: each key appears or not, never as `undefined`. */
function record(
  required: Arbitraries,
  optional: Arbitraries,
): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({ ...required, ...optional } as Arbitraries, {
    requiredKeys: Object.keys(required),
  }) as fc.Arbitrary<Record<string, unknown>>
}

// Every arbitrary that names an id draws it from `id`: a small pool makes references resolve,
// so that whole knowledge bases (links, gaps, duplicates) are exercised, not only files.
function kindArbitraries(
  id: fc.Arbitrary<string>,
): Record<EntityKind, fc.Arbitrary<Record<string, unknown>>> {
  const reference = fc.oneof(
    id,
    record(
      { id: id },
      {
        basis: fc.constantFrom('stated', 'inferred'),
        location,
        rationale: textArbitrary,
      },
    ),
  )
  const references = fc.array(reference, { minLength: 1, maxLength: 3 })

  const base = { id: id, provenance: location, tags: textList }

  const evidenceFields = {
    required: {
      cmocs: references,
      relation: fc.constantFrom('supports', 'refines', 'refutes'),
      parts: fc.uniqueArray(fc.constantFrom('context', 'mechanism', 'outcome'), {
        minLength: 1,
      }),
      point: textArbitrary,
    },
    optional: {
      id: id,
      quote: textArbitrary,
      locator: textArbitrary,
      provenance: location,
      basis: fc.constantFrom('stated', 'inferred'),
      rationale: textArbitrary,
    },
  }

  const citation = record(
    { authors: textList, title: textArbitrary },
    {
      etAl: fc.boolean(),
      year,
      journal: textArbitrary,
      volume: textArbitrary,
      issue: textArbitrary,
      pages: textArbitrary,
      doi,
      url,
      publisher: textArbitrary,
      type: fc.constantFrom('article', 'book', 'chapter', 'report', 'webpage', 'thesis', 'other'),
      keywords: textList,
    },
  )

  return {
    review: record(
      { title: textArbitrary, authors: textList, year },
      {
        ...base,
        journal: textArbitrary,
        volume: textArbitrary,
        pages: textArbitrary,
        doi,
        url,
        license: textArbitrary,
        published: fc.constantFrom('2025-05-09', '2024', 'May 2025'),
        registration: textArbitrary,
        theory: textArbitrary,
        standards: textArbitrary,
        search: record(
          {},
          {
            from: fc.constantFrom('2023-07', '2010-01-01'),
            to: textArbitrary,
            databases: textList,
            notes: fc.array(fc.string(), { maxLength: 3 }),
          },
        ),
        eligibility: fc.dictionary(fc.stringMatching(/^[a-z]{1,10}$/), textList, { maxKeys: 3 }),
        reported: record(
          {},
          {
            papers: fc.nat(),
            countries: fc.nat(),
            perCountry: fc.dictionary(country, fc.nat(), { maxKeys: 4 }),
            groups: fc.nat(),
            cmocs: fc.nat(),
            recommendations: fc.nat(),
            provenance: fc.string(),
          },
        ),
      },
    ),
    group: record(
      { name: textArbitrary, description: textArbitrary },
      {
        ...base,
        aka: textList,
        question: fc.string(),
        order: fc.integer(),
        parent: reference,
      },
    ),
    cmoc: record(
      {
        title: textArbitrary,
        group: reference,
        context: textArbitrary,
        mechanism: fc.oneof(
          textArbitrary,
          record({ resource: textArbitrary }, { response: textArbitrary }),
          record({ response: textArbitrary }, {}),
        ),
        outcome: textArbitrary,
      },
      {
        ...base,
        label: fc.string(),
        strategies: textList,
        related: references,
        order: fc.integer(),
      },
    ),
    study: record(
      {
        citation,
        inclusion: record(
          { status: fc.constantFrom('included', 'excluded', 'unknown') },
          { basis: textArbitrary },
        ),
      },
      {
        ...base,
        reference: fc.integer({ min: 1, max: 100_000 }),
        design: fc.constantFrom('qualitative', 'trial', 'survey', 'case-study', 'unknown'),
        countries: fc.array(country, { maxLength: 3 }),
        settings: textList,
        participants: textList,
        rigour: fc.string(),
        relevance: fc.string(),
        evidence: fc.array(record(evidenceFields.required, evidenceFields.optional), {
          maxLength: 3,
        }),
      },
    ),
    evidence: record(
      { ...evidenceFields.required, study: reference },
      { ...evidenceFields.optional, tags: textList },
    ),
    recommendation: record(
      { group: reference, text: textArbitrary, audiences: references },
      {
        ...base,
        section: fc.integer({ min: 1, max: 1000 }),
        order: fc.integer(),
        emphasis: textList,
        cmocs: fc.array(reference, { maxLength: 3 }),
      },
    ),
    audience: record({ name: textArbitrary }, { ...base, examples: textList, order: fc.integer() }),
  }
}

const defaultArbitraries = kindArbitraries(idArbitrary)

/**
 * Valid frontmatter of an entity of `kind`, with every optional field sometimes present. Ids
 * and references are drawn from `ids` (any kebab-case id by default).
 *
 * @example
 * ```ts
 * fc.sample(entityDataArbitrary('cmoc'), 1)[0]?.kind // 'cmoc'
 * ```
 */
export function entityDataArbitrary(
  kind: EntityKind,
  ids: fc.Arbitrary<string> = idArbitrary,
): fc.Arbitrary<EntityData> {
  const byKind = ids === idArbitrary ? defaultArbitraries : kindArbitraries(ids)
  // fast-check builds records without a prototype; a copy makes them plain objects, as YAML
  // gives back.
  return byKind[kind].map((data) => structuredClone({ kind, ...data }) as EntityData)
}
