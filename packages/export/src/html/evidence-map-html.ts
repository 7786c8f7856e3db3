import { shortCitation } from '@realist-kb/citations'
import type { CmocEntry, GapMapTable, TraceReport } from '@realist-kb/core'
import { entriesById } from '../report/entries-by-id.js'
import { escapeHtml } from '../report/escape.js'
import { groupWords } from '../report/group-words.js'
import { appraisalWords, confidenceWords } from '../report/judgement-text.js'
import { anchorId, entityLink } from './anchor-id.js'
import { type MapCells, mapCells } from './evidence-map-cells.js'

const e = escapeHtml

// The column of studies that do not record the characteristic: shown apart, never coloured.
const notRecorded = 'not recorded'

/** What each column choice is called in the page. */
const dimensionNames: Readonly<Record<string, string>> = {
  design: 'Design',
  designs: 'Design',
  country: 'Country',
  countries: 'Country',
  setting: 'Setting',
  settings: 'Setting',
  participants: 'Participants',
  rigour: 'Rigour (appraisal)',
  relevance: 'Relevance (appraisal)',
  richness: 'Richness (appraisal)',
  inclusion: 'Inclusion',
}

// Lowest first: a cell's rigour is that of its weakest appraised study.
const rigourRank: readonly string[] = ['low', 'moderate', 'high']

/**
 * The evidence map: CMOCs (by group, in theory order) against a study characteristic chosen in
 * the page, one bubble per cell sized by its number of studies and coloured by the CMOC's
 * confidence or the rigour of the cell's studies (with a legend, and the level in each bubble's
 * accessible name). A click on a bubble lists its studies, linked to their entries. Without a
 * script every table shows, one after another.
 */
export function evidenceMapHtml(report: TraceReport): string {
  if (report.gapMap.length === 0) return ''
  const weighting = report.gapMapWeighting
  const intro = `<p>Each bubble is the number of distinct studies behind a CMOC with a study characteristic; its colour is the confidence in the CMOC or the rigour of its studies. Choose a bubble to list its studies. Rows without a bubble are CMOCs without encoded evidence for that characteristic.${weighting ? ` Only studies of at least ${e(weighting.atLeast)} ${e(weighting.dimension)} are counted.` : ''}</p>`
  const options = report.gapMap
    .map(
      (table) =>
        `<option value="${e(table.dimension)}">${e(dimensionName(table.dimension))}</option>`,
    )
    .join('')
  const controls = `<div class="rkb-map-controls">
<label for="rkb-map-dimension">Columns<select id="rkb-map-dimension">${options}</select></label>
<label for="rkb-map-colour">Colour<select id="rkb-map-colour"><option value="confidence">Confidence in the CMOC</option><option value="rigour">Rigour of the studies (lowest)</option></select></label>
</div>`
  // Each study once, as the cell lists will show it, with its columns in each table (`|`
  // between tables); each CMOC row's studies once, by position. The script lists a bubble's
  // studies from these: no content ever enters a script, no study id is repeated per cell and
  // per table, and templates keep them out of the page's DOM until a cell is chosen.
  const cells = mapCells(
    report.gapMap,
    report.studies.map((study) => study.id),
  )
  const names = report.studies
    .map((study, position) => {
      const columns = cells.columns.map((inTable) => inTable[position])
      const written = columns.some((inTable) => inTable !== undefined)
        ? ` data-columns="${columns.map((inTable) => inTable?.join(' ') ?? '').join('|')}"`
        : ''
      return `<li${written}><a href="#${e(anchorId(study.id))}" data-study="${e(study.id)}">${e(shortCitation(study))}</a></li>`
    })
    .join('')
  const rows = cells.rows.map((studies) => `<li data-studies="${studies.join(' ')}"></li>`).join('')
  const rigours = report.studies.map((study) =>
    rigourRank.indexOf(study.appraisal.dimensions.rigour.level),
  )
  return `${intro}
<div class="rkb-map" id="rkb-evidence-map" data-colour="confidence">
${controls}
${legend()}
${report.gapMap
  .map((table, index) =>
    // Only the first characteristic's table is in the page; the others wait in templates (a
    // large base's page stays small) until chosen.
    index === 0
      ? mapTable(report, table, index, cells, rigours)
      : `<template data-dimension="${e(table.dimension)}">${mapTable(report, table, index, cells, rigours)}</template>`,
  )
  .join('\n')}
<div id="rkb-map-cell" class="rkb-map-cell" role="region" aria-live="polite" aria-label="Studies in the chosen cell"><p class="muted">Choose a bubble to list its studies.</p></div>
<template id="rkb-map-studies"><ul>${names}</ul></template>
<template id="rkb-map-rows"><ul>${rows}</ul></template>
</div>`
}

