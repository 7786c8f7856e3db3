import {
  appraisalLevelSchema,
  basisSchema,
  citationSchema,
  cmocPartSchema,
  concernLevelSchema,
  confidenceLevelSchema,
  inclusionStatusSchema,
  relationSchema,
  reportedFigureSchema,
  studyDesignSchema,
  studyRoleSchema,
  traceReportVersion,
} from '@realist-kb/core'
import { z } from 'zod'
import { knowledgeBaseDiffJson } from './diff-json-schema.js'
import { schemaDocument } from './schema-document.js'

// The report JSON (docs/report-json.md) as zod, so that its JSON Schema is generated rather than
// written by hand. Objects are strict: a field the report gains and this does not know fails the
// test that validates real reports, so the schema cannot fall behind the type; and
// test/interchange/report-json-types.test.ts pins the schema and the `TraceReport` type to each other.

const ids = z.array(z.string())
const counts = z.record(z.string(), z.number().int().min(0))
const place = { file: z.string(), line: z.number().int().min(0) }

const link = z.strictObject({
  id: z.string(),
  basis: basisSchema,
  location: z.string().optional(),
  rationale: z.string().optional(),
  writtenAt: z.string(),
})

const profile = z.strictObject({
  studies: z.number().int().min(0),
  evidence: z.number().int().min(0),
  designs: counts,
  countries: counts,
  settings: counts,
  participants: counts,
  inclusion: z.strictObject({
    included: z.number().int(),
    excluded: z.number().int(),
    unknown: z.number().int(),
  }),
  relations: z.strictObject({
    supports: z.number().int(),
    refines: z.number().int(),
    refutes: z.number().int(),
  }),
  years: z.array(z.number().int()),
  basis: z.strictObject({ stated: z.number().int(), inferred: z.number().int() }),
})

const confidenceOrNot = z.union([confidenceLevelSchema, z.literal('not-assessed')])
const appraisalOrNot = z.union([appraisalLevelSchema, z.literal('not-appraised')])
const signals = z.array(z.string())

const recommendationConfidence = z.strictObject({
  cmocs: ids,
  lowest: confidenceOrNot,
  spread: z.strictObject({
    high: z.number().int().min(0),
    moderate: z.number().int().min(0),
    low: z.number().int().min(0),
    'very-low': z.number().int().min(0),
    'not-assessed': z.number().int().min(0),
  }),
  allAssessed: z.boolean(),
})

const component = z.strictObject({
  concern: z.union([concernLevelSchema, z.literal('not-assessed')]),
  explanation: z.string().optional(),
})

const cmocConfidence = z.strictObject({
  overall: confidenceOrNot,
  explanation: z.string().optional(),
  components: z.strictObject({
    methodologicalLimitations: component,
    coherence: component,
    adequacy: component,
    relevance: component,
  }),
  by: z.string().optional(),
  date: z.string().optional(),
  hints: z.strictObject({
    adequacy: z.strictObject({
      studies: z.number().int().min(0),
      evidence: z.number().int().min(0),
      basis: z.strictObject({ stated: z.number().int(), inferred: z.number().int() }),
      singleStudy: z.boolean(),
      signals,
    }),
    methodologicalLimitations: z.strictObject({
      rigour: z.strictObject({
        high: z.number().int(),
        moderate: z.number().int(),
        low: z.number().int(),
        'not-appraised': z.number().int(),
      }),
      signals,
    }),
    relevance: z.strictObject({
      countries: z.array(z.string()),
      settings: z.array(z.string()),
      outsideScope: ids,
      signals,
    }),
    coherence: z.strictObject({
      relations: z.strictObject({
        supports: z.number().int(),
        refines: z.number().int(),
        refutes: z.number().int(),
      }),
      signals,
    }),
  }),
})

const appraisalDimension = z.strictObject({
  level: appraisalOrNot,
  justification: z.string().optional(),
  notes: z.string().optional(),
})

const studyAppraisal = z.strictObject({
  dimensions: z.strictObject({
    relevance: appraisalDimension,
    richness: appraisalDimension,
    rigour: appraisalDimension,
  }),
  notes: z.string().optional(),
  by: z.string().optional(),
  date: z.string().optional(),
})

