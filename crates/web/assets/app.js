// chronik: the brush of the timeline charts. Dragging across the bars of
// an <svg data-brush> selects a range of bars and opens the timeline with
// from/to set to it, keeping every other filter; a plain click on a bar
// follows its link (one bar's range). Without this script the From/To
// fields of the filter form do the same. No data is read from the page
// except the data-from/data-to/data-x/data-w attributes of the bars.
'use strict';
(function () {
  function svgX(svg, evt) {
    const pt = svg.createSVGPoint();
    pt.x = evt.clientX;
    pt.y = evt.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse()).x;
  }

  function binAt(bins, x) {
    let found = bins[0];
    for (const b of bins) {
      if (x >= b.x) found = b;
    }
    return found;
  }

  function go(from, to) {
    const url = new URL(window.location.href);
    url.pathname = '/';
    url.searchParams.set('from', from);
    url.searchParams.set('to', to);
    window.location.assign(url.toString());
  }

  function brush(svg) {
    const bins = Array.from(svg.querySelectorAll('g.bin')).map((g) => ({
      from: g.getAttribute('data-from'),
      to: g.getAttribute('data-to'),
      x: Number(g.getAttribute('data-x')),
      w: Number(g.getAttribute('data-w')),
    }));
    const band = svg.querySelector('rect.brush');
    if (!bins.length || !band) return;
    let start = null;
    let dragged = false;
    svg.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      start = svgX(svg, e);
      dragged = false;
    });
    svg.addEventListener('pointermove', (e) => {
      if (start === null) return;
      const x = svgX(svg, e);
      if (!dragged && Math.abs(x - start) > 3) {
        dragged = true;
        // Capture only once dragging, so a plain click still reaches the bar's link.
        svg.setPointerCapture(e.pointerId);
        svg.classList.add('brushing');
      }
      if (!dragged) return;
      const a = binAt(bins, Math.min(start, x));
      const b = binAt(bins, Math.max(start, x));
      band.setAttribute('x', String(a.x));
      band.setAttribute('width', String(b.x + b.w - a.x));
    });
    svg.addEventListener('pointerup', (e) => {
      if (start === null) return;
      const x = svgX(svg, e);
      const s = start;
      start = null;
      if (!dragged) return;
      const a = binAt(bins, Math.min(s, x));
      const b = binAt(bins, Math.max(s, x));
      go(a.from, b.to);
    });
    svg.addEventListener('pointercancel', () => {
      start = null;
      dragged = false;
      band.setAttribute('width', '0');
    });
    // After a drag, the click that follows must not open a single bar.
    svg.addEventListener('click', (e) => {
      if (dragged) {
        e.preventDefault();
        e.stopPropagation();
        dragged = false;
      }
    }, true);
  }

  document.querySelectorAll('svg[data-brush]').forEach(brush);
})();