function dimensionName(dimension: string): string {
  return dimensionNames[dimension] ?? `${dimension.charAt(0).toUpperCase()}${dimension.slice(1)}`
}

function legend(): string {
  const swatch = (mode: string, level: string, words: string): string =>
    `<li><span class="rkb-swatch" data-${mode}="${level}" aria-hidden="true"></span>${e(words)}</li>`
  const confidence = ['high', 'moderate', 'low', 'very-low', 'not-assessed'] as const
  const rigour = ['high', 'moderate', 'low', 'not-appraised'] as const
  return `<div class="rkb-map-legend">
<p>Bubble size: number of studies (the number is written in each bubble). Colour:</p>
<ul class="rkb-legend-confidence">${confidence.map((level) => swatch('confidence', level, `${confidenceWords(level)} confidence`)).join('')}</ul>
<ul class="rkb-legend-rigour">${rigour.map((level) => swatch('rigour', level, level === 'not-appraised' ? 'No study appraised' : `${appraisalWords(level)} rigour`)).join('')}</ul>
</div>`
}

function mapTable(
  report: TraceReport,
  table: GapMapTable,
  tableIndex: number,
  mapRows: MapCells,
  rigours: readonly number[],
): string {
  const { cmocs } = entriesById(report)
  const groups = new Map(report.groups.map((group) => [group.id, group.name]))
  const most = table.rows.reduce(
    (max, row) => row.counts.reduce((rowMax, count) => Math.max(rowMax, count), max),
    1,
  )
  const name = dimensionName(table.dimension)
  const head = table.values
    .map(
      (value, index) =>
        `<th scope="col" data-value="${e(value)}"${value === notRecorded ? ' class="rkb-not-recorded"' : ''}>${e(table.labels[index] ?? value)}</th>`,
    )
    .join('')
  let currentGroup: string | undefined
  const body = table.rows
    .map((row) => {
      const cmoc = cmocs.get(row.cmoc)
      let groupRow = ''
      if (row.group !== currentGroup) {
        currentGroup = row.group
        const groupName =
          row.group === undefined
            ? `No ${groupWords(report).singular}`
            : (groups.get(row.group) ?? row.group)
        groupRow = `<tr class="rkb-map-group"><th scope="rowgroup" colspan="${table.values.length + 1}">${e(groupName)}</th></tr>`
      }
      const label = cmoc?.label ?? row.cmoc
      const rowIndex = mapRows.rowOf.get(row.cmoc)
      const rigour = lowestRigours(mapRows, tableIndex, rowIndex, table.values.length, rigours)
      const cells = table.values
        .map((value, index) =>
          cell({
            cmoc,
            label,
            column: table.labels[index] ?? value,
            notRecorded: value === notRecorded,
            ids: row.studies[index] ?? [],
            most,
            rigour: rigour[index] ?? notAppraised,
          }),
        )
        .join('')
      return `${groupRow}<tr data-row="${rowIndex ?? ''}"><th scope="row">${entityLink(row.cmoc, label)}<span class="rkb-map-title">${e(cmoc?.title ?? '')}</span></th>${cells}</tr>`
    })
    .join('\n')
  return `<div class="rkb-map-scroll table-wrap" data-dimension="${e(table.dimension)}" data-table="${tableIndex}" role="region" tabindex="0" aria-label="Evidence map by ${e(name.toLowerCase())}">
<table class="rkb-map-table">
<caption>CMOCs by ${e(name.toLowerCase())}: number of studies</caption>
<thead><tr><th scope="col">CMOC</th>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>`
}

