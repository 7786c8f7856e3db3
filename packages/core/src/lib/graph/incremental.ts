import graphology from 'graphology'
import { acknowledgeForReview, checkNodeGaps } from '../checks/gaps.js'
import { checkLeadsToCycles, checkNodeJudgement } from '../checks/judgement.js'
import { checkStudyTerms } from '../checks/terms.js'
import { compareDiagnostics, createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { capPerFile } from '../diagnostics/per-file-cap.js'
import type { Entity } from '../model/entity.js'
import type { ParsedFile } from '../parse/parse-file.js'
import { addTo } from '../push-to.js'
import { resolveLinks } from './resolve-links.js'
import type { KnowledgeBase, KnowledgeGraph } from './types.js'

// graphology ships CommonJS; its named class is reached through the default export under Node ESM.
const { MultiDirectedGraph } = graphology

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * A knowledge base that can take one changed file at a time. An update re-resolves only the
 * links that can change (the file's own, and those pointing at the ids it defined or defines) and
 * rechecks gaps only for the entities those links touch, so a one-file edit costs milliseconds,
 * not a full rebuild. The result is the same as building from scratch on the same files (a test
 * applies random edits both ways and compares).
 *
 * @example
 * ```ts
 * const live = new IncrementalKnowledgeBase(parsedFiles)
 * live.update(parseFile({ path: 'cmocs/cmoc-1a.md', text: edited }))
 * live.knowledgeBase.diagnostics
 * ```
 */
export class IncrementalKnowledgeBase {
  readonly #graph: KnowledgeGraph = new MultiDirectedGraph()
  readonly #files = new Map<string, ParsedFile>()
  /** The files' own diagnostics, for the files that have any (few, in a large base). */
  readonly #fileDiagnostics = new Map<string, readonly Diagnostic[]>()
  /** For each id, the files that define it (sorted): the first one's entity is the node. */
  readonly #definers = new Map<string, string[]>()
  /** For each id declared by an invalid file, the files that declare it. */
  readonly #declared = new Map<string, Set<string>>()
  /** For each id, the entities whose links name it (resolved or not). */
  readonly #incoming = new Map<string, Set<string>>()
  readonly #linkDiagnostics = new Map<string, Diagnostic[]>()
  readonly #gapDiagnostics = new Map<string, Diagnostic[]>()
  readonly #duplicateDiagnostics = new Map<string, Diagnostic[]>()
  /** Ids of the review nodes in the graph: kept as nodes come and go, not searched for. */
  readonly #reviews = new Set<string>()
  /** The files, sorted; kept until a file is added or removed (an edit keeps the list). */
  #sortedFiles: string[] | undefined
  #snapshot: KnowledgeBase | undefined

  constructor(parsedFiles: Iterable<ParsedFile> = []) {
    const files = [...parsedFiles].sort((a, b) => byPath(a.path, b.path))
    for (const file of files) this.#register(file)
    for (const id of this.#definers.keys()) this.#placeNode(id)
    this.#graph.forEachNode((id, entity) => this.#resolve(id, entity))
    this.#graph.forEachNode((id) => this.#checkGaps(id))
  }

  /** The current knowledge base: graph, sorted diagnostics, files. */
  get knowledgeBase(): KnowledgeBase {
    if (!this.#snapshot) {
      // Lists are appended one item at a time: spreading a list of unbounded length into a call
      // overflows the stack.
      const diagnostics: Diagnostic[] = []
      const gaps: Diagnostic[] = []
      for (const list of this.#gapDiagnostics.values()) for (const gap of list) gaps.push(gap)
      const reviews = [...this.#reviews]
      const review = reviews.length === 1 ? reviews[0] : undefined
      const lists = [
        ...this.#fileDiagnostics.values(),
        ...this.#duplicateDiagnostics.values(),
        ...this.#linkDiagnostics.values(),
        acknowledgeForReview(this.#graph, gaps, review),
        this.#reviewDiagnostics(),
        // Cycles span entities: found over the whole graph, which is cheap (CMOC links only).
        checkLeadsToCycles(this.#graph),
        // Read through the review's vocabularies, which any study may use: over the whole graph.
        checkStudyTerms(this.#graph),
      ]
      for (const list of lists) for (const diagnostic of list) diagnostics.push(diagnostic)
      diagnostics.sort(compareDiagnostics)
      this.#sortedFiles ??= [...this.#files.keys()].sort(byPath)
      this.#snapshot = {
        graph: this.#graph,
        diagnostics: capPerFile(diagnostics),
        files: this.#sortedFiles,
      }
    }
    return this.#snapshot
  }

  /**
   * Replace (or add) one file and bring the graph and diagnostics up to date.
   *
   * @example
   * ```ts
   * live.update(parseFile({ path: 'studies/doe-2020.md', text }))
   * ```
   */
  update(parsed: ParsedFile): void {
    this.#change(parsed.path, parsed)
  }

  /**
   * Remove one file (deleted from disk) and bring the graph and diagnostics up to date.
   *
   * @example
   * ```ts
   * live.remove('studies/doe-2020.md')
   * ```
   */
  remove(path: string): void {
    this.#change(path, undefined)
  }

  #change(path: string, parsed: ParsedFile | undefined): void {
    this.#snapshot = undefined
    const old = this.#files.get(path)
    if (old === undefined || parsed === undefined) this.#sortedFiles = undefined
    const ids = new Set<string>()
    for (const file of [old, parsed]) {
      for (const entity of file?.entities ?? []) ids.add(entity.id)
      for (const declared of file?.declared ?? []) ids.add(declared.id)
    }
    if (old) this.#unregister(old)
    if (parsed) this.#register(parsed)

    // Sources whose links may resolve differently now: those naming a changed id, plus the
    // entities (re)placed below.
    const sources = new Set<string>()
    for (const id of ids) for (const source of this.#incoming.get(id) ?? []) sources.add(source)
    const gapTargets = new Set<string>(ids)
    let idsChanged = false
    for (const id of ids) {
      const before = this.#graph.hasNode(id) ? this.#graph.getNodeAttributes(id) : undefined
      if (before) {
        for (const link of before.links) gapTargets.add(link.target)
        this.#forgetLinks(before)
        this.#graph.dropNode(id)
        this.#reviews.delete(id)
      }
      if (this.#placeNode(id)) sources.add(id)
      if ((before === undefined) === this.#graph.hasNode(id)) idsChanged = true
    }
    // The hint of a dangling reference names the closest id: when ids come or go, it may change.
    if (idsChanged) for (const source of this.#linkDiagnostics.keys()) sources.add(source)
    for (const source of sources) {
      if (!this.#graph.hasNode(source)) continue
      const entity = this.#graph.getNodeAttributes(source)
      for (const link of entity.links) gapTargets.add(link.target)
      for (const edge of this.#graph.outEdges(source)) this.#graph.dropEdge(edge)
      this.#forgetLinks(entity)
      this.#resolve(source, entity)
      gapTargets.add(source)
    }
    // Evidence written on a group counts for the CMOCs in it, and in its sub-groups.
    for (const id of [...gapTargets]) {
      if (this.#graph.hasNode(id) && this.#graph.getNodeAttribute(id, 'kind') === 'group')
        for (const member of membersOfGroup(this.#graph, id)) gapTargets.add(member)
    }
    for (const id of gapTargets) {
      if (this.#graph.hasNode(id)) this.#checkGaps(id)
      else this.#gapDiagnostics.delete(id)
    }
  }

  #register(file: ParsedFile): void {
    this.#files.set(file.path, file)
    if (file.diagnostics.length > 0) this.#fileDiagnostics.set(file.path, file.diagnostics)
    for (const entity of file.entities) insertSorted(this.#definers, entity.id, file.path)
    for (const declared of file.declared) addTo(this.#declared, declared.id, file.path)
  }

  #unregister(file: ParsedFile): void {
    this.#files.delete(file.path)
    this.#fileDiagnostics.delete(file.path)
    for (const entity of file.entities) {
      const list = this.#definers.get(entity.id)?.filter((path) => path !== file.path) ?? []
      if (list.length === 0) this.#definers.delete(entity.id)
      else this.#definers.set(entity.id, list)
    }
    for (const declared of file.declared) {
      const set = this.#declared.get(declared.id)
      set?.delete(file.path)
      if (set?.size === 0) this.#declared.delete(declared.id)
    }
  }

  /** Put the entity that wins an id (the first definer's) in the graph; report the others. */
  #placeNode(id: string): boolean {
    this.#duplicateDiagnostics.delete(id)
    const definers = this.#definers.get(id)
    if (!definers || definers.length === 0) return false
    // One definer is the rule; collect entities without allocating per file in that case.
    const entities: Entity[] = []
    for (const path of definers) {
      for (const entity of this.#files.get(path)?.entities ?? [])
        if (entity.id === id) entities.push(entity)
    }

    const [first, ...rest] = entities
    if (!first) return false
    this.#graph.addNode(id, first)
    if (first.kind === 'review') this.#reviews.add(id)
    if (rest.length > 0) {
      this.#duplicateDiagnostics.set(
        id,
        rest.map((entity) =>
          createDiagnostic('duplicate-id', {
            file: entity.file,
            position: entity.position.line === 1 ? { line: 1, column: 1 } : entity.position,
            message: `Unexpected duplicate id \`${id}\`, expected ids to be unique (first defined in ${first.file}:${first.position.line})`,
            entity: id,
          }),
        ),
      )
    }
    return true
  }

  #resolve(id: string, entity: Entity): void {
    for (const link of entity.links) addTo(this.#incoming, link.target, id)
    const diagnostics = resolveLinks(this.#graph, entity, (target) => this.#declared.has(target))
    if (diagnostics.length > 0) this.#linkDiagnostics.set(id, diagnostics)
    else this.#linkDiagnostics.delete(id)
  }

  #forgetLinks(entity: Entity): void {
    for (const link of entity.links) this.#incoming.get(link.target)?.delete(entity.id)
    this.#linkDiagnostics.delete(entity.id)
  }

  #checkGaps(id: string): void {
    // A judgement is checked against the same evidence the gap rules read, so it is rechecked
    // whenever they are.
    const diagnostics = [...checkNodeGaps(this.#graph, id), ...checkNodeJudgement(this.#graph, id)]
    if (diagnostics.length > 0) this.#gapDiagnostics.set(id, diagnostics)
    else this.#gapDiagnostics.delete(id)
  }

  #reviewDiagnostics(): Diagnostic[] {
    // The set is in graph order: both are in insertion order, and change together.
    const reviews = [...this.#reviews]
    this.#graph.updateAttributes((attributes) => {
      const { review: _previous, ...rest } = attributes
      return reviews.length === 1 ? { ...rest, review: reviews[0] as string } : rest
    })
    if (reviews.length === 1 || this.#files.size === 0) return []
    if (reviews.length === 0) {
      return [
        createDiagnostic('missing-review', {
          file: 'review.md',
          position: { line: 1, column: 1 },
          message: 'Missing review entity, expected one `review.md` with `kind: review`',
        }),
      ]
    }
    return reviews.slice(1).map((id) =>
      createDiagnostic('missing-review', {
        file: this.#graph.getNodeAttributes(id).file,
        position: { line: 1, column: 1 },
        message: `Unexpected second review \`${id}\`, expected one review per knowledge base`,
        entity: id,
      }),
    )
  }
}

/** The CMOCs and sub-groups of a group, at any depth. */
function membersOfGroup(graph: KnowledgeGraph, group: string): Set<string> {
  const members = new Set<string>()
  const pending = [group]
  while (pending.length > 0) {
    const id = pending.pop() as string
    graph.forEachInEdge(id, (_edge, attributes, source) => {
      if (attributes.type !== 'belongs-to' || members.has(source)) return
      members.add(source)
      if (graph.getNodeAttribute(source, 'kind') === 'group') pending.push(source)
    })
  }
  return members
}

function insertSorted(map: Map<string, string[]>, key: string, path: string): void {
  const list = map.get(key) ?? []
  if (!list.includes(path)) {
    list.push(path)
    list.sort(byPath)
  }
  map.set(key, list)
}
