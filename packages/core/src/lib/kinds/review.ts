import { z } from 'zod'
import { flowStages } from '../flow/flow-stages.js'
import {
  acknowledgementSchema,
  countryCodeSchema,
  entityBase,
  locationSchema,
  yearSchema,
} from '../schema/common.js'
import type { KindDefinition } from './kind.js'
import { gapNames } from './kind.js'
import { todo } from './yaml-text.js'

/**
 * One figure a review reports about its search and selection: a label as the review words it, the
 * number (left out when the review does not give it: missing is never zero), and optionally the
 * stage of the PRISMA 2020 flow it belongs to (one of `flowStages`) and where it is reported.
 *
 * @example
 * ```ts
 * reportedFigureSchema.parse({ label: 'Records identified', value: 4321, stage: 'identified-database' })
 * ```
 */
export const reportedFigureSchema = z.strictObject({
  label: z
    .string()
    .min(1)
    .max(500)
    .meta({ description: 'The figure as the review words it.', examples: ['Records screened'] }),
  value: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .meta({
      description: 'The number; left out when not reported (missing is never zero).',
      examples: [380],
    }),
  stage: z
    .enum(flowStages)
    .optional()
    .meta({
      description: 'Its stage in the PRISMA 2020 flow (see Flow stages).',
      examples: ['screened'],
    }),
  source: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .meta({ description: 'A database, register or reason for exclusion.', examples: ['Medline'] }),
  provenance: locationSchema
    .optional()
    .meta({ description: 'Where the review reports it.', examples: ['Figure 1'] }),
})

/**
 * The figures a review reports about itself, kept to compare with what is encoded: today's named
 * counts, plus `figures`, a labelled list of whatever the review reports (records identified,
 * screened, full texts assessed, documents included...).
 *
 * @example
 * ```ts
 * reportedFiguresSchema.parse({ papers: 164, countries: 33, perCountry: { US: 46, GB: 17 } })
 * ```
 */
export const reportedFiguresSchema = z.strictObject({
  papers: count('Papers (documents) included.', 164),
  countries: count('Countries the included papers come from.', 33),
  perCountry: z
    .record(countryCodeSchema, z.number().int().nonnegative())
    .optional()
    .meta({
      description: 'Included papers per country (ISO code to count).',
      examples: [{ GB: 8, US: 4 }],
    }),
  groups: count('Groups (constructs, contexts...) of the programme theory.', 4),
  cmocs: count('CMOCs.', 18),
  recommendations: count('Recommendations.', 22),
  figures: z.array(reportedFigureSchema).optional().meta({
    description: 'Labelled figures of the search and selection, in the order reported.',
  }),
  provenance: z
    .string()
    .optional()
    .meta({
      description: 'Where the review reports these figures.',
      examples: ['Results, para 1'],
    }),
})

/** A count the review reports, compared with what is encoded. */
function count(description: string, example: number) {
  return z
    .number()
    .int()
    .nonnegative()
    .optional()
    .meta({ description, examples: [example] })
}

/**
 * What a review calls its groups, one and several: "NPT construct", "Context", "Theory area".
 *
 * @example
 * ```ts
 * groupNamesSchema.parse({ singular: 'context', plural: 'contexts' })
 * ```
 */
export const groupNamesSchema = z.strictObject({
  singular: z
    .string()
    .min(1)
    .max(100)
    .meta({ description: 'What one group is called.', examples: ['context'] }),
  plural: z
    .string()
    .min(1)
    .max(100)
    .meta({ description: 'What several are called.', examples: ['contexts'] }),
})

/**
 * The review's programme theory: its name, and what its groups are called. A bare string names
 * the theory only.
 *
 * @example
 * ```ts
 * theorySchema.parse('Normalisation Process Theory')
 * theorySchema.parse({ name: 'Programme theory', groups: { singular: 'context', plural: 'contexts' } })
 * ```
 */
export const theorySchema = z.union([
  z.string().min(1),
  z.strictObject({
    name: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "The theory's name.", examples: ['Normalisation Process Theory'] }),
    description: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'The programme theory in a sentence or two.' }),
    groups: groupNamesSchema
      .optional()
      .meta({ description: 'What the review calls its groups; reports use these words.' }),
  }),
])