export const traceReportJson = z.strictObject({
  formatVersion: z.literal(traceReportVersion),
  generator: z.literal('realist-kb'),
  generatorVersion: z.string(),
  contentHash: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/)
    .optional(),
  review: z
    .strictObject({
      ...place,
      id: z.string(),
      title: z.string(),
      authors: z.array(z.string()),
      year: z.number().int(),
      journal: z.string().optional(),
      doi: z.string().optional(),
      url: z.string().optional(),
      registration: z.string().optional(),
      theory: z.string().optional(),
      license: z.string().optional(),
    })
    .optional(),
  vocabulary: z.strictObject({
    theory: z.string().optional(),
    group: z.strictObject({ singular: z.string(), plural: z.string() }),
  }),
  groups: z.array(
    z.strictObject({
      ...place,
      id: z.string(),
      name: z.string(),
      question: z.string().optional(),
      description: z.string(),
      parent: z.string().optional(),
      cmocs: ids,
      recommendations: ids,
    }),
  ),
  recommendations: z.array(
    z.strictObject({
      ...place,
      id: z.string(),
      section: z.number().int().optional(),
      order: z.number().int().optional(),
      text: z.string(),
      emphasis: z.array(z.string()),
      group: z.string().optional(),
      audiences: ids,
      cmocs: z.array(link),
      studies: ids,
      profile,
      confidence: recommendationConfidence,
      notes: z.string(),
      provenance: z.string().optional(),
    }),
  ),
  cmocs: z.array(
    z.strictObject({
      ...place,
      id: z.string(),
      label: z.string().optional(),
      title: z.string(),
      group: z.string().optional(),
      status: z.enum(['complete', 'incomplete']),
      context: z.array(z.string()),
      mechanism: z.strictObject({
        text: z.array(z.string()),
        resource: z.array(z.string()),
        response: z.array(z.string()),
      }),
      outcome: z.array(z.string()),
      strategies: z.array(z.string()),
      related: ids,
      relations: z.strictObject({
        leadsTo: z.array(link),
        nestedIn: z.array(link),
        refines: z.array(link),
        conflictsWith: z.array(link),
      }),
      chain: z.strictObject({ upstream: ids, downstream: ids }),
      confidence: cmocConfidence,
      narrative: z.string(),
      evidence: ids,
      studies: ids,
      recommendations: ids,
      profile,
      provenance: z.string().optional(),
    }),
  ),
  evidence: z.array(
    z.strictObject({
      ...place,
      id: z.string(),
      study: z.string(),
      cmocs: z.array(link),
      groups: z.array(link),
      relation: relationSchema,
      parts: z.array(cmocPartSchema),
      point: z.string().optional(),
      quote: z.string().optional(),
      locator: z.string().optional(),
      provenance: z.string().optional(),
    }),
  ),
  studies: z.array(
    z.strictObject({
      ...place,
      id: z.string(),
      authors: z.array(z.string()),
      etAl: z.boolean(),
      year: z.number().int().optional(),
      title: z.string(),
      journal: z.string().optional(),
      volume: z.string().optional(),
      issue: z.string().optional(),
      pages: z.string().optional(),
      doi: z.string().optional(),
      url: z.string().optional(),
      publisher: z.string().optional(),
      type: citationSchema.shape.type,
      keywords: z.array(z.string()).optional(),
      pmid: z.string().optional(),
      /** The study's Vancouver reference, as every report prints it. */
      citation: z.string(),
      reference: z.number().int().optional(),
      label: z.string().optional(),
      role: studyRoleSchema,
      design: studyDesignSchema.optional(),
      designNote: z.string().optional(),
      countries: z.array(z.string()),
      settings: z.array(z.string()),
      participants: z.array(z.string()),
      inclusion: inclusionStatusSchema,
      inclusionBasis: z.string().optional(),
      appraisal: studyAppraisal,
      evidence: ids,
      cmocs: ids,
      recommendations: ids,
      notes: z.string(),
    }),
  ),
  audiences: z.array(
    z.strictObject({
      ...place,
      id: z.string(),
      name: z.string(),
      examples: z.array(z.string()),
      includes: z.array(link),
      recommendations: ids,
      allRecommendations: ids,
    }),
  ),
  gaps: z.array(
    z.strictObject({
      name: z.string(),
      code: z.string(),
      severity: z.enum(['warning', 'info']),
      acknowledged: z.string().optional(),
      entity: z.string().optional(),
      file: z.string(),
      line: z.number().int(),
      message: z.string(),
    }),
  ),
  figures: z.array(
    z.strictObject({
      key: z.string(),
      label: z.string(),
      reported: z.number().optional(),
      encoded: z.number(),
      note: z.string(),
    }),
  ),
  countries: z.array(
    z.strictObject({
      code: z.string(),
      reported: z.number().int().optional(),
      encoded: z.number().int(),
    }),
  ),
  gapMap: z.array(
    z.strictObject({
      dimension: z.string(),
      values: z.array(z.string()),
      labels: z.array(z.string()),
      rows: z.array(
        z.strictObject({
          cmoc: z.string(),
          group: z.string().optional(),
          counts: z.array(z.number().int().min(0)),
          studies: z.array(z.array(z.string())),
        }),
      ),
    }),
  ),
  terms: z.strictObject({
    settings: z.record(z.string(), z.string()),
    participants: z.record(z.string(), z.string()),
    designs: z.record(z.string(), z.string()),
    countries: z.record(z.string(), z.string()),
  }),
  gapMapWeighting: z
    .strictObject({
      dimension: z.enum(['relevance', 'richness', 'rigour']),
      atLeast: appraisalLevelSchema,
    })
    .optional(),
  // As the review file writes them (the content format's own schema).
  reportedFigures: z.array(reportedFigureSchema),
  diagnostics: z.strictObject({
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
  }),
  // Described in docs/report-json.md; checked here by its outline.
  rameses: z
    .looseObject({
      source: z.string(),
      rows: z.array(z.looseObject({})),
      failed: z.array(z.number().int()),
      unaccounted: z.array(z.number().int()),
    })
    .optional(),
  changes: z.strictObject({ since: z.string(), diff: knowledgeBaseDiffJson }).optional(),
})

/**
 * The JSON Schema (draft-07) of the report JSON, `realist-kb report --format json`
 * (docs/report-json.md): the trace report as `buildTraceReport` returns it.
 *
 * @example
 * ```ts
 * import { reportJsonSchema } from '@realist-kb/export'
 * const schema = reportJsonSchema() // give it to ajv, an editor or a CI check
 * ```
 */
export function reportJsonSchema(): Record<string, unknown> {
  return schemaDocument(traceReportJson, {
    id: 'report.schema.json',
    title: `realist-kb report JSON, format version ${traceReportVersion}`,
    description: 'The output of `realist-kb report --format json`. See docs/report-json.md.',
  })
}
