/** Colours per kind, shared by the diagram notations so both pictures read alike. */
export const kindColours = {
  review: { fill: '#eeeeee', stroke: '#616161' },
  group: { fill: '#e8eaf6', stroke: '#3949ab' },
  cmoc: { fill: '#e0f2f1', stroke: '#00796b' },
  study: { fill: '#fff8e1', stroke: '#a1887f' },
  evidence: { fill: '#fffde7', stroke: '#f9a825' },
  recommendation: { fill: '#fce4ec', stroke: '#ad1457' },
  audience: { fill: '#f3e5f5', stroke: '#6a1b9a' },
} as const
