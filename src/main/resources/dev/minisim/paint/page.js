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
  document.addEventListener('click', function (e) {
    var t = e.target;
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
      var x = window.scrollX, y = window.scrollY, f = focusState(), missing = 0;
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
      return missing;
    },
    body: function (html) {
      var x = window.scrollX, y = window.scrollY, f = focusState();
      var root = document.body.firstElementChild;
      var holder = document.createElement('div');
      holder.innerHTML = html;
      document.body.replaceChild(holder.firstElementChild, root);
      window.scrollTo(x, y);
      restoreFocus(f);
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
})();
