import { diagramScript } from './diagram-assets.js'

/**
 * The report's only script, inlined. It filters recommendations by audience, group and text
 * (keeping the filters in the address, `?audience=&group=&q=`, so a reload or a shared link shows
 * the same view), highlights what the search finds and opens the recommendations that hold it,
 * renders a card's body on first open when the report keeps bodies in templates (and the later
 * articles of a long list as they near the viewport or a link points into them), filters studies
 * by the level of their appraisal, opens the recommendation a link points to, and opens
 * everything before printing. It reads no data from outside the page and makes no requests.
 */
export const script = `
(function () {
  var recs = Array.prototype.slice.call(document.querySelectorAll('details.rec'));
  var audience = document.getElementById('rkb-filter-audience');
  var group = document.getElementById('rkb-filter-group');
  var search = document.getElementById('rkb-filter-search');
  var clear = document.getElementById('rkb-filter-clear');
  var status = document.getElementById('rkb-filter-status');
  var bar = document.querySelector('.rkb-rec-controls');

  // A card whose body waits in a template gets it on first open (or when search or print needs it).
  function render(rec) {
    var template = rec.querySelector(':scope > template.rec-lazy');
    if (template) rec.replaceChild(template.content.cloneNode(true), template);
  }
  var texts = new Map();
  function textOf(rec) {
    if (!texts.has(rec)) {
      var template = rec.querySelector(':scope > template.rec-lazy');
      texts.set(rec, (rec.textContent + ' ' + (template ? template.content.textContent : '')).toLowerCase());
    }
    return texts.get(rec);
  }
  recs.forEach(function (rec) {
    rec.addEventListener('toggle', function () { if (rec.open) render(rec); });
  });

  function unmark(root) {
    Array.prototype.forEach.call(root.querySelectorAll('mark.rkb-hit'), function (mark) {
      var parent = mark.parentNode;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parent.normalize();
    });
  }
  function mark(root, q) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var hits = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue.toLowerCase().indexOf(q) !== -1) hits.push(node);
    }
    hits.forEach(function (node) {
      var text = node.nodeValue, lower = text.toLowerCase(), at = 0, found;
      var fragment = document.createDocumentFragment();
      while ((found = lower.indexOf(q, at)) !== -1) {
        fragment.appendChild(document.createTextNode(text.slice(at, found)));
        var hit = document.createElement('mark');
        hit.className = 'rkb-hit';
        hit.textContent = text.slice(found, found + q.length);
        fragment.appendChild(hit);
        at = found + q.length;
      }
      fragment.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(fragment, node);
    });
  }

  // Recommendations the search opened, closed again when the search no longer needs them.
  var openedBySearch = new Set();
  function apply() {
    var a = audience.value, c = group ? group.value : '', q = search.value.trim().toLowerCase();
    var shown = 0;
    recs.forEach(function (rec) {
      var ok = (!a || (' ' + rec.getAttribute('data-audiences') + ' ').indexOf(' ' + a + ' ') !== -1)
        && (!c || rec.getAttribute('data-group') === c)
        && (!q || textOf(rec).indexOf(q) !== -1);
      rec.hidden = !ok;
      unmark(rec);
      if (ok && q) {
        if (!rec.open) { openedBySearch.add(rec); rec.open = true; }
        render(rec);
        mark(rec, q);
      } else if (openedBySearch.has(rec)) {
        openedBySearch.delete(rec);
        rec.open = false;
      }
      if (ok) shown++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('section.group-recs'), function (section) {
      var any = section.querySelector('details.rec:not([hidden])');
      var none = section.querySelector('.none-match');
      if (none) none.hidden = !!any;
    });
    status.textContent = shown + ' of ' + recs.length + ' recommendations shown';
    clear.disabled = !a && !c && !q;
  }

  // The filters live in the query string; the hash stays free for in-page links.
  function save() {
    var params = new URLSearchParams(location.search);
    [['audience', audience.value], ['group', group ? group.value : ''], ['q', search.value]].forEach(function (pair) {
      if (pair[1]) params.set(pair[0], pair[1]); else params.delete(pair[0]);
    });
    var query = params.toString();
    history.replaceState(history.state, '', location.pathname + (query ? '?' + query : '') + location.hash);
  }
  function restore() {
    var params = new URLSearchParams(location.search);
    function set(select, value) {
      if (select && value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) select.value = value;
    }
    set(audience, params.get('audience'));
    set(group, params.get('group'));
    search.value = params.get('q') || '';
  }
  function update() { apply(); save(); }

  // Long lists keep their later articles in templates: rendered near the viewport, when a link
  // points into them, or when a filter or the printer needs them all.
  function renderChunk(holder) {
    var template = holder.querySelector(':scope > template');
    if (template) holder.replaceWith(template.content);
  }
  function renderChunks(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll('.rkb-chunk'), renderChunk);
  }
  var chunks = Array.prototype.slice.call(document.querySelectorAll('.rkb-chunk'));
  var pinned = null;
  if (chunks.length > 0) {
    var near = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { near.unobserve(entry.target); renderChunk(entry.target); }
      });
    }, { rootMargin: '1500px 0px' });
    chunks.forEach(function (holder) { near.observe(holder); });
    // What renders above a link's target moves it (placeholders and unpainted articles only
    // estimate their height): the target is kept in view until the reader scrolls for themselves.
    new ResizeObserver(function () { if (pinned) pinned.scrollIntoView(); }).observe(document.body);
    ['wheel', 'touchstart', 'keydown', 'mousedown'].forEach(function (type) {
      window.addEventListener(type, function () { pinned = null; }, { passive: true });
    });
  }

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    if (!document.getElementById(id)) {
      Array.prototype.forEach.call(document.querySelectorAll('.rkb-chunk > template'), function (template) {
        if (template.content.getElementById(id)) renderChunk(template.parentNode);
      });
    }
    var target = document.getElementById(id);
    if (!target) return;
    if (chunks.length > 0) pinned = target;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') { node.open = true; node.hidden = false; render(node); }
    }
    target.scrollIntoView();
  }

  // The sticky bar's height, so that targets in its section stop below it; and a wrapper that
  // scrolls sideways on this screen takes the keyboard focus, so it can be scrolled without a mouse.
  function measure() {
    if (bar) document.documentElement.style.setProperty('--rkb-bar', bar.offsetHeight + 'px');
    Array.prototype.forEach.call(document.querySelectorAll('.table-wrap, .heat, figure'), function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) wrap.setAttribute('tabindex', '0');
      else wrap.removeAttribute('tabindex');
    });
  }

  var studyFilters = Array.prototype.slice.call(document.querySelectorAll('select[data-dimension]'));
  var studyStatus = document.getElementById('rkb-study-status');
  var rank = { high: 0, moderate: 1, low: 2 };
  function applyStudies() {
    renderChunks(document.querySelector('section[aria-labelledby="rkb-studies"]'));
    var studies = document.querySelectorAll('article.study');
    var shown = 0;
    Array.prototype.forEach.call(studies, function (study) {
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
  function printAll() { renderChunks(); recs.forEach(function (rec) { render(rec); rec.open = true; }); }

  studyFilters.forEach(function (el) { el.addEventListener('change', applyStudies); });
  // A base without recommendations has no filter bar.
  if (search) {
    [audience, group].forEach(function (el) { if (el) el.addEventListener('change', update); });
    search.addEventListener('input', update);
    clear.addEventListener('click', function () {
      audience.value = '';
      if (group) group.value = '';
      search.value = '';
      update();
      search.focus();
    });
    restore();
    apply();
  }
  window.addEventListener('hashchange', openTarget);
  window.addEventListener('resize', measure);
  window.addEventListener('beforeprint', printAll);
  window.matchMedia('print').addEventListener('change', function (event) { if (event.matches) printAll(); });
  measure();
  openTarget();
})();
${diagramScript}`