function cell(options: {
  readonly cmoc: CmocEntry | undefined
  readonly label: string
  readonly column: string
  readonly notRecorded: boolean
  readonly ids: readonly string[]
  readonly most: number
  readonly rigour: string
}): string {
  const { ids, cmoc, rigour } = options
  const className = options.notRecorded ? ' class="rkb-not-recorded"' : ''
  if (ids.length === 0) return `<td${className}><span class="sr-only">none</span></td>`
  const confidence = cmoc?.confidence.overall ?? 'not-assessed'
  // Area grows with the number of studies: the diameter with its square root.
  const size = (1.6 + 1.6 * Math.sqrt(ids.length / options.most)).toFixed(2)
  const count = `${ids.length} ${ids.length === 1 ? 'study' : 'studies'}`
  const levels = `${confidenceWords(confidence)} confidence, ${rigour === 'not-appraised' ? 'no study appraised' : `lowest rigour ${rigour}`}`
  return `<td${className}><button type="button" class="rkb-bubble" style="--size:${size}rem" data-confidence="${e(confidence)}" data-rigour="${e(rigour)}" aria-label="${e(`${options.label}, ${options.column}: ${count}; ${levels}`)}" title="${e(`${count}; ${levels}`)}">${ids.length}</button></td>`
}

const notAppraised = 'not-appraised'

/**
 * The lowest rigour of the studies in each column of a table's row (`rigours`: each study's rank
 * in {@link rigourRank}, -1 when not appraised): one pass over the row's studies, no lookup by id.
 */
function lowestRigours(
  cells: MapCells,
  tableIndex: number,
  rowIndex: number | undefined,
  columnCount: number,
  rigours: readonly number[],
): string[] {
  const lowest = new Array<number>(columnCount).fill(rigourRank.length)
  const columnsOf = cells.columns[tableIndex] ?? []
  for (const position of rowIndex === undefined ? [] : (cells.rows[rowIndex] ?? [])) {
    const rank = rigours[position] ?? -1
    if (rank === -1) continue
    for (const column of columnsOf[position] ?? [])
      if (rank < (lowest[column] ?? rank)) lowest[column] = rank
  }
  return lowest.map((rank) => rigourRank[rank] ?? notAppraised)
}

