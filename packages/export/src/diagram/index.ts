export { writeDot } from './dot.js'
export { writeMermaid } from './mermaid.js'
export type {
  Diagram,
  DiagramCluster,
  DiagramEdge,
  DiagramEdgeType,
  DiagramNode,
} from './model.js'
export { programmeTheoryDiagram } from './programme-theory.js'
export type { DiagramSource } from './report-of.js'
export { type SvgOptions, writeSvg } from './svg.js'
export { type TraceDiagramOptions, traceDiagram } from './trace.js'
