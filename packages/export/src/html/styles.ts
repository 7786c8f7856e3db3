import { diagramStyles } from './diagram-assets.js'

/** The report's stylesheet, inlined so the file works offline. Colours meet WCAG AA contrast. */
export const styles = `
:root { --ink: #1b1f24; --muted: #4a5360; --line: #c9d1db; --paper: #ffffff; --tint: #f3f6f9;
  --accent: #0b5cad; --stated: #1d6b3a; --inferred: #8a4b00; --warn: #8a1c1c; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); overflow-wrap: break-word; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
header.rkb-header, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem; }
header.rkb-header { border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .25rem 0 .5rem; }
h2 { font-size: 1.3rem; margin-top: 2.5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.muted { color: var(--muted); }
nav.rkb-toc ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; }
/* The filter bar sticks only while its own section scrolls by (its containing block is that
   section), and targets in that section stop below it; on a narrow screen it does not stick. */
.rkb-controls { background: var(--tint); border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; }
.rkb-rec-controls { position: sticky; top: 0; z-index: 2; }
.rkb-controls label { display: flex; flex-direction: column; font-size: .85rem; font-weight: 600; max-width: 100%; }
.rkb-controls select, .rkb-controls input { font: inherit; padding: .3rem .4rem; width: 14rem; max-width: 100%; border: 1px solid #6b7684; border-radius: 4px; background: #fff; color: var(--ink); }
.rkb-controls button { font: inherit; padding: .3rem .7rem; border: 1px solid #6b7684; border-radius: 4px; background: #fff; color: var(--ink); cursor: pointer; }
.rkb-controls button:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
mark { background: #ffe58a; color: inherit; }
[id] { scroll-margin-top: 1rem; }
section.rkb-section:has(.rkb-rec-controls) [id] { scroll-margin-top: calc(var(--rkb-bar, 9rem) + 1rem); }
@media (max-width: 48rem) {
  .rkb-rec-controls { position: static; }
  section.rkb-section:has(.rkb-rec-controls) [id] { scroll-margin-top: 1rem; }
  .rkb-controls select, .rkb-controls input { width: 100%; }
  .rkb-controls label { flex: 1 1 100%; }
  header.rkb-header, main, footer { padding: .75rem; }
}
.rkb-legend { font-size: .85rem; }
details.rec { border: 1px solid var(--line); border-radius: 6px; margin: .6rem 0; background: #fff; }
details.rec > summary { cursor: pointer; padding: .6rem .8rem; list-style-position: outside; margin-left: 1rem; }
.rec-head { display: block; }
.rec-facts { display: flex; flex-wrap: wrap; gap: .2rem .9rem; margin-top: .35rem; font-size: .85rem; color: var(--muted); }
.fact-label { font-weight: 700; color: var(--ink); }
ol.rkb-chain { list-style: none; padding: 0; }
.chain-study { display: block; font-size: .9rem; }
.locator { font-size: .85rem; color: var(--muted); }
.locator::before { content: "("; }
.locator::after { content: ")"; }
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
.table-wrap { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-size: .85rem; color: var(--muted); }
table.rkb-profile th { white-space: nowrap; }
@media (max-width: 48rem) {
  table.rkb-profile th { white-space: normal; }
}
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
figure { margin: 1rem 0; max-width: 100%; overflow-x: auto; }
figcaption { font-size: .9rem; color: var(--muted); }
svg:not(.rkb-diagram) text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.bar-reported { fill: #6b7684; }
.bar-encoded { fill: #0b5cad; }
.rkb-status { font-size: .9rem; margin: .5rem 0; }
[hidden] { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* Print: every card open (the content of a closed details box is shown by CSS, so no script is
   needed), tables within the page width, the address of each external link after it, and a
   card's heading kept with its body. Page size and margins are left to the printer (and to the
   header and footer a PDF adds). */
@media print {
  body { font-size: 10.5pt; }
  .rkb-controls, nav.rkb-toc, .rkb-status, #rkb-filter-clear { display: none !important; }
  header.rkb-header, main, footer { max-width: none; padding: 0; }
  h2 { margin-top: 1.5rem; break-after: avoid; }
  h3, h4, summary { break-after: avoid; }
  details.rec::details-content { content-visibility: visible; display: block; }
  details.rec > summary { background: none !important; list-style: none; margin-left: 0; }
  details.rec > summary::-webkit-details-marker { display: none; }
  details.rec { break-inside: auto; }
  .cmoc-trace, tr, figure { break-inside: avoid; }
  article.entity { content-visibility: visible; }
  .table-wrap, .heat, figure { overflow: visible; }
  table { width: 100%; }
  table.rkb-profile { width: auto; }
  th, td { overflow-wrap: anywhere; }
  .heat table { font-size: 7pt; }
  /* A figure is kept whole and with its heading: scaled to fit in most of one page, it never
     leaves its heading alone at the foot of the page before. */
  figure svg { max-width: 100%; max-height: 80vh; width: auto; height: auto; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
  mark { background: none; }
}
${diagramStyles}`