/** The evidence map's styles: its own box scrolls, the page never does. */
export const evidenceMapStyles = `
.rkb-map-controls { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; margin: .5rem 0; }
.rkb-map-controls label { display: flex; flex-direction: column; font-size: .85rem; font-weight: 600; }
.rkb-map-controls select { font: inherit; padding: .3rem .4rem; border: 1px solid #6b7684; border-radius: 4px; background: #fff; color: var(--ink); max-width: 100%; }
.rkb-map-legend { font-size: .85rem; }
.rkb-map-legend p { margin: .25rem 0; }
.rkb-map-legend ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: .25rem 0; }
.rkb-map[data-colour="confidence"] .rkb-legend-rigour, .rkb-map[data-colour="rigour"] .rkb-legend-confidence { display: none; }
.rkb-swatch { display: inline-block; width: 1rem; height: 1rem; border-radius: 50%; margin-right: .35rem; vertical-align: -.15rem; border: 1px solid #3d4650; }
.rkb-map-scroll { position: relative; max-width: 100%; max-height: 80vh; overflow: auto; border: 1px solid var(--line); margin: .5rem 0; }
.rkb-map-table { margin: 0; border-collapse: separate; border-spacing: 0; }
.rkb-map-table caption { text-align: left; font-weight: 600; padding: .25rem .5rem; }
.rkb-map-table thead th { position: sticky; top: 0; z-index: 1; vertical-align: bottom; min-width: 4.5rem; }
.rkb-map-table tbody th[scope="row"] { position: sticky; left: 0; z-index: 1; background: #fff; min-width: 9rem; max-width: 16rem; font-weight: 600; }
.rkb-map-table thead th:first-child { left: 0; z-index: 2; }
.rkb-map-title { display: block; font-weight: 400; font-size: .8rem; color: var(--muted); }
.rkb-map-group th { background: var(--tint); font-style: italic; }
.rkb-map-table td { text-align: center; vertical-align: middle; padding: .2rem; }
.rkb-map-table .rkb-not-recorded { background: repeating-linear-gradient(135deg, #fff 0 6px, #f1f3f5 6px 12px); font-style: italic; }
.rkb-bubble { width: var(--size); height: var(--size); border-radius: 50%; border: 1px solid #3d4650; font: inherit; font-size: .8rem; font-weight: 700; cursor: pointer; padding: 0; }
.rkb-bubble:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.rkb-bubble[aria-pressed="true"] { box-shadow: 0 0 0 3px #f2a900; }
.rkb-map [data-confidence="high"] { --fill: #0b3d6e; --text: #fff; }
.rkb-map [data-confidence="moderate"] { --fill: #2f6fad; --text: #fff; }
.rkb-map [data-confidence="low"] { --fill: #a9cbea; --text: #1b1f24; }
.rkb-map [data-confidence="very-low"] { --fill: #e8eef5; --text: #1b1f24; }
.rkb-map [data-confidence="not-assessed"] { --fill: #fff; --text: #1b1f24; }
.rkb-map[data-colour="confidence"] .rkb-bubble, .rkb-legend-confidence .rkb-swatch { background: var(--fill); color: var(--text); }
.rkb-map[data-colour="rigour"] .rkb-bubble[data-rigour="high"], .rkb-swatch[data-rigour="high"] { background: #1d5e3a; color: #fff; }
.rkb-map[data-colour="rigour"] .rkb-bubble[data-rigour="moderate"], .rkb-swatch[data-rigour="moderate"] { background: #5fa77a; color: #1b1f24; }
.rkb-map[data-colour="rigour"] .rkb-bubble[data-rigour="low"], .rkb-swatch[data-rigour="low"] { background: #d8eddf; color: #1b1f24; }
.rkb-map[data-colour="rigour"] .rkb-bubble[data-rigour="not-appraised"], .rkb-swatch[data-rigour="not-appraised"] { background: #fff; color: #1b1f24; }
.rkb-bubble[data-confidence="not-assessed"], .rkb-swatch[data-confidence="not-assessed"], .rkb-map[data-colour="rigour"] .rkb-bubble[data-rigour="not-appraised"], .rkb-swatch[data-rigour="not-appraised"] { border-style: dashed; }
.rkb-map .rkb-not-recorded .rkb-bubble { background: #fff; color: #1b1f24; border-style: dotted; }
.rkb-map-cell { border-left: 4px solid var(--accent); padding: .25rem .75rem; margin: .5rem 0 1rem; }
.rkb-map-cell h3 { margin: .25rem 0; font-size: 1rem; }
@media print {
  .rkb-map-controls, .rkb-map-cell { display: none; }
  .rkb-map-scroll, .rkb-map-scroll[hidden] { display: block !important; max-height: none; overflow: visible; }
  .rkb-map-table thead th, .rkb-map-table tbody th[scope="row"] { position: static; min-width: 0; }
  /* Column labels run upwards, as printed gap maps set them: a dozen columns fit the page and no
     label is broken inside a word. */
  .rkb-map-table th { overflow-wrap: normal; }
  .rkb-map-table thead th:not(:first-child) { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; text-align: left; vertical-align: middle; padding: .3rem .1rem; }
  .rkb-map-table tbody th[scope="row"] { min-width: 4rem; }
  .rkb-map-title { display: none; }
}
`

