import os from 'node:os'
import path from 'node:path'
import graphology from 'graphology'
import { defineConfig, s } from 'velite'

// The comparison for `pnpm bench`: velite loads the same corpus with a schema equivalent to
// ours (strict frontmatter objects, references as strings), compiles each body with its markdown
// pipeline, and builds the same graph (entities, frontmatter links, inline [[id]] links) in its
// prepare hook. The corpus folder comes from BENCH_CORPUS.
// velite resolves `root` against the config file's folder: pass an absolute path.
const root = path.resolve(process.env.BENCH_CORPUS ?? 'bench-corpus/10k')
const reference = s.union([
  s.string(),
  s.object({
    id: s.string(),
    basis: s.enum(['stated', 'inferred']).optional(),
    rationale: s.string().optional(),
  }),
])
const common = {
  id: s.string().optional(),
  provenance: s.string().optional(),
  body: s.markdown(),
  raw: s.raw(),
}

export default defineConfig({
  root,
  output: {
    data: path.join(os.tmpdir(), 'realist-kb-velite', 'data'),
    assets: path.join(os.tmpdir(), 'realist-kb-velite', 'assets'),
    clean: true,
  },
  collections: {
    studies: {
      name: 'Study',
      pattern: 'studies/**/*.md',
      schema: s.object({
        ...common,
        kind: s.literal('study'),
        citation: s.object({
          authors: s.array(s.string()),
          etAl: s.boolean().optional(),
          year: s.number().int(),
          title: s.string(),
          journal: s.string().optional(),
          volume: s.string().optional(),
          pages: s.string().optional(),
        }),
        design: s.string().optional(),
        countries: s.array(s.string().regex(/^[A-Z]{2}$/)).optional(),
        settings: s.array(s.string()).optional(),
        participants: s.array(s.string()).optional(),
        inclusion: s.object({
          status: s.enum(['included', 'excluded', 'unknown']),
          basis: s.string().optional(),
        }),
        evidence: s
          .array(
            s.object({
              cmocs: s.array(reference),
              relation: s.enum(['supports', 'refines', 'refutes']),
              parts: s.array(s.enum(['context', 'mechanism', 'outcome'])),
              point: s.string(),
              locator: s.string().optional(),
              provenance: s.string().optional(),
            }),
          )
          .optional(),
      }),
    },
    cmocs: {
      name: 'Cmoc',
      pattern: 'cmocs/**/*.md',
      schema: s.object({
        ...common,
        kind: s.literal('cmoc'),
        label: s.string().optional(),
        title: s.string(),
        construct: reference,
        order: s.number().optional(),
        context: s.string(),
        mechanism: s.union([
          s.string(),
          s.object({ resource: s.string().optional(), response: s.string().optional() }),
        ]),
        outcome: s.string(),
        strategies: s.array(s.string()).optional(),
      }),
    },
    recommendations: {
      name: 'Recommendation',
      pattern: 'recommendations/**/*.md',
      schema: s.object({
        ...common,
        kind: s.literal('recommendation'),
        construct: reference,
        section: s.number().optional(),
        order: s.number().optional(),
        text: s.string(),
        audiences: s.array(reference),
        cmocs: s.array(reference).optional(),
      }),
    },
    audiences: {
      name: 'Audience',
      pattern: 'audiences/**/*.md',
      schema: s.object({
        ...common,
        kind: s.literal('audience'),
        name: s.string(),
        examples: s.array(s.string()).optional(),
      }),
    },
    constructs: {
      name: 'Construct',
      pattern: 'constructs/**/*.md',
      schema: s.object({
        ...common,
        kind: s.literal('construct'),
        name: s.string(),
        order: s.number().optional(),
        description: s.string(),
      }),
    },
  },
  prepare(data) {
    const graph = new graphology.MultiDirectedGraph()
    const idOf = (entry: { id?: string | undefined; raw: string }, fallback: string): string =>
      entry.id ?? fallback
    const targets = (value: unknown): string[] =>
      (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((r) =>
        typeof r === 'string' ? r : (r as { id: string }).id,
      )
    const all = Object.entries(data).flatMap(([collection, entries]) =>
      (entries as Record<string, unknown>[]).map((entry, index) => ({
        collection,
        entry,
        id: idOf(entry as { id?: string; raw: string }, `${collection}-${index}`),
      })),
    )
    for (const { id, entry } of all) if (!graph.hasNode(id)) graph.addNode(id, entry)
    for (const { id, entry } of all) {
      for (const key of ['construct', 'audiences', 'cmocs'])
        for (const target of targets(entry[key]))
          if (graph.hasNode(target)) graph.addEdge(id, target)
      for (const match of String(entry.raw).matchAll(/\[\[([^[\]\n]+?)\]\]/g))
        if (match[1] && graph.hasNode(match[1])) graph.addEdge(id, match[1])
    }
    return false // nothing to write: the measurement is load, validate and graph
  },
})
