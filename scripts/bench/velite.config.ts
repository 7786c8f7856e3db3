import os from 'node:os'
import path from 'node:path'
import graphology from 'graphology'
import { defineConfig, s } from 'velite'

// The comparison for `pnpm bench`: velite loads the same corpus with a schema equivalent to
// ours (strict frontmatter objects, references as strings), compiles each body with its markdown
// pipeline, and builds the same graph in its prepare hook: an entity per file (its id from the
// file name, as ours), one per evidence entry, and an edge per frontmatter and inline [[id]] link
// that resolves (found with a plain regex, so links in code count too: about 1% more edges than
// ours). Set BENCH_VELITE_COUNTS to print the graph's size. The corpus folder comes from BENCH_CORPUS.
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
  path: s.path(),
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
        group: reference,
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
        group: reference,
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
    groups: {
      name: 'Group',
      pattern: 'groups/**/*.md',
      schema: s.object({
        ...common,
        kind: s.literal('group'),
        name: s.string(),
        order: s.number().optional(),
        description: s.string(),
      }),
    },
  },
  prepare(data) {
    const graph = new graphology.MultiDirectedGraph()
    type Entry = Record<string, unknown> & { id?: string; path: string; raw: string }
    const targets = (value: unknown): string[] =>
      (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((r) =>
        typeof r === 'string' ? r : (r as { id: string }).id,
      )
    const link = (source: string, value: unknown): void => {
      for (const target of targets(value)) if (graph.hasNode(target)) graph.addEdge(source, target)
    }
    const all = Object.values(data).flatMap((entries) =>
      (entries as Entry[]).map((entry) => ({ entry, id: entry.id ?? path.basename(entry.path) })),
    )
    for (const { id, entry } of all) {
      if (graph.hasNode(id)) continue
      graph.addNode(id, entry)
      ;((entry.evidence as Record<string, unknown>[] | undefined) ?? []).forEach((item, index) => {
        graph.addNode(`${id}-e${index + 1}`, item)
      })
    }
    for (const { id, entry } of all) {
      for (const key of ['group', 'audiences', 'cmocs']) link(id, entry[key])
      ;((entry.evidence as Record<string, unknown>[] | undefined) ?? []).forEach((item, index) => {
        const evidence = `${id}-e${index + 1}`
        graph.addEdge(evidence, id)
        link(evidence, item.cmocs)
      })
      for (const match of String(entry.raw).matchAll(/\[\[([^[\]\n]+?)\]\]/g))
        if (match[1] && graph.hasNode(match[1])) graph.addEdge(id, match[1])
    }
    if (process.env.BENCH_VELITE_COUNTS)
      console.error(`velite graph: ${graph.order} nodes, ${graph.size} edges`)
    return false // nothing to write: the measurement is load, validate and graph
  },
})