/**
 * The evidence map's script: shows the table of the chosen characteristic, colours by the chosen
 * measure, and lists the studies of a chosen bubble. It reads only the page.
 */
export const evidenceMapScript = `
(function () {
  var map = document.getElementById('rkb-evidence-map');
  if (!map) return;
  var dimension = document.getElementById('rkb-map-dimension');
  var colour = document.getElementById('rkb-map-colour');
  var panel = document.getElementById('rkb-map-cell');
  // Studies by position and each CMOC row's studies (positions, in order), as the page writes
  // them once; a study's columns per table are split from its item when first needed.
  var items = document.getElementById('rkb-map-studies').content.querySelectorAll('li');
  var rows = Array.prototype.map.call(
    document.getElementById('rkb-map-rows').content.querySelectorAll('li'),
    function (item) { return item.getAttribute('data-studies'); }
  );
  var tablesOf = [];
  function columnsOf(position, table) {
    if (!tablesOf[position]) tablesOf[position] = (items[position].getAttribute('data-columns') || '').split('|');
    var columns = tablesOf[position][table];
    return columns ? columns.split(' ') : [];
  }
  // A bubble's studies: its row's studies with its column in its table, in row order (a study
  // listed twice in a cell has the column twice).
  function studiesOf(bubble) {
    var row = rows[bubble.closest('tr').getAttribute('data-row')];
    var table = bubble.closest('.rkb-map-scroll').getAttribute('data-table');
    var column = String(bubble.closest('td').cellIndex - 1);
    var chosen = [];
    if (row) row.split(' ').forEach(function (position) {
      if (!items[position]) return;
      columnsOf(position, table).forEach(function (each) {
        if (each === column) chosen.push(items[position]);
      });
    });
    return chosen;
  }
  var pressed;
  // A table takes its template's place, so the tables keep their order whichever is shown first.
  function place(waiting) {
    waiting.parentNode.insertBefore(document.importNode(waiting.content, true), waiting);
    waiting.remove();
  }
  function show() {
    var chosen = dimension.value;
    Array.prototype.forEach.call(map.querySelectorAll('template[data-dimension]'), function (t) {
      if (t.getAttribute('data-dimension') === chosen) place(t);
    });
    Array.prototype.forEach.call(map.querySelectorAll('.rkb-map-scroll'), function (table) {
      table.hidden = table.getAttribute('data-dimension') !== chosen;
    });
    map.setAttribute('data-colour', colour.value);
  }
  // Paper has no menu to choose from: a printed map shows every characteristic, in order (the
  // print stylesheet shows hidden tables).
  function printAll() {
    Array.prototype.forEach.call(map.querySelectorAll('template[data-dimension]'), place);
    show();
  }
  window.addEventListener('beforeprint', printAll);
  window.matchMedia('print').addEventListener('change', function (event) { if (event.matches) printAll(); });
  map.addEventListener('click', function (event) {
    var bubble = event.target.closest('button.rkb-bubble');
    if (!bubble) return;
    if (pressed) pressed.removeAttribute('aria-pressed');
    pressed = bubble;
    bubble.setAttribute('aria-pressed', 'true');
    panel.textContent = '';
    var heading = document.createElement('h3');
    heading.textContent = bubble.getAttribute('aria-label');
    var list = document.createElement('ul');
    studiesOf(bubble).forEach(function (item) {
      list.appendChild(item.cloneNode(true));
    });
    panel.appendChild(heading);
    panel.appendChild(list);
  });
  dimension.addEventListener('change', show);
  colour.addEventListener('change', show);
  show();
})();
`
