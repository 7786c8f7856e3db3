/**
 * The diagrams' rules, appended to the report's stylesheet: each diagram scrolls inside its own
 * box (the page never overflows on a phone), keeps its natural size until zoomed, and prints
 * whole at the page's width.
 */
export const diagramStyles = `
.rkb-diagram-figure { margin: 1rem 0; max-width: 100%; }
.rkb-diagram-box { overflow: auto; max-width: 100%; max-height: 80vh; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.rkb-diagram-box:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.rkb-diagram-box svg.rkb-diagram { display: block; max-width: none; }
.rkb-diagram-tools { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: 0 0 .35rem; font-size: .85rem; }
.rkb-diagram-tools button { font: inherit; min-width: 2.4rem; min-height: 2rem; padding: .1rem .5rem; border: 1px solid #6b7684; border-radius: 4px; background: #fff; color: var(--ink); cursor: pointer; }
.rkb-diagram-tools button:focus-visible, .rkb-diagram-tools a:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
svg.rkb-diagram a:focus rect, svg.rkb-diagram a:hover rect { stroke: #f2a900; stroke-width: 3; }
@media print {
  .rkb-diagram-tools { display: none !important; }
  .rkb-diagram-box { max-height: none; overflow: visible; border: 0; }
  .rkb-diagram-box svg.rkb-diagram { width: 100% !important; height: auto !important; }
}
`

/**
 * The diagrams' script, appended to the report's: zoom buttons (the box scrolls to pan) and a
 * download button that saves the drawing as an SVG file, made in the page as a blob when clicked
 * (the report's content security policy allows images from data: URLs only, and a download
 * through a blob link loads nothing into the page, so it needs no source allowed).
 */
export const diagramScript = `
(function () {
  Array.prototype.forEach.call(document.querySelectorAll('figure.rkb-diagram-figure'), function (figure) {
    var tools = figure.querySelector('.rkb-diagram-tools');
    var box = figure.querySelector('.rkb-diagram-box');
    var svg = figure.querySelector('svg.rkb-diagram');
    if (!tools || !box || !svg) return;
    tools.hidden = false;
    var natural = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
    var scale = 1;
    function zoom(next) {
      scale = Math.min(4, Math.max(0.1, next));
      svg.style.width = Math.round(natural * scale) + 'px';
      svg.style.height = 'auto';
    }
    tools.addEventListener('click', function (event) {
      var button = event.target.closest ? event.target.closest('button[data-zoom]') : null;
      if (!button) return;
      var how = button.getAttribute('data-zoom');
      if (how === 'in') zoom(scale * 1.25);
      else if (how === 'out') zoom(scale / 1.25);
      else zoom(box.clientWidth / natural);
    });
    var download = tools.querySelector('button[data-download-svg]');
    if (!download) return;
    download.addEventListener('click', function () {
      var copy = svg.cloneNode(true);
      copy.removeAttribute('style');
      var text = '<?xml version="1.0" encoding="UTF-8"?>\\n' + new XMLSerializer().serializeToString(copy) + '\\n';
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      link.download = download.getAttribute('data-download-svg');
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
  });
})();
`
