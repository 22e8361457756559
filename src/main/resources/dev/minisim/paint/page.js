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
    if (sheet || t && t.closest && t.closest('.ms-sheet')) { return; }
    var id = idOf(t);
    if (id !== null) { send('tap', id, {x: e.pageX, y: e.pageY}); }
    var pk = pickerOf(t);
    if (pk && !pk.hasAttribute('disabled')) { openSheet(pk); }
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
  // an element whose attributes alone changed stays in the document and takes the painted ones
  // (its children are patched on their own): replacing it would lay out and repaint what holds it
  function attributes(el, html) {
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var now = holder.firstElementChild, j, a;
    for (j = el.attributes.length - 1; j >= 0; j--) {
      if (!now.hasAttribute(el.attributes[j].name)) { el.removeAttribute(el.attributes[j].name); }
    }
    for (j = 0; j < now.attributes.length; j++) {
      a = now.attributes[j];
      if (el.getAttribute(a.name) !== a.value) { el.setAttribute(a.name, a.value); }
    }
    // the new attributes' styles now, as a replaced element's are: a frame drawn right after the
    // patch (the tap's pulse, a screenshot) must not show the element as it was
    void el.offsetWidth;
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
        if (patches[i].attrs) { attributes(el, patches[i].html); continue; }
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
    var multi = Number(sw.getAttribute('ms-multi') || 1);
    if (multi > 1) { return i >= 0 && i <= n - multi ? i : -1; }   // the last item shown is the last one
    if (i >= 0 && i < n) { return i; }
    return sw.hasAttribute('ms-circular') && n > 2 ? (i + n) % n : -1;
  }
  // lays the items out with the shown one moved by `offset` px (a drag), or clears the inline layout
  // previous-margin / next-margin: the items are that much narrower and the neighbours peek in
  // display-multiple-items: each item is 1/n of the room and they lie side by side from the shown one
  // a built-in the page cannot run (video, map, canvas...) is a labelled box: its label says the
  // size the page laid it out at (the painter writes the client's default size)
  function sizePlaceholders() {
    var list = document.querySelectorAll('.ms-placeholder-size');
    for (var i = 0; i < list.length; i++) {
      var host = list[i].parentNode && list[i].parentNode.parentNode;
      if (!host || host.nodeType !== 1) { continue; }
      var r = host.getBoundingClientRect(), text = Math.round(r.width) + ' \u00d7 ' + Math.round(r.height);
      if (r.width > 0 && list[i].textContent !== text) { list[i].textContent = text; }
    }
  }
  function layoutSwipers() {
    var list = document.querySelectorAll('[ms-prev], [ms-next], [ms-multi]');
    for (var i = 0; i < list.length; i++) {
      var sw = list[i], prev = Number(sw.getAttribute('ms-prev') || 0), next = Number(sw.getAttribute('ms-next') || 0);
      var vertical = sw.hasAttribute('vertical'), its = items(sw), multi = Number(sw.getAttribute('ms-multi') || 1);
      var room = 'calc((100% - ' + (prev + next) + 'px) / ' + multi + ')', index = Number(sw.getAttribute('ms-index')) || 0;
      for (var k = 0; k < its.length; k++) {
        var st = its[k].style;
        if (vertical) { st.top = prev + 'px'; st.height = room; }
        else { st.left = prev + 'px'; st.width = room; }
        if (multi > 1 && !sw.hasAttribute('ms-sliding')) {
          st.webkitTransform = st.transform = (vertical ? 'translateY(' : 'translateX(') + (k - index) * 100 + '%)';
          st.visibility = 'visible';
        }
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
      var multi = Number(sw.getAttribute('ms-multi') || 1);
      var it = list[i], pos = multi > 1 ? (i - index) * size : i === index ? 0 : i === before ? -size : i === after ? size : null;
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
    if (sw.hasAttribute('ms-multi')) { layoutSwipers(); }
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
    if (sw.hasAttribute('ms-multi')) { layoutSwipers(); }
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
    sizePlaceholders();
    if (typeof refreshSheet === 'function') { refreshSheet(); }
    if (typeof layoutMovables === 'function') { layoutMovables(); }
    if (typeof layoutPickerViews === 'function') { layoutPickerViews(); }
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

  // ---------------------------------------------------------------- picker sheet
  // a picker (selector, multiSelector, time, date, region) slides up the client's sheet: columns of
  // rows (ms-picker, written by the painter), 取消 and 确定; a column turned sends columnchange
  // (multiSelector), 确定 sends the value change carries, 取消 sends cancel
  var ROW = 34, sheet = null;
  function pickerOf(el) {
    for (; el && el.nodeType === 1; el = el.parentNode) {
      if (el.hasAttribute('ms-picker')) { return el; }
      if (el.hasAttribute('ms-id') && el.tagName.toLowerCase().slice(-7) === '-picker') { return null; }
    }
    return null;
  }
  function daysIn(y, m) { return new Date(Number(y), Number(m), 0).getDate(); }
  function two(n) { return n < 10 ? '0' + n : String(n); }
  // a date picker's day column follows the year and month turned to
  function dateDays(s) {
    if (s.spec.mode !== 'date' || s.cols.length < 3) { return; }
    var y = s.cols[0].v[s.sel[0]], m = s.cols[1].v[s.sel[1]], n = daysIn(y, m), l = [], v = [];
    for (var d = 1; d <= n; d++) { l.push(two(d) + '日'); v.push(two(d)); }
    if (s.cols[2].v.length !== n) {
      s.cols[2] = {l: l, v: v};
      s.sel[2] = Math.min(s.sel[2], n - 1);
      drawColumn(s, 2);
    }
  }
  function sheetValue(s) {
    var mode = s.spec.mode, out = [], i;
    if (mode === 'selector') { return s.sel[0]; }
    if (mode === 'multiSelector') { return s.sel.slice(); }
    for (i = 0; i < s.cols.length; i++) { out.push(s.cols[i].v[s.sel[i]]); }
    if (mode === 'region') { return out; }
    var text = out.join(mode === 'time' ? ':' : '-');
    // start / end bound the value, as the client's wheels do
    if (s.spec.start && text < s.spec.start.slice(0, text.length)) { text = s.spec.start.slice(0, text.length); }
    if (s.spec.end && text > s.spec.end.slice(0, text.length)) { text = s.spec.end.slice(0, text.length); }
    return text;
  }
  function drawColumn(s, c) {
    var box = s.columns[c], col = s.cols[c], html = '';
    for (var i = 0; i < col.l.length; i++) {
      html += '<div class="ms-sheet-row' + (i === s.sel[c] ? ' ms-sheet-on' : '') + '">'
        + col.l[i].replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</div>';
    }
    box.innerHTML = '<div class="ms-sheet-pad"></div>' + html + '<div class="ms-sheet-pad"></div>';
    s.quiet = true;
    box.scrollTop = s.sel[c] * ROW;
    s.quiet = false;
  }
  function choose(s, c, i) {
    i = Math.max(0, Math.min(s.cols[c].l.length - 1, i));
    var was = s.sel[c];
    s.sel[c] = i;
    var rows = s.columns[c].querySelectorAll('.ms-sheet-row');
    for (var k = 0; k < rows.length; k++) { rows[k].className = 'ms-sheet-row' + (k === i ? ' ms-sheet-on' : ''); }
    var col = s.columns[c];
    if (Math.abs(col.scrollTop - i * ROW) > 1) {
      // the column turning to the row is not the person scrolling it: no snap meanwhile (a slow
      // machine's frames may be further apart than the snap's wait)
      col.msTurning = (col.msTurning || 0) + 1;
      scrollBox(col, null, i * ROW, true);
      setTimeout(function () { col.msTurning--; col.scrollTop = s.sel[c] * ROW; }, 400);
    }
    if (i === was) { return; }
    dateDays(s);
    if (s.spec.mode === 'multiSelector') { send('columnchange', s.id, {column: c, value: i}); }
  }
  function openSheet(pk) {
    closeSheet();
    var spec;
    try { spec = JSON.parse(pk.getAttribute('ms-picker')); } catch (ignored) { return; }
    var s = {id: pk.getAttribute('ms-id'), spec: spec, cols: spec.cols, sel: spec.sel.slice(), columns: [], quiet: false,
      index: Array.prototype.indexOf.call(document.querySelectorAll('[ms-picker]'), pk)};
    var mask = document.createElement('div');
    mask.className = 'ms-sheet-mask';
    var box = document.createElement('div');
    box.className = 'ms-sheet ms-sheet-' + (pk.getAttribute('ms-picker-platform') || 'wechat');
    box.innerHTML = '<div class="ms-sheet-bar"><span class="ms-sheet-cancel">取消</span><span class="ms-sheet-ok">确定</span></div>'
      + '<div class="ms-sheet-body"><div class="ms-sheet-band"></div></div>';
    var body = box.querySelector('.ms-sheet-body');
    for (var c = 0; c < s.cols.length; c++) {
      var col = document.createElement('div');
      col.className = 'ms-sheet-col';
      col.setAttribute('ms-col', String(c));
      body.appendChild(col);
      s.columns.push(col);
    }
    document.body.appendChild(mask);
    document.body.appendChild(box);
    s.mask = mask;
    s.box = box;
    sheet = s;
    for (c = 0; c < s.cols.length; c++) { drawColumn(s, c); }
    dateDays(s);
  }
  function closeSheet() {
    if (!sheet) { return; }
    sheet.mask.parentNode.removeChild(sheet.mask);
    sheet.box.parentNode.removeChild(sheet.box);
    sheet = null;
  }
  // after a repaint: the open sheet takes the picker's new columns (a columnchange handler may have
  // changed the next column's range), keeping the rows turned to
  function refreshSheet() {
    if (!sheet) { return; }
    // a re-render may give the picker a new element (and ms-id): it is the picker at the same place
    var pk = at(sheet.id);
    if (!pk || !pk.hasAttribute('ms-picker')) {
      pk = document.querySelectorAll('[ms-picker]')[sheet.index] || null;
      if (!pk) { closeSheet(); return; }
      sheet.id = pk.getAttribute('ms-id');
    }
    var spec;
    try { spec = JSON.parse(pk.getAttribute('ms-picker')); } catch (ignored) { return; }
    if (spec.mode === 'date') { return; }
    for (var c = 0; c < spec.cols.length && c < sheet.cols.length; c++) {
      if (JSON.stringify(spec.cols[c]) !== JSON.stringify(sheet.cols[c])) {
        sheet.cols[c] = spec.cols[c];
        sheet.sel[c] = Math.min(sheet.sel[c], Math.max(0, spec.cols[c].l.length - 1));
        drawColumn(sheet, c);
      }
    }
  }
  document.addEventListener('click', function (e) {
    if (!sheet) { return; }
    var t = e.target;
    if (t.classList.contains('ms-sheet-mask') || t.classList.contains('ms-sheet-cancel')) {
      var id = sheet.id;
      closeSheet();
      send('pickercancel', id, null);
    } else if (t.classList.contains('ms-sheet-ok')) {
      var s = sheet;
      closeSheet();
      send('pickerchange', s.id, sheetValue(s));
    } else if (t.classList.contains('ms-sheet-row')) {
      var col = t.parentNode, c = Number(col.getAttribute('ms-col'));
      choose(sheet, c, Array.prototype.indexOf.call(col.querySelectorAll('.ms-sheet-row'), t));
    }
  }, true);
  // a column scrolled (the wheel, a drag of its bar) settles on the row nearest the band
  var snapTimers = {};
  document.addEventListener('scroll', function (e) {
    var col = e.target;
    if (!sheet || sheet.quiet || !col || col.nodeType !== 1 || !col.hasAttribute('ms-col') || col.msTurning > 0) { return; }
    var c = col.getAttribute('ms-col');
    clearTimeout(snapTimers[c]);
    snapTimers[c] = setTimeout(function () {
      // WebKit tells a scroll a frame later: the sheet's own turning may have begun meanwhile
      if (sheet && sheet.columns[c] === col && !(col.msTurning > 0)) { choose(sheet, Number(c), Math.round(col.scrollTop / ROW)); }
    }, 150);
  }, true);
  window.minisim.openPicker = function (id) { var pk = at(id); if (pk) { openSheet(pk); } return !!sheet; };
  window.minisim.pickerRow = function (column, row) { if (sheet) { choose(sheet, column, row); } };
  window.minisim.pickerDone = function (ok) {
    var t = sheet && sheet.box.querySelector(ok ? '.ms-sheet-ok' : '.ms-sheet-cancel');
    if (t) { t.click(); }
  };

  // ---------------------------------------------------------------- movable-view
  // dragged along its direction (all, horizontal, vertical), kept inside its movable-area unless
  // out-of-bounds; where it is let go it sends change {x, y, source: touch}
  function movableOf(el) {
    for (; el && el.nodeType === 1; el = el.parentNode) {
      if (el.hasAttribute('ms-movable')) { return el.getAttribute('ms-movable') === 'none' ? null : el; }
    }
    return null;
  }
  // the range of x and y inside its area: [minX, maxX, minY, maxY]
  function movableBounds(mv) {
    var area = mv.parentNode;
    if (!area || mv.hasAttribute('ms-oob')) { return [-1e9, 1e9, -1e9, 1e9]; }
    var w = area.clientWidth - mv.offsetWidth, h = area.clientHeight - mv.offsetHeight;
    return [Math.min(0, w), Math.max(0, w), Math.min(0, h), Math.max(0, h)];
  }
  function movableAt(mv, x, y) {
    var b = movableBounds(mv);
    x = Math.max(b[0], Math.min(b[1], x));
    y = Math.max(b[2], Math.min(b[3], y));
    var s = Number(mv.getAttribute('ms-scale') || 1);
    mv.style.webkitTransform = mv.style.transform = 'translate(' + x + 'px,' + y + 'px)' + (s !== 1 ? ' scale(' + s + ')' : '');
    return [x, y];
  }
  // a movable-view with scale: the mouse wheel with Ctrl held (what a trackpad's pinch sends) scales
  // it by 10 % a notch within scale-min .. scale-max; 200 ms after the last notch it tells
  // scale {x, y, scale}
  var scaling = null;
  document.addEventListener('wheel', function (e) {
    if (!e.ctrlKey || sheet) { return; }
    var mv = null;
    for (var el = e.target; el && el.nodeType === 1; el = el.parentNode) {
      if (el.hasAttribute('ms-scale')) { mv = el; break; }
    }
    if (!mv || !e.deltaY) { return; }
    e.preventDefault();
    var range = (mv.getAttribute('ms-scale-range') || '0.5,10').split(','), min = Number(range[0]), max = Number(range[1]);
    var s = Number(mv.getAttribute('ms-scale') || 1) * (e.deltaY < 0 ? 1.1 : 1 / 1.1);
    s = Math.round(Math.max(min, Math.min(max, s)) * 1000) / 1000;
    mv.setAttribute('ms-scale', String(s));
    movableAt(mv, Number(mv.getAttribute('ms-x')) || 0, Number(mv.getAttribute('ms-y')) || 0);
    if (scaling) { clearTimeout(scaling.timer); }
    scaling = {mv: mv, timer: setTimeout(function () {
      scaling = null;
      send('scale', mv.getAttribute('ms-id'), {x: Number(mv.getAttribute('ms-x')) || 0, y: Number(mv.getAttribute('ms-y')) || 0,
        scale: Number(mv.getAttribute('ms-scale'))});
    }, 200)};
  }, {capture: true, passive: false});
  // after a paint: each view inside its area, as the clients clamp x and y
  function layoutMovables() {
    var list = document.querySelectorAll('[ms-movable]');
    for (var i = 0; i < list.length; i++) {
      movableAt(list[i], Number(list[i].getAttribute('ms-x')) || 0, Number(list[i].getAttribute('ms-y')) || 0);
    }
  }
  var moving = null;
  document.addEventListener('mousedown', function (e) {
    var mv = e.button === 0 && !sheet ? movableOf(e.target) : null;
    if (!mv) { return; }
    moving = {mv: mv, x: e.clientX, y: e.clientY, x0: Number(mv.getAttribute('ms-x')) || 0,
      y0: Number(mv.getAttribute('ms-y')) || 0, dir: mv.getAttribute('ms-movable'), moved: false, at: null};
    e.preventDefault();
  }, true);
  document.addEventListener('mousemove', function (e) {
    if (!moving) { return; }
    var dx = moving.dir === 'vertical' ? 0 : e.clientX - moving.x, dy = moving.dir === 'horizontal' ? 0 : e.clientY - moving.y;
    if (!moving.moved && Math.abs(dx) + Math.abs(dy) <= 3) { return; }
    moving.moved = true;
    moving.at = movableAt(moving.mv, moving.x0 + dx, moving.y0 + dy);
  }, true);
  document.addEventListener('mouseup', function () {
    if (!moving) { return; }
    var m = moving;
    moving = null;
    if (!m.moved || !m.at) { return; }
    suppressClick = true;
    setTimeout(function () { suppressClick = false; }, 0);
    m.mv.setAttribute('ms-x', String(m.at[0]));
    m.mv.setAttribute('ms-y', String(m.at[1]));
    send('move', m.mv.getAttribute('ms-id'), {x: Math.round(m.at[0]), y: Math.round(m.at[1])});
  }, true);

  // ---------------------------------------------------------------- picker-view
  // Each column is a wheel: its rows as tall as the indicator ("其孩子节点的高度会自动设置成与
  // picker-view的选中框的高度一致"), turned so that the chosen row sits in the indicator. Dragged,
  // wheeled, or a row tapped, the column turns and stops on a row; the picker-view then tells
  // pickstart, pickend and change {value: the row of every column}.
  function pvOf(el) {
    for (; el && el.nodeType === 1; el = el.parentNode) {
      if (el.hasAttribute('ms-pv-col')) {
        var wrap = el.parentNode, pv = wrap && wrap.parentNode;
        return pv && pv.hasAttribute && pv.hasAttribute('ms-pv') ? {pv: pv, col: el} : null;
      }
    }
    return null;
  }
  function pvColumns(pv) {
    var wrap = pv.firstElementChild, out = [];
    for (var c = wrap && wrap.firstElementChild; c; c = c.nextElementSibling) {
      if (c.hasAttribute('ms-pv-col')) { out.push(c); }
    }
    return out;
  }
  function pvValue(pv) {
    try { var v = JSON.parse(pv.getAttribute('ms-pv') || '[]'); return Array.isArray(v) ? v : []; } catch (e) { return []; }
  }
  function pvContent(col) { return col.querySelector('.ms-pv-content'); }
  // sizes a column's rows and padding from its indicator; returns {rowH, n, content}
  function pvMeasure(col) {
    var ind = col.querySelector('.ms-pv-ind'), content = pvContent(col);
    var rowH = ind && ind.offsetHeight || 34, pad = Math.max(0, (col.clientHeight - rowH) / 2);
    var rows = content ? content.children : [];
    if (content) { content.style.paddingTop = content.style.paddingBottom = pad + 'px'; }
    for (var i = 0; i < rows.length; i++) { rows[i].style.height = rowH + 'px'; rows[i].style.overflow = 'hidden'; }
    var mask = col.querySelector('.ms-pv-mask');
    if (mask) { mask.style.backgroundSize = '100% ' + pad + 'px'; }
    return {rowH: rowH, n: rows.length, content: content};
  }
  function pvTurn(col, y, animate) {
    var content = pvContent(col);
    if (!content) { return; }
    content.style.webkitTransition = content.style.transition = animate ? '-webkit-transform .2s ease-out, transform .2s ease-out' : 'none';
    content.style.webkitTransform = content.style.transform = 'translateY(' + y + 'px)';
  }
  // a row beyond the column's last shows the last, as the docs say of a value too large
  function pvRow(m, row) { return Math.max(0, Math.min(m.n - 1, Math.round(Number(row) || 0))); }
  function layoutPickerViews() {
    var list = document.querySelectorAll('[ms-pv]');
    for (var i = 0; i < list.length; i++) {
      var cols = pvColumns(list[i]), value = pvValue(list[i]);
      for (var c = 0; c < cols.length; c++) {
        if (pvDrag && pvDrag.col === cols[c]) { continue; }
        var m = pvMeasure(cols[c]);
        pvTurn(cols[c], -pvRow(m, value[c]) * m.rowH, false);
      }
    }
  }
  // the column now stops on `row`: the picker-view keeps it and tells the simulator
  function pvChoose(pv, col, row, started) {
    var cols = pvColumns(pv), value = pvValue(pv), c = cols.indexOf(col), m = pvMeasure(col), id = pv.getAttribute('ms-id');
    row = pvRow(m, row);
    pvTurn(col, -row * m.rowH, true);
    var now = [];
    for (var k = 0; k < cols.length; k++) { now.push(k === c ? row : pvRow(pvMeasure(cols[k]), value[k])); }
    var changed = pvRow(m, value[c]) !== row || value.length !== cols.length;
    pv.setAttribute('ms-pv', JSON.stringify(now));
    if (!started) { send('pickstart', id, null); }
    send('pickend', id, null);
    // the simulator's change, told that pickstart and pickend were (a scenario's change tells them itself)
    if (changed) { send('pickerchange', id, now); }
  }
  var pvDrag = null, pvWheel = null;
  document.addEventListener('mousedown', function (e) {
    var at = e.button === 0 && !sheet ? pvOf(e.target) : null;
    if (!at) { return; }
    var m = pvMeasure(at.col), row = pvRow(m, pvValue(at.pv)[pvColumns(at.pv).indexOf(at.col)]);
    pvDrag = {pv: at.pv, col: at.col, y: e.clientY, y0: -row * m.rowH, m: m, moved: false, at: -row * m.rowH};
    e.preventDefault();
  }, true);
  document.addEventListener('mousemove', function (e) {
    if (!pvDrag) { return; }
    var dy = e.clientY - pvDrag.y;
    if (!pvDrag.moved && Math.abs(dy) <= 3) { return; }
    if (!pvDrag.moved) { pvDrag.moved = true; send('pickstart', pvDrag.pv.getAttribute('ms-id'), null); }
    // past either end the wheel gives half a row at most
    var m = pvDrag.m, low = -(m.n - 1) * m.rowH - m.rowH / 2, high = m.rowH / 2;
    pvDrag.at = Math.max(low, Math.min(high, pvDrag.y0 + dy));
    pvTurn(pvDrag.col, pvDrag.at, false);
  }, true);
  document.addEventListener('mouseup', function (e) {
    if (!pvDrag) { return; }
    var d = pvDrag;
    pvDrag = null;
    if (d.moved) {
      suppressClick = true;
      setTimeout(function () { suppressClick = false; }, 0);
      pvChoose(d.pv, d.col, -d.at / d.m.rowH, true);
      return;
    }
    // a row tapped outside the indicator turns the wheel to it (the tap is told as well)
    var content = pvContent(d.col);
    for (var el = e.target; el && el !== d.col; el = el.parentNode) {
      if (el.parentNode === content) {
        var row = Array.prototype.indexOf.call(content.children, el);
        if (row !== pvRow(d.m, -d.y0 / d.m.rowH)) { pvChoose(d.pv, d.col, row, false); }
        return;
      }
    }
  }, true);
  // the mouse wheel turns a column one row a notch; it stops 200 ms after the last notch
  document.addEventListener('wheel', function (e) {
    var at = !sheet ? pvOf(e.target) : null;
    if (!at || !e.deltaY) { return; }
    e.preventDefault();
    if (!pvWheel || pvWheel.col !== at.col) {
      var m = pvMeasure(at.col);
      pvWheel = {pv: at.pv, col: at.col, m: m, row: pvRow(m, pvValue(at.pv)[pvColumns(at.pv).indexOf(at.col)]), timer: 0};
      send('pickstart', at.pv.getAttribute('ms-id'), null);
    }
    var w = pvWheel;
    w.row = pvRow(w.m, w.row + (e.deltaY > 0 ? 1 : -1));
    pvTurn(w.col, -w.row * w.m.rowH, true);
    clearTimeout(w.timer);
    w.timer = setTimeout(function () { pvWheel = null; pvChoose(w.pv, w.col, w.row, true); }, 200);
  }, {capture: true, passive: false});
})();