/**
 * One term of a controlled vocabulary: the label readers see and the other ways sources write
 * it (matched ignoring case, spaces, hyphens and underscores).
 *
 * @example
 * ```ts
 * vocabularyTermSchema.parse({ label: 'Nursing homes', aliases: ['care home', 'care-home'] })
 * ```
 */
export const vocabularyTermSchema = z.strictObject({
  label: z
    .string()
    .min(1)
    .max(200)
    .meta({ description: 'What readers see for the term.', examples: ['Family carers'] }),
  aliases: z
    .array(z.string().min(1).max(200))
    .optional()
    .meta({
      description: 'Other ways sources write it (case, spaces and hyphens aside).',
      examples: [['caregivers', 'informal carers']],
    }),
  description: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .meta({ description: 'What the term covers.' }),
})

/**
 * The controlled vocabularies of a review: for settings, participants, designs and countries,
 * each term's id (what studies should write) with its label and aliases, so synonyms fall into
 * one term and reports show labels, not slugs.
 *
 * @example
 * ```ts
 * vocabulariesSchema.parse({
 *   participants: { carers: { label: 'Family carers', aliases: ['caregivers', 'informal carers'] } },
 * })
 * ```
 */
export const vocabulariesSchema = z.strictObject({
  settings: vocabulary('Settings: term id (what studies write) to its label and aliases.'),
  participants: vocabulary('Participants: term id to its label and aliases.'),
  designs: vocabulary('Designs: design to its label.'),
  countries: vocabulary('Countries: country code to its label.'),
})

/** One controlled vocabulary: term ids to their terms. */
function vocabulary(description: string) {
  return z.record(z.string().min(1).max(200), vocabularyTermSchema).optional().meta({ description })
}

/**
 * The controlled vocabularies a review declares, once validated.
 *
 * @example
 * ```ts
 * const settings = (vocabularies: Vocabularies) => Object.keys(vocabularies.settings ?? {})
 * ```
 */
export type Vocabularies = z.infer<typeof vocabulariesSchema>

/**
 * The review itself, one per knowledge base: the frontmatter of `review.md`.
 *
 * @example
 * ```ts
 * reviewSchema.safeParse({
 *   kind: 'review',
 *   title: 'Integrated palliative care and oncology: a realist synthesis',
 *   authors: ['Bradley N'],
 *   year: 2025,
 *   doi: '10.1186/s12916-025-04083-1',
 * }).success // true
 * ```
 */
export const reviewSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('review'),
  title: z
    .string()
    .min(1)
    .meta({
      description: "The review's title.",
      examples: ['Integrating a service: a realist synthesis'],
    }),
  authors: z
    .array(z.string().min(1))
    .min(1)
    .meta({ description: 'Authors as printed.', examples: [['Bradley N', 'Roe R']] }),
  year: yearSchema.meta({ description: 'Year of publication.', examples: [2025] }),
  journal: text('The journal.', 'BMC Medicine'),
  volume: text('The volume.', '23'),
  issue: text('The journal issue.', '1'),
  pages: text('The pages or article number.', '312'),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, { message: 'Expected a DOI such as 10.1186/s12916-025-04083-1' })
    .optional()
    .meta({
      description: 'The DOI, without `https://doi.org/`.',
      examples: ['10.1186/s12916-025-04083-1'],
    }),
  url: z.url().optional().meta({ description: 'Where the review can be read.' }),
  license: text("The licence of the review's text.", 'CC BY 4.0'),
  published: text('Date of publication, as written.', '2025-06-02'),
  registration: text('Protocol registration.', 'PROSPERO CRD42023389791'),
  theory: theorySchema.optional().meta({
    description: 'The programme theory: its name, or `{name, description, groups}`.',
    examples: ['Normalisation Process Theory'],
  }),
  standards: text('The reporting standard followed.', 'RAMESES'),
  search: z
    .strictObject({
      from: text('Start of the search period, as written.', '2023-01'),
      to: text('End of the search period, as written.', '2023-06'),
      databases: z
        .array(z.string().min(1))
        .optional()
        .meta({ description: 'Databases searched.', examples: [['Medline', 'CINAHL']] }),
      notes: z
        .array(z.string())
        .optional()
        .meta({ description: 'Anything else about the search.' }),
    })
    .optional()
    .meta({ description: 'The search.' }),
  eligibility: z
    .record(z.string(), z.array(z.string().min(1)))
    .optional()
    .meta({
      description: 'Eligibility criteria, grouped as the review groups them.',
      examples: [{ inclusion: ['Publications from 2010 onwards'] }],
    }),
  reported: reportedFiguresSchema.optional().meta({
    description: 'Figures the review reports about itself, to compare with what is encoded.',
  }),
  rameses: z
    .record(
      z.string().regex(/^([1-9]|1[0-9])$/, { message: 'Expected a RAMESES item number, 1 to 19' }),
      z.string().min(1).max(500),
    )
    .optional()
    .meta({
      description: 'Where the review reports each RAMESES item: item number (1 to 19) to a place.',
      examples: [{ 8: 'Methods, Searching processes' }],
    }),
  acknowledged: z.array(acknowledgementSchema(gapNames)).optional().meta({
    description: 'Gaps acknowledged for the whole review, with the reason: reported as info.',
  }),
  gapMap: z
    .strictObject({
      dimensions: z
        .array(z.string().min(1).max(100))
        .min(1)
        .meta({
          description:
            'Study fields (or `tags`, `inclusion`, `relevance`, `richness`, `rigour`) the evidence map crosses CMOCs with.',
          examples: [['countries', 'design']],
        }),
    })
    .optional()
    .meta({
      description: 'The evidence gap map; by default settings, countries, designs, participants.',
    }),
  vocabularies: vocabulariesSchema.optional().meta({
    description: 'Labels and aliases for study settings, participants, designs and countries.',
  }),
})

