import { diagramScript } from './diagram-assets.js'

/**
 * The report's only script, inlined: filtering recommendations by audience, group and text, and
 * studies by the level of their appraisal; opening the
 * recommendation a link points to; opening everything before printing. It reads no data from
 * outside the page and makes no requests.
 */
export const script = `
(function () {
  var recs = Array.prototype.slice.call(document.querySelectorAll('details.rec'));
  var audience = document.getElementById('rkb-filter-audience');
  var group = document.getElementById('rkb-filter-group');
  var search = document.getElementById('rkb-filter-search');
  var status = document.getElementById('rkb-filter-status');
  function apply() {
    var a = audience.value, c = group.value, q = search.value.trim().toLowerCase();
    var shown = 0;
    recs.forEach(function (rec) {
      var ok = (!a || (' ' + rec.getAttribute('data-audiences') + ' ').indexOf(' ' + a + ' ') !== -1)
        && (!c || rec.getAttribute('data-group') === c)
        && (!q || rec.textContent.toLowerCase().indexOf(q) !== -1);
      rec.hidden = !ok;
      if (ok) shown++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('section.group-recs'), function (section) {
      var any = section.querySelector('details.rec:not([hidden])');
      var none = section.querySelector('.none-match');
      if (none) none.hidden = !!any;
    });
    status.textContent = shown + ' of ' + recs.length + ' recommendations shown';
  }
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') { node.open = true; node.hidden = false; }
    }
  }
  var studies = Array.prototype.slice.call(document.querySelectorAll('article.study'));
  var studyFilters = Array.prototype.slice.call(document.querySelectorAll('select[data-dimension]'));
  var studyStatus = document.getElementById('rkb-study-status');
  var rank = { high: 0, moderate: 1, low: 2 };
  function applyStudies() {
    var shown = 0;
    studies.forEach(function (study) {
      var ok = studyFilters.every(function (select) {
        if (!select.value) return true;
        var level = study.getAttribute('data-' + select.getAttribute('data-dimension'));
        return level in rank && rank[level] <= rank[select.value];
      });
      study.hidden = !ok;
      if (ok) shown++;
    });
    if (studyStatus) studyStatus.textContent = shown + ' of ' + studies.length + ' studies shown';
  }
  studyFilters.forEach(function (el) { el.addEventListener('change', applyStudies); });
  [audience, group].forEach(function (el) { el.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  window.addEventListener('hashchange', openTarget);
  window.addEventListener('beforeprint', function () { recs.forEach(function (rec) { rec.open = true; }); });
  openTarget();
  apply();
})();
${diagramScript}`
