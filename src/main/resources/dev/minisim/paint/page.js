// MiniSim's own plumbing in the painted page (the mini-program's JS never runs here): what the
// person does goes to the simulator as a message, which dispatches it as a scenario step would.
(function () {
  function idOf(el) {
    for (; el && el.nodeType === 1; el = el.parentNode) {
      if (el.hasAttribute('ms-id')) { return el.getAttribute('ms-id'); }
    }
    return null;
  }
  function send(kind, id, value) {
    window.alert('minisim:' + JSON.stringify({kind: kind, id: Number(id), value: value}));
  }
  function isField(el) {
    return el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
  }
  var suppressClick = false;   // a drag of a swiper ends in a click the person did not mean
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (suppressClick) { suppressClick = false; return; }
    if (t && t.tagName === 'SELECT') { return; }
    var track = null;
    for (var el = t; el && el.nodeType === 1; el = el.parentNode) {
      if (el.classList.contains('ms-slider-track')) { track = el; break; }
      if (el.hasAttribute('ms-id')) {
        var first = el.firstElementChild;
        if (first && first.classList.contains('ms-slider-track')) { track = first; }
        break;
      }
    }
    if (track) {
      var r = track.getBoundingClientRect();
      var min = Number(track.getAttribute('ms-min')), max = Number(track.getAttribute('ms-max'));
      var step = Number(track.getAttribute('ms-step')) || 1;
      var f = Math.max(0, Math.min(1, (e.clientX - r.left) / (r.width || 1)));
      var v = Math.round((min + f * (max - min)) / step) * step;
      send('change', idOf(track), Math.max(min, Math.min(max, v)));
      return;
    }
    var id = idOf(t);
    if (id !== null) { send('tap', id, {x: e.pageX, y: e.pageY}); }
  }, true);
  document.addEventListener('input', function (e) {
    if (isField(e.target) && e.target.tagName !== 'SELECT') { send('input', idOf(e.target), e.target.value); }
  }, true);
  document.addEventListener('change', function (e) {
    if (e.target && e.target.tagName === 'SELECT') { send('change', idOf(e.target), e.target.selectedIndex); }
  }, true);

  function focusState() {
    var a = document.activeElement;
    if (!isField(a)) { return null; }
    return {id: idOf(a), start: a.selectionStart, end: a.selectionEnd};
  }
  function restoreFocus(f) {
    if (!f) { return; }
    var host = document.querySelector('[ms-id="' + f.id + '"]');
    var field = host && (isField(host) ? host : host.querySelector('input,textarea'));
    if (field) {
      field.focus();
      try { field.setSelectionRange(f.start, f.end); } catch (ignored) { }
    }
  }
  // makes live element a look like fresh element b, keeping the nodes that hold the focused field
  function morph(a, b, keep) {
    if (!a.contains(keep)) {
      if (!b) { a.parentNode.removeChild(a); } else if (a.outerHTML !== b.outerHTML) { a.parentNode.replaceChild(b, a); }
      return;
    }
    if (!b) { return; }
    var i, names = [];
    for (i = 0; i < a.attributes.length; i++) { names.push(a.attributes[i].name); }
    for (i = 0; i < names.length; i++) {
      if (!b.hasAttribute(names[i]) && !(a === keep && names[i] === 'value')) { a.removeAttribute(names[i]); }
    }
    for (i = 0; i < b.attributes.length; i++) {
      var n = b.attributes[i].name;
      if (!(a === keep && n === 'value') && a.getAttribute(n) !== b.attributes[i].value) { a.setAttribute(n, b.attributes[i].value); }
    }
    if (a === keep) { return; }
    var ak = Array.prototype.slice.call(a.childNodes), bk = Array.prototype.slice.call(b.childNodes);
    if (ak.length === bk.length) {
      for (i = 0; i < ak.length; i++) {
        if (ak[i].nodeType === 1 && bk[i].nodeType === 1) { morph(ak[i], bk[i], keep); }
        else if (ak[i].nodeType !== 1 && bk[i].nodeType !== 1) { if (ak[i].nodeValue !== bk[i].nodeValue) { ak[i].nodeValue = bk[i].nodeValue; } }
        else if (!(ak[i].nodeType === 1 && ak[i].contains(keep))) { a.replaceChild(bk[i], ak[i]); }
      }
      return;
    }
    // a different number of children: the branch that holds the field stays, matched by its ms-id
    var held = null;
    for (i = 0; i < ak.length; i++) {
      if (ak[i].nodeType === 1 && ak[i].contains(keep)) { held = ak[i]; } else { a.removeChild(ak[i]); }
    }
    var heldId = held.getAttribute('ms-id'), after = false, match = null;
    for (i = 0; i < bk.length; i++) {
      if (bk[i].nodeType === 1 && heldId !== null && bk[i].getAttribute('ms-id') === heldId) { match = bk[i]; }
    }
    if (!match) { a.removeChild(held); for (i = 0; i < bk.length; i++) { a.appendChild(bk[i]); } return; }
    for (i = 0; i < bk.length; i++) {
      if (bk[i] === match) { morph(held, match, keep); after = true; }
      else if (after) { a.appendChild(bk[i]); } else { a.insertBefore(bk[i], held); }
    }
  }
  function at(id) { return document.querySelector('[ms-id="' + id + '"]'); }
  window.minisim = {
    // replaces painted elements by id, keeping the scroll position and the field being typed in
    patch: function (patches) {
      var x = window.scrollX, y = window.scrollY, f = focusState(), missing = 0, kept = scrollViews();
      // the field being typed in is never taken out of the document (that would drop its focus and
      // caret): the patch that holds it is merged into the live elements instead
      var keep = f ? document.activeElement : null;
      for (var i = 0; i < patches.length; i++) {
        var el = at(patches[i].id);
        if (!el) { missing++; continue; }
        if (keep && el.contains(keep)) {
          var holder = document.createElement('div');
          holder.innerHTML = patches[i].html;
          morph(el, holder.firstElementChild, keep);
        } else {
          el.outerHTML = patches[i].html;
        }
      }
      window.scrollTo(x, y);
      settle(kept);
      return missing;
    },
    body: function (html) {
      var x = window.scrollX, y = window.scrollY, f = focusState(), kept = scrollViews();
      var root = document.body.firstElementChild;
      var holder = document.createElement('div');
      holder.innerHTML = html;
      document.body.replaceChild(holder.firstElementChild, root);
      window.scrollTo(x, y);
      restoreFocus(f);
      settle(kept);
    },
    // the layout of painted elements, for createSelectorQuery: [left, top, right, bottom, width, height]
    rects: function (ids) {
      var out = [];
      for (var i = 0; i < ids.length; i++) {
        var el = at(ids[i]);
        if (!el) { out.push(null); continue; }
        var r = el.getBoundingClientRect();
        if (el.getAttribute('ms-host') !== null && r.width === 0 && r.height === 0 && el.firstElementChild) {
          r = el.firstElementChild.getBoundingClientRect();
        }
        out.push([r.left, r.top, r.right, r.bottom, r.width, r.height, el.scrollLeft, el.scrollTop, el.scrollWidth, el.scrollHeight]);
      }
      return JSON.stringify(out);
    }
  };

  // ---------------------------------------------------------------- hover-class
  // the pressed element (and its ancestors with hover-class, up to one with hover-stop-propagation)
  // takes its hover classes hover-start-time ms after the press, and keeps them hover-stay-time ms
  // after the release, as the clients do
  var hovered = [];
  function hoverChain(el) {
    var out = [];
    for (; el && el.nodeType === 1; el = el.parentNode) {
      if (el.hasAttribute('ms-hover')) {
        out.push(el);
        if (el.hasAttribute('ms-hover-stop')) { break; }
      }
    }
    return out;
  }
  function hoverClasses(el, on) {
    var names = el.getAttribute('ms-hover').split(/\s+/);
    for (var i = 0; i < names.length; i++) { if (names[i]) { el.classList[on ? 'add' : 'remove'](names[i]); } }
  }
  document.addEventListener('mousedown', function (e) {
    if (e.button !== 0) { return; }
    var chain = hoverChain(e.target);
    for (var i = 0; i < chain.length; i++) {
      (function (el) {
        var h = {el: el, on: false};
        h.timer = setTimeout(function () { h.on = true; hoverClasses(el, true); }, Number(el.getAttribute('ms-hover-start')) || 0);
        hovered.push(h);
      })(chain[i]);
    }
  }, true);
  function unhover() {
    var list = hovered;
    hovered = [];
    for (var i = 0; i < list.length; i++) {
      (function (h) {
        clearTimeout(h.timer);
        // a press shorter than hover-start-time still shows the class for its stay, as on the phone
        if (!h.on) { hoverClasses(h.el, true); }
        setTimeout(function () {
          var live = at(h.el.getAttribute('ms-id')) || h.el;   // a repaint may have replaced it
          if (live.hasAttribute('ms-hover')) { hoverClasses(live, false); }
        }, Number(h.el.getAttribute('ms-hover-stay')) || 0);
      })(list[i]);
    }
  }
  document.addEventListener('mouseup', unhover, true);
  // the mouse leaving the page ends the press (leaving one child for another inside it does not)
  document.documentElement.addEventListener('mouseleave', function (e) {
    if (e.target === document.documentElement) { unhover(); }
  });

  // ---------------------------------------------------------------- swiper
  function swiperOf(el) {
    for (; el && el.nodeType === 1; el = el.parentNode) {
      if (el.hasAttribute('ms-count')) { return el; }
    }
    return null;
  }
  function items(sw) {
    var out = [];
    for (var c = sw.firstElementChild; c; c = c.nextElementSibling) { if (c.hasAttribute('ms-item')) { out.push(c); } }
    return out;
  }
  function neighbour(sw, i, n) {
    if (i >= 0 && i < n) { return i; }
    return sw.hasAttribute('ms-circular') && n > 2 ? (i + n) % n : -1;
  }
  // lays the items out with the shown one moved by `offset` px (a drag), or clears the inline layout
  // previous-margin / next-margin: the items are that much narrower and the neighbours peek in
  function layoutSwipers() {
    var list = document.querySelectorAll('[ms-prev], [ms-next]');
    for (var i = 0; i < list.length; i++) {
      var sw = list[i], prev = Number(sw.getAttribute('ms-prev') || 0), next = Number(sw.getAttribute('ms-next') || 0);
      var vertical = sw.hasAttribute('vertical'), its = items(sw);
      for (var k = 0; k < its.length; k++) {
        var st = its[k].style;
        if (vertical) { st.top = prev + 'px'; st.height = 'calc(100% - ' + (prev + next) + 'px)'; }
        else { st.left = prev + 'px'; st.width = 'calc(100% - ' + (prev + next) + 'px)'; }
      }
    }
  }
  function itemSize(sw) {
    var first = items(sw)[0], vertical = sw.hasAttribute('vertical');
    return first ? (vertical ? first.offsetHeight : first.offsetWidth) : (vertical ? sw.clientHeight : sw.clientWidth);
  }
  function place(sw, index, offset, animate) {
    var list = items(sw), n = list.length, vertical = sw.hasAttribute('vertical');
    var size = itemSize(sw);
    var before = neighbour(sw, index - 1, n), after = neighbour(sw, index + 1, n);
    var ms = Number(sw.getAttribute('ms-duration')) || 500;
    for (var i = 0; i < n; i++) {
      var it = list[i], pos = i === index ? 0 : i === before ? -size : i === after ? size : null;
      it.style.webkitTransition = it.style.transition = animate ? '-webkit-transform ' + ms + 'ms ease, transform ' + ms + 'ms ease' : 'none';
      if (pos === null) { it.style.visibility = 'hidden'; continue; }
      var v = (pos + offset) + 'px', tf = vertical ? 'translateY(' + v + ')' : 'translateX(' + v + ')';
      it.style.webkitTransform = it.style.transform = tf;
      it.style.visibility = 'visible';
    }
  }
  function clearPlace(sw) {
    var list = items(sw);
    for (var i = 0; i < list.length; i++) {
      var st = list[i].style;
      st.webkitTransition = st.transition = st.webkitTransform = st.transform = st.visibility = '';
    }
  }
  // shows item `to` as the painter would, until the repaint that follows the change comes
  function mark(sw, to) {
    var list = items(sw), n = list.length, before = neighbour(sw, to - 1, n);
    sw.setAttribute('ms-index', String(to));
    for (var i = 0; i < n; i++) {
      list[i].removeAttribute('ms-current');
      list[i].removeAttribute('ms-before');
      if (i === to) { list[i].setAttribute('ms-current', ''); } else if (i === before) { list[i].setAttribute('ms-before', ''); }
    }
    var dots = sw.querySelector('.ms-dots');
    if (dots) {
      for (var d = 0, k = dots.firstElementChild; k; k = k.nextElementSibling, d++) {
        k.className = d === to ? 'ms-dot-on' : '';
      }
    }
  }
  // moves swiper `sw` from its item to item `to` (animated), then tells the simulator (bindchange)
  function slide(sw, from, to, offset, source) {
    var id = sw.getAttribute('ms-id'), n = items(sw).length;
    var size = itemSize(sw);
    var ms = Number(sw.getAttribute('ms-duration')) || 500;
    if (to === from) {
      place(sw, from, offset, false);
      sw.offsetWidth;   // the start position is drawn before the transition to 0
      place(sw, from, 0, true);
      setTimeout(function () { var live = at(id); if (live) { clearPlace(live); } }, ms);
      return;
    }
    var forward = to === neighbour(sw, from + 1, n);
    place(sw, from, offset, false);
    sw.offsetWidth;
    place(sw, from, forward ? -size : size, true);
    sw.setAttribute('ms-sliding', '');
    setTimeout(function () {
      var live = at(id) || sw;
      live.removeAttribute('ms-sliding');
      clearPlace(live);
      mark(live, to);
      send('swipe', id, {current: to, source: source});
    }, ms);
  }
  var drag = null;
  document.addEventListener('mousedown', function (e) {
    var sw = e.button === 0 ? swiperOf(e.target) : null;
    if (!sw || sw.hasAttribute('ms-sliding') || items(sw).length < 2) { return; }
    drag = {sw: sw, x: e.clientX, y: e.clientY, from: Number(sw.getAttribute('ms-index')) || 0, moved: 0, at: Date.now()};
    e.preventDefault();
  }, true);
  document.addEventListener('mousemove', function (e) {
    if (!drag) { return; }
    var vertical = drag.sw.hasAttribute('vertical');
    var d = vertical ? e.clientY - drag.y : e.clientX - drag.x;
    var n = items(drag.sw).length;
    // no item beyond the ends of a swiper that is not circular: it resists
    if (neighbour(drag.sw, drag.from + (d < 0 ? 1 : -1), n) < 0) { d = d / 3; }
    drag.moved = d;
    if (Math.abs(d) > 3) { place(drag.sw, drag.from, d, false); }
  }, true);
  document.addEventListener('mouseup', function () {
    if (!drag) { return; }
    var g = drag;
    drag = null;
    if (Math.abs(g.moved) <= 3) { clearPlace(g.sw); return; }
    suppressClick = true;
    setTimeout(function () { suppressClick = false; }, 0);
    var size = itemSize(g.sw);
    var fast = Math.abs(g.moved) / Math.max(1, Date.now() - g.at) > 0.5;
    var n = items(g.sw).length, to = g.from;
    if (Math.abs(g.moved) > size / 2 || fast && Math.abs(g.moved) > 20) {
      var next = neighbour(g.sw, g.from + (g.moved < 0 ? 1 : -1), n);
      if (next >= 0) { to = next; }
    }
    slide(g.sw, g.from, to, g.moved, 'touch');
  }, true);
  // autoplay, in the window only (a screenshot shows the swiper as the scenario left it)
  var lastTurn = {};
  setInterval(function () {
    var root = document.body.firstElementChild;
    if (!root || !root.hasAttribute('ms-live')) { return; }
    var list = document.querySelectorAll('[ms-autoplay]'), now = Date.now();
    for (var i = 0; i < list.length; i++) {
      var sw = list[i], id = sw.getAttribute('ms-id'), every = Number(sw.getAttribute('ms-autoplay')) || 5000;
      if (!lastTurn[id]) { lastTurn[id] = now; }
      if (drag && drag.sw === sw || sw.hasAttribute('ms-sliding') || now - lastTurn[id] < every) { continue; }
      lastTurn[id] = now;
      var n = items(sw).length, from = Number(sw.getAttribute('ms-index')) || 0;
      if (n < 2) { continue; }
      var to = neighbour(sw, from + 1, n);
      slide(sw, from, to < 0 ? 0 : to, 0, 'autoplay');
    }
  }, 100);

  // ---------------------------------------------------------------- scroll-view and the page
  var applied = {};   // ms-id -> the scroll-top / scroll-left / scroll-into-view last applied
  function scrollViews() {
    var out = {}, list = document.querySelectorAll('[ms-id][scroll-x], [ms-id][scroll-y]');
    for (var i = 0; i < list.length; i++) {
      out[list[i].getAttribute('ms-id')] = [list[i].scrollLeft, list[i].scrollTop];
    }
    return out;
  }
  function scrollBox(el, left, top, animate) {
    if (!animate) {
      if (left !== null) { el.scrollLeft = left; }
      if (top !== null) { el.scrollTop = top; }
      return;
    }
    var x0 = el.scrollLeft, y0 = el.scrollTop, t0 = Date.now(), ms = 300;
    (function step() {
      var f = Math.min(1, (Date.now() - t0) / ms), ease = f * (2 - f);
      if (left !== null) { el.scrollLeft = x0 + (left - x0) * ease; }
      if (top !== null) { el.scrollTop = y0 + (top - y0) * ease; }
      if (f < 1) { setTimeout(step, 16); }
    })();
  }
  // keeps the scroll positions a repaint would reset, then applies scroll-top / scroll-left /
  // scroll-into-view where their value changed (the clients scroll when the value changes)
  function settle(kept) {
    layoutSwipers();
    var list = document.querySelectorAll('[ms-id][scroll-x], [ms-id][scroll-y]');
    for (var i = 0; i < list.length; i++) {
      var el = list[i], id = el.getAttribute('ms-id'), k = kept && kept[id];
      if (k) { el.scrollLeft = k[0]; el.scrollTop = k[1]; }
      var was = applied[id] || {}, now = {
        top: el.getAttribute('ms-scroll-top'), left: el.getAttribute('ms-scroll-left'), into: el.getAttribute('ms-into-view')};
      applied[id] = now;
      var animate = el.hasAttribute('ms-animated') && !!kept;
      if (now.into && now.into !== was.into) {
        var target = null;
        try { target = el.querySelector('#' + (window.CSS && CSS.escape ? CSS.escape(now.into) : now.into)); } catch (ignored) { }
        if (target) {
          var r = target.getBoundingClientRect(), b = el.getBoundingClientRect();
          scrollBox(el, el.hasAttribute('scroll-x') ? el.scrollLeft + r.left - b.left : null,
              el.hasAttribute('scroll-y') ? el.scrollTop + r.top - b.top : null, animate);
          continue;
        }
      }
      var top = now.top !== null && now.top !== was.top ? Number(now.top) : null;
      var left = now.left !== null && now.left !== was.left ? Number(now.left) : null;
      if (top !== null || left !== null) { scrollBox(el, left, top, animate); }
    }
  }
  settle(null);

  // scroll events: each scroll-view's bound ones, at most every 100 ms (and the last), and the
  // page's onPageScroll / onReachBottom
  var pending = {}, edges = {};
  function throttled(key, fn) {
    var p = pending[key];
    if (p) { p.fn = fn; return; }
    fn();
    pending[key] = {fn: null};
    setTimeout(function () { var q = pending[key]; delete pending[key]; if (q.fn) { q.fn(); } }, 100);
  }
  document.addEventListener('scroll', function (e) {
    var el = e.target;
    if (el === document || el === document.documentElement || el === document.body) { pageScrolled(); return; }
    if (!el || el.nodeType !== 1 || !el.hasAttribute('ms-on')) { return; }
    // the scroll events bound on it, lower-case name -> the name its binding uses
    var on = {}, names = el.getAttribute('ms-on').split(' '), id = el.getAttribute('ms-id');
    for (var n = 0; n < names.length; n++) { on[names[n].toLowerCase()] = names[n]; }
    var last = edges[id] || {left: 0, top: 0, upper: true, lower: false};
    var detail = {scrollLeft: el.scrollLeft, scrollTop: el.scrollTop, scrollHeight: el.scrollHeight,
      scrollWidth: el.scrollWidth, deltaX: el.scrollLeft - last.left, deltaY: el.scrollTop - last.top};
    var horizontal = el.hasAttribute('scroll-x') && !el.hasAttribute('scroll-y');
    var upperAt = Number(el.getAttribute('ms-upper') || 50), lowerAt = Number(el.getAttribute('ms-lower') || 50);
    var pos = horizontal ? el.scrollLeft : el.scrollTop;
    var room = horizontal ? el.scrollWidth - el.clientWidth : el.scrollHeight - el.clientHeight;
    var upper = pos <= upperAt, lower = room - pos <= lowerAt;
    edges[id] = {left: el.scrollLeft, top: el.scrollTop, upper: upper, lower: lower};
    if (on.scroll) {
      throttled(id, function () { send('scroll', id, {event: on.scroll, detail: detail}); });
    }
    if (upper && !last.upper && on.scrolltoupper) {
      send('scroll', id, {event: on.scrolltoupper, detail: {direction: horizontal ? 'left' : 'top'}});
    }
    if (lower && !last.lower && on.scrolltolower) {
      send('scroll', id, {event: on.scrolltolower, detail: {direction: horizontal ? 'right' : 'bottom'}});
    }
  }, true);
  var atBottom = false;
  function pageScrolled() {
    var root = document.body.firstElementChild;
    if (!root || !root.hasAttribute('ms-live')) { return; }
    var id = root.getAttribute('ms-id'), y = window.scrollY;
    throttled('page', function () { send('pagescroll', id, {scrollTop: window.scrollY}); });
    var distance = Number(root.getAttribute('ms-reach-bottom') || 50);
    var bottom = y + window.innerHeight >= document.documentElement.scrollHeight - distance;
    if (bottom && !atBottom) { send('reachbottom', id, {}); }
    atBottom = bottom;
  }
})();
