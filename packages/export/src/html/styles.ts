import { diagramStyles } from './diagram-assets.js'

/** The report's stylesheet, inlined so the file works offline. Colours meet WCAG AA contrast. */
export const styles = `
:root { --ink: #1b1f24; --muted: #4a5360; --line: #c9d1db; --paper: #ffffff; --tint: #f3f6f9;
  --accent: #0b5cad; --stated: #1d6b3a; --inferred: #8a4b00; --warn: #8a1c1c; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
header.rkb-header, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem; }
header.rkb-header { border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .25rem 0 .5rem; }
h2 { font-size: 1.3rem; margin-top: 2.5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.muted { color: var(--muted); }
nav.rkb-toc ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; }
.rkb-controls { position: sticky; top: 0; z-index: 2; background: var(--tint); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; }
.rkb-controls label { display: flex; flex-direction: column; font-size: .85rem; font-weight: 600; }
.rkb-controls select, .rkb-controls input { font: inherit; padding: .3rem .4rem; min-width: 14rem; border: 1px solid #6b7684; border-radius: 4px; background: #fff; color: var(--ink); }
.rkb-legend { font-size: .85rem; }
details.rec { border: 1px solid var(--line); border-radius: 6px; margin: .6rem 0; background: #fff; }
details.rec > summary { cursor: pointer; padding: .6rem .8rem; list-style-position: outside; margin-left: 1rem; }
details.rec[open] > summary { border-bottom: 1px solid var(--line); background: var(--tint); }
.rec-body { padding: .5rem 1rem 1rem; }
.rec-id, .badge { display: inline-block; font-size: .75rem; font-weight: 700; border-radius: 3px; padding: 0 .35rem; margin-right: .35rem; border: 1px solid currentColor; }
.badge-stated { color: var(--stated); }
.badge-inferred { color: var(--inferred); border-style: dashed; font-style: italic; }
.badge-gap { color: var(--warn); }
.confidence-high, .confidence-moderate { font-weight: 700; }
.confidence-low, .confidence-very-low { color: var(--warn); font-weight: 700; }
.confidence-not-assessed { color: #5c6670; font-style: italic; }
.link-stated { border-left: 4px solid var(--stated); }
.link-inferred { border-left: 4px dashed var(--inferred); }
.cmoc-trace { margin: .75rem 0; padding: .25rem .75rem; background: #fafbfc; }
dl.cmo { display: grid; grid-template-columns: 7rem 1fr; gap: .15rem .75rem; margin: .5rem 0; }
dl.cmo dt { font-weight: 700; }
dl.cmo dd { margin: 0; }
ul.evidence { padding-left: 1.2rem; }
ul.evidence li { margin: .3rem 0; }
article.entity { border-top: 1px solid var(--line); padding: .5rem 0 1rem; content-visibility: auto; contain-intrinsic-size: auto 320px; }
.profile { font-size: .9rem; color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--tint); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.heat { overflow-x: auto; }
.heat td.cell { text-align: center; min-width: 2.2rem; }
.heat td.h0 { background: #ffffff; color: #6b7684; }
.heat td.h1 { background: #dceaf7; }
.heat td.h2 { background: #a9cbea; }
.heat td.h3 { background: #2f6fad; color: #ffffff; }
.heat td.h4 { background: #0b3d6e; color: #ffffff; }
figure { margin: 1rem 0; }
figcaption { font-size: .9rem; color: var(--muted); }
svg:not(.rkb-diagram) text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.bar-reported { fill: #6b7684; }
.bar-encoded { fill: #0b5cad; }
.rkb-status { font-size: .9rem; margin: .5rem 0; }
[hidden] { display: none !important; }
[id] { scroll-margin-top: 8rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  .rkb-controls, nav.rkb-toc { display: none; }
  details.rec { break-inside: avoid; }
  details.rec > summary { background: none !important; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
}
${diagramStyles}`