/** An optional text field of the review. */
function text(description: string, example: string) {
  return z
    .string()
    .optional()
    .meta({ description, examples: [example] })
}

/**
 * The frontmatter of the review, once validated.
 *
 * @example
 * ```ts
 * const cite = (review: ReviewData): string => `${review.authors[0]} et al. ${review.year}`
 * ```
 */
export type ReviewData = z.infer<typeof reviewSchema>

/**
 * The figures a review reports about itself (papers, countries, CMOCs, a labelled list...).
 *
 * @example
 * ```ts
 * const reported: ReportedFigures = { papers: 164, cmocs: 18 }
 * ```
 */
export type ReportedFigures = z.infer<typeof reportedFiguresSchema>

/**
 * One labelled figure of a review's search and selection.
 *
 * @example
 * ```ts
 * const figure: ReportedFigure = { label: 'Full texts assessed', value: 312 }
 * ```
 */
export type ReportedFigure = z.infer<typeof reportedFigureSchema>

/** The review: `review.md` at the root of the content folder. */
export const review: KindDefinition<'review'> = {
  kind: 'review',
  folder: '',
  schema: reviewSchema,
  references: [],
  noun: { singular: 'review', plural: 'reviews' },
  gaps: [],
  label: (entity) => entity.data.title,
  title: (entity) => entity.data.title,
  template: {
    needs: [],
    uses: [],
    render: (id) =>
      [
        '---',
        'kind: review',
        `id: ${id}`,
        `title: ${todo("the review's title")}`,
        `authors: [${todo('authors as printed, e.g. Bradley N')}]`,
        `year: ${new Date().getFullYear()}`,
        '# journal: Example Journal',
        '# doi: 10.1000/example.2024.1 # without https://doi.org/',
        '# registration: PROSPERO CRD00000000000',
        '# theory: # the programme theory, and what the review calls its groups',
        '#   name: Normalisation Process Theory',
        '#   groups: { singular: NPT construct, plural: NPT constructs }',
        '# search:',
        '#   from: 2023-01',
        '#   to: 2023-06',
        '#   databases: [Medline, CINAHL]',
        '# eligibility:',
        '#   inclusion:',
        '#     - Publications from 2010 onwards',
        '# reported: # the figures the review reports about itself',
        '#   papers: 12',
        '#   perCountry: { GB: 8, US: 4 }',
        '# acknowledged: # evidence gaps that are true to the source, with the reason',
        '#   - gap: cmoc-without-evidence',
        '#     reason: The review reports no study-to-CMOC mapping.',
        '---',
        '',
        'TODO: a short summary of the review, in your own words.',
        '',
      ].join('\n'),
  },
}
