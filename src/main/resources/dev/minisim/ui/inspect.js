// MiniSim's inspector in the painted page (our own script, as page.js; the mini-program's JS never
// runs here): outlines the element the WXML panel selects with an overlay of its own, and while
// the picker is on reports the element under the mouse. It never changes the page's elements or
// their styles: the overlay is an element of its own, outside the page's body.
(function () {
  if (window.minisimInspect) { return; }
  var box = null, picking = false, current = -1, lastHover = null;
  function overlay() {
    if (!box || !box.parentNode) {
      box = document.createElement('ms-inspect');
      box.setAttribute('style', 'position:absolute;display:none;pointer-events:none;z-index:2147483647;'
        + 'box-sizing:border-box;margin:0;padding:0;border:1px solid rgba(38,110,200,0.95);'
        + 'background:rgba(111,168,220,0.45);');
      document.documentElement.appendChild(box);
    }
    return box;
  }
  function idOf(el) {
    for (; el && el.nodeType === 1; el = el.parentNode) {
      if (el.hasAttribute('ms-id')) { return el.getAttribute('ms-id'); }
    }
    return null;
  }
  // an element without a box of its own (a virtual host: display contents) is outlined as the
  // union of its children's boxes
  function rectOf(el, depth) {
    var r = el.getBoundingClientRect();
    if ((r.width > 0 || r.height > 0) || depth > 8) { return {l: r.left, t: r.top, r: r.right, b: r.bottom}; }
    var u = null;
    for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
      var k = rectOf(c, depth + 1);
      if (k.r - k.l <= 0 && k.b - k.t <= 0) { continue; }
      u = u ? {l: Math.min(u.l, k.l), t: Math.min(u.t, k.t), r: Math.max(u.r, k.r), b: Math.max(u.b, k.b)} : k;
    }
    return u || {l: r.left, t: r.top, r: r.right, b: r.bottom};
  }
  function outline(id) {
    current = id;
    var o = overlay();
    var el = id < 0 ? null : document.querySelector('[ms-id="' + id + '"]');
    if (!el) { o.style.display = 'none'; return 'null'; }
    var r = rectOf(el, 0);
    var x = r.l + window.pageXOffset, y = r.t + window.pageYOffset;
    o.style.left = x + 'px';
    o.style.top = y + 'px';
    o.style.width = (r.r - r.l) + 'px';
    o.style.height = (r.b - r.t) + 'px';
    o.style.display = 'block';
    return JSON.stringify([r.l, r.t, r.r, r.b]);
  }
  function report(id) {
    if (id !== lastHover) {
      lastHover = id;
      window.alert('minisim-inspect:' + (id === null ? '' : id));
    }
  }
  document.addEventListener('mouseover', function (e) {
    if (picking) { report(idOf(e.target)); }
  }, true);
  document.addEventListener('mouseout', function (e) {
    if (picking && !e.relatedTarget) { report(null); }
  }, true);
  // while picking, a click picks (it is no tap on the page)
  window.addEventListener('click', function (e) {
    if (picking) { e.stopPropagation(); e.preventDefault(); }
  }, true);
  window.minisimInspect = {
    outline: outline,
    redraw: function () { return outline(current); },
    pick: function (on) { picking = !!on; lastHover = null; }
  };
})();
