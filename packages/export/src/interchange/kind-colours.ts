/** Colours per kind, shared by the diagram notations and graph exports so all pictures read alike. */
export const kindColours = {
  review: { fill: '#eeeeee', stroke: '#616161' },
  group: { fill: '#e8eaf6', stroke: '#3949ab' },
  cmoc: { fill: '#e0f2f1', stroke: '#00796b' },
  study: { fill: '#fff8e1', stroke: '#a1887f' },
  evidence: { fill: '#fffde7', stroke: '#f9a825' },
  recommendation: { fill: '#fce4ec', stroke: '#ad1457' },
  audience: { fill: '#f3e5f5', stroke: '#6a1b9a' },
} as const

/**
 * Node sizes per kind for graph tools (Gephi, yEd): the theory's own parts largest, the evidence
 * smallest, so that a graph opened as it is shows its structure before any styling.
 */
export const kindSizes = {
  review: 30,
  group: 24,
  cmoc: 16,
  recommendation: 14,
  audience: 12,
  study: 10,
  evidence: 6,
} as const

/** A `#rrggbb` colour as its red, green and blue channels (0-255). */
export function rgb(hex: string): readonly [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16)
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]
}
