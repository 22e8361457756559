// Custom component instances on a rendered page, and the handlers that events call.
//
// Java's screen (dev.minisim.screen) renders templates and decides where a component sits; it
// calls rt.mountComponent when a component element appears, rt.updateComponentProps when the
// parent re-renders it with other attributes, rt.componentLifetime for attached / ready /
// detached, and rt.callHandler for every event handler. An instance's setData goes back through
// host.componentSetData so only its subtree renders again.
//
// WeChat Component(): properties (type coercion, value defaults, observer), data, methods,
// lifetimes (also at top level), pageLifetimes, observers ('a, b', 'x.**'), behaviors,
// triggerEvent, selectComponent, externalClasses. Alipay Component(): props with defaults, props.onXxx
// as the parent's handlers, onInit, deriveDataFromProps, didMount, didUpdate(prevProps, prevData),
// didUnmount, mixins (their hooks first), $page, $id.
(function (host, rt) {
  'use strict';
  const instances = new Map();       // instance id -> { inst, def, pageId, alipay, props }
  const isFn = (f) => typeof f === 'function';
  const json = (v) => rt.toJson(v === undefined ? null : v);
  const same = (a, b) => a === b || json(a) === json(b);

  // --------------------------------------------------------------- WeChat property types

  function propType(spec) {
    if (spec && typeof spec === 'object' && !isFn(spec)) return spec.type === undefined ? null : spec.type;
    return spec === undefined ? null : spec;
  }
  function coerce(spec, value) {
    const type = propType(spec);
    if (value === undefined) return undefined;
    switch (type) {
      case String: return value === null ? '' : typeof value === 'object' ? json(value) : String(value);
      case Number: { const n = Number(value); return isNaN(n) ? 0 : n; }
      case Boolean: return !!value;
      case Array: return Array.isArray(value) ? value : [];
      case Object: return value !== null && typeof value === 'object' ? value : null;
      default: return value;
    }
  }

  // observers: keys 'a, b', 'a.b', 'list[0]', 'x.**', '**'; fired with the new values of each field
  function fireObservers(rec, changed) {
    const observers = rec.def.options.observers;
    for (const key of Object.keys(observers)) {
      const fields = key.split(',').map((s) => s.trim());
      const hit = fields.some((f) => changed.some((c) => observerMatches(f, c)));
      if (!hit) continue;
      const args = fields.map((f) => readPath(rec.inst.data, f.replace(/\.\*\*$/, '')));
      observers[key].apply(rec.inst, args);
    }
  }
  function observerMatches(field, changedPath) {
    if (field === '**') return true;
    const f = field.replace(/\.\*\*$/, '').replace(/\[(\d+)\]/g, '.$1');
    const c = changedPath.replace(/\[(\d+)\]/g, '.$1');
    if (c === f) return true;
    if (c.startsWith(f + '.')) return true;          // a change inside the field changes the field
    return f.startsWith(c + '.');                    // the field sits inside what changed
  }
  function readPath(data, path) {
    if (path === '**' || path === '') return data;
    let o = data;
    for (const p of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
      if (o === null || o === undefined) return undefined;
      o = o[p];
    }
    return o;
  }

  // --------------------------------------------------------------- the instance

  function makeInstance(id, pageId, defPath, def, alipay) {
    const page = rt.pageRecord(pageId);
    const inst = {};
    const rec = { id, inst, def, pageId, alipay, props: {}, defPath, updating: false, prevProps: null, prevData: null };
    const o = def.options;
    Object.assign(inst, o.methods);
    inst.data = rt.deepClone(o.data);
    const hidden = {
      is: defPath, __wxExparserNodeId__: id, $id: id, id: '', dataset: {},
      setData(data, callback) { setComponentData(rec, data, callback); },
      triggerEvent(name, detail, options) {
        host.triggerEvent(id, String(name), json(detail === undefined ? {} : detail), json(options || {}));
      },
      selectComponent(selector) { return selectOne(pageId, id, selector); },
      selectAllComponents(selector) { return selectAll(pageId, id, selector); },
      selectOwnerComponent() { return null; },
      getPageId() { return 'pageId:' + pageId; },
      hasBehavior(b) { return (o.behaviorList || []).indexOf(b) >= 0; },
      getRelationNodes(path) {
        const target = relationPath(defPath, String(path));
        return (rec.links || []).filter((l) => l.path === target).map((l) => l.inst);
      },
      createSelectorQuery() { return wxOrMy().createSelectorQuery().in(inst); },
      $page: page ? page.inst : undefined,
    };
    for (const k of Object.keys(hidden)) {
      Object.defineProperty(inst, k, { value: hidden[k], enumerable: false, writable: true, configurable: true });
    }
    rt.addViewMethods(inst);
    if (alipay) {
      inst.props = rt.deepClone(o.props);
    } else {
      for (const name of Object.keys(o.properties)) {
        if (!(name in inst.data)) inst.data[name] = rt.propertyDefault(o.properties[name]);
      }
      Object.defineProperty(inst, 'properties', { get() { return this.data; }, enumerable: false, configurable: true });
    }
    return rec;
  }
  // Methods a page and a component instance have that act on the view. Headless there is no
  // layout or animation: createIntersectionObserver gives the namespace's (a warning object),
  // animate / clearAnimation warn once and call their callback, so the flow goes on.
  rt.addViewMethods = function (inst) {
    const methods = {
      createIntersectionObserver() { const ns = wxOrMy(); return ns.createIntersectionObserver.apply(ns, arguments); },
      animate(selector, keyframes, duration, callback) {
        host.warning('animate(' + JSON.stringify(String(selector)) + ') does not run headless; its callback is called at once', rt.callerSource());
        if (isFn(callback)) host.defer(callback.bind(inst));
      },
      clearAnimation(selector, options, callback) {
        const cb = isFn(options) ? options : callback;
        if (isFn(cb)) host.defer(cb.bind(inst));
      },
    };
    for (const k of Object.keys(methods)) {
      if (k in inst) continue;
      Object.defineProperty(inst, k, { value: methods[k], enumerable: false, writable: true, configurable: true });
    }
  };

  function wxOrMy() { return typeof globalThis.wx === 'object' && globalThis.wx ? globalThis.wx : globalThis.my; }

  function setComponentData(rec, data, callback) {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new TypeError('setData expects an object, got ' + (Array.isArray(data) ? 'an array' : typeof data));
    }
    // Alipay: this.data becomes a new object whose untouched parts are the old ones, as in the
    // client, so didUpdate's prevData.x === this.data.x holds for what setData left alone
    // (antd-mini's mixins compare that way; a deep copy made every didUpdate call setData again)
    if (rec.alipay && !rec.updating) { rec.prevData = rec.inst.data; rec.prevProps = rec.inst.props; }
    const applied = {};
    const changed = [];
    for (const key of Object.keys(data)) {
      if (data[key] === undefined) {
        host.warning('setData: setting "' + key + '" to undefined is invalid and was ignored', rt.callerSource());
        continue;
      }
      if (rec.alipay) rec.inst.data = setShared(rec.inst.data, key, data[key]);
      else rt.setPath(rec.inst.data, key, data[key]);
      applied[key] = data[key];
      changed.push(key);
    }
    if (!rec.alipay && changed.length) fireObservers(rec, changed);
    host.componentSetData(rec.id, json(applied));
    if (isFn(callback)) host.defer(callback.bind(rec.inst));
  }

  // a copy of root with path set to value: the objects along the path are copied, the rest shared
  function setShared(root, path, value) {
    const parts = [];
    const re = /([^.[\]]+)|\[(\d+)\]/g;
    let m;
    while ((m = re.exec(path)) !== null) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    const copy = (o) => (Array.isArray(o) ? o.slice() : Object.assign({}, o));
    const top = copy(root);
    let o = top;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = o[parts[i]];
      o[parts[i]] = next !== null && typeof next === 'object' ? copy(next) : (typeof parts[i + 1] === 'number' ? [] : {});
      o = o[parts[i]];
    }
    o[parts[parts.length - 1]] = value;
    return top;
  }

  // the props of a new render, keeping the old value of each prop that did not change (so
  // prevProps.x === this.props.x holds for it, as in the client)
  function keepUnchanged(old, next) {
    for (const k of Object.keys(next)) {
      if (k in old && typeof next[k] !== 'function' && same(old[k], next[k])) next[k] = old[k];
    }
    return next;
  }

  function applyWeChatProps(rec, props, initial) {
    const o = rec.def.options;
    const changed = [];
    const calls = [];
    for (const name of Object.keys(props)) {
      if (!(name in o.properties)) continue;
      const spec = o.properties[name];
      const value = coerce(spec, props[name]);
      const old = rec.inst.data[name];
      if (same(old, value)) continue;
      rec.inst.data[name] = value;
      changed.push(name);
      const observer = spec && typeof spec === 'object' ? spec.observer : undefined;
      if (isFn(observer)) calls.push([observer, value, old]);
      else if (typeof observer === 'string' && isFn(rec.inst[observer])) calls.push([rec.inst[observer], value, old]);
    }
    calls.forEach(([f, v, old]) => f.call(rec.inst, v, old, []));
    if (changed.length) fireObservers(rec, changed);
    return changed.length > 0 || initial;
  }

  // Alipay props: defaults from the definition, onXxx attributes as the parent's handlers
  function alipayProps(rec, props) {
    const merged = Object.assign({}, rt.deepClone(rec.def.options.props));
    for (const k of Object.keys(props)) merged[k] = props[k];
    return merged;
  }

  // deriveDataFromProps of every mixin, then the component's; its setData is part of the update
  function derive(rec, nextProps) {
    const list = rec.def.options.hooks.deriveDataFromProps;
    if (!list.length) return;
    rec.updating = true;
    try { list.forEach((f) => f.call(rec.inst, nextProps)); } finally { rec.updating = false; }
  }

  // a handler given by the parent arrives as {__minisimHandler: {owner, name}}
  function revive(pageId, props) {
    const out = {};
    for (const k of Object.keys(props)) {
      const v = props[k];
      if (v && typeof v === 'object' && v.__minisimHandler) {
        const h = v.__minisimHandler;
        out[k] = function () {
          const target = ownerInstance(pageId, h.owner);
          if (!target || !isFn(target[h.name])) {
            host.warning('handler "' + h.name + '" given as ' + k + ' is not a method of ' + ownerName(pageId, h.owner), null);
            return undefined;
          }
          return target[h.name].apply(target, arguments);
        };
      } else {
        out[k] = v;
      }
    }
    return out;
  }

  function ownerInstance(pageId, owner) {
    if (owner === 'page') { const p = rt.pageRecord(pageId); return p ? p.inst : undefined; }
    const rec = instances.get(owner);
    return rec ? rec.inst : undefined;
  }
  function ownerName(pageId, owner) {
    if (owner === 'page') { const p = rt.pageRecord(pageId); return p ? 'page ' + p.route : 'the page'; }
    const rec = instances.get(owner);
    return rec ? 'component ' + rec.defPath : 'a component that is gone';
  }

  // What a component's template renders with. Alipay: the props at the top level, as `props`
  // too, then the data, and $id (antd-mini writes {{className}}, {{onTap ? 'onTap' : ''}},
  // {{$id}}); a function prop (a parent's handler) shows as true
  function renderData(rec) {
    if (!rec.alipay) return json(rec.inst.data);
    const props = {};
    for (const k of Object.keys(rec.inst.props || {})) {
      props[k] = isFn(rec.inst.props[k]) ? true : rec.inst.props[k];
    }
    return json(Object.assign({}, props, { props: props }, rec.inst.data, { $id: rec.id }));
  }

  // --------------------------------------------------------------- relations (WeChat)

  // a relation's key is a component path relative to the component that declares it
  function relationPath(from, key) {
    const parts = key.charAt(0) === '/' ? [] : from.split('/').slice(0, -1);
    for (const seg of key.split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.' && seg !== '') parts.push(seg);
    }
    return parts.join('/').replace(/\.js$/, '');
  }
  const REVERSE = { parent: 'child', ancestor: 'descendant' };
  function relationsOf(rec) {
    const r = rec.def.options.raw.relations;
    return r !== null && typeof r === 'object' ? r : {};
  }

  // Links a component that was just attached to the components around it: for each of its
  // parent/ancestor relations, the nearest (parent: the closest) ancestor instance of that path
  // that declares the reverse child/descendant relation; the ancestor's linked runs first.
  // ancestorsJson: the ancestor component instance ids, the nearest first.
  rt.linkRelations = function (id, ancestorsJson) {
    const rec = instances.get(id);
    if (!rec || rec.alipay) return;
    const ancestors = JSON.parse(ancestorsJson);
    const own = relationsOf(rec);
    for (const key of Object.keys(own)) {
      const rel = own[key];
      if (!rel || !REVERSE[rel.type]) continue;
      const target = relationPath(rec.defPath, key);
      for (const aid of rel.type === 'parent' ? ancestors.slice(0, 1) : ancestors) {
        const arec = instances.get(aid);
        if (!arec || arec.defPath !== target) continue;
        const theirs = relationsOf(arec);
        const backKey = Object.keys(theirs).find((k) => theirs[k] && theirs[k].type === REVERSE[rel.type]
          && relationPath(arec.defPath, k) === rec.defPath);
        if (backKey === undefined) continue;
        (arec.links = arec.links || []).push({ path: rec.defPath, inst: rec.inst });
        (rec.links = rec.links || []).push({ path: target, inst: arec.inst });
        if (isFn(theirs[backKey].linked)) theirs[backKey].linked.call(arec.inst, rec.inst);
        if (isFn(rel.linked)) rel.linked.call(rec.inst, arec.inst);
        break;
      }
    }
  };

  // --------------------------------------------------------------- entry points for Java

  // Creates an instance; returns its data as JSON (what its template renders with).
  rt.mountComponent = function (id, pageId, defPath, propsJson, alipay) {
    const def = rt.componentDef(defPath);
    if (!def || def.kind !== 'component') throw new Error(defPath + '.js did not call Component()');
    const rec = makeInstance(id, pageId, defPath, def, alipay);
    instances.set(id, rec);
    const props = revive(pageId, JSON.parse(propsJson));
    if (alipay) {
      const hooks = def.options.hooks;
      rec.inst.props = alipayProps(rec, props);
      rec.props = rec.inst.props;
      hooks.onInit.forEach((f) => f.call(rec.inst));
      derive(rec, rec.inst.props);
    } else {
      def.options.lifetimes.created.forEach((f) => f.call(rec.inst));
      applyWeChatProps(rec, props, true);
    }
    return renderData(rec);
  };

  // The parent rendered the component again; returns its data as JSON, or null when nothing changed.
  rt.updateComponentProps = function (id, propsJson) {
    const rec = instances.get(id);
    if (!rec) return null;
    const props = revive(rec.pageId, JSON.parse(propsJson));
    if (rec.alipay) {
      const next = alipayProps(rec, props);
      if (same(next, rec.inst.props)) return null;
      keepUnchanged(rec.inst.props, next);
      rec.prevProps = rec.inst.props;
      rec.prevData = rec.inst.data;
      derive(rec, next);
      rec.inst.props = next;
      return renderData(rec);
    }
    return applyWeChatProps(rec, props, false) ? json(rec.inst.data) : null;
  };

  rt.componentData = (id) => { const rec = instances.get(id); return rec ? renderData(rec) : 'null'; };

  // attached, ready, detached (WeChat lifetimes; Alipay: ready = didMount, detached = didUnmount,
  // updated = didUpdate(prevProps, prevData))
  rt.componentLifetime = function (id, name) {
    const rec = instances.get(id);
    if (!rec) return;
    if (name === 'detached') instances.delete(id);
    if (rec.alipay) {
      const hooks = rec.def.options.hooks;
      if (name === 'ready') hooks.didMount.forEach((f) => f.call(rec.inst));
      if (name === 'detached') hooks.didUnmount.forEach((f) => f.call(rec.inst));
      if (name === 'updated' && hooks.didUpdate.length && rec.prevProps !== null) {
        const prevProps = rec.prevProps, prevData = rec.prevData;
        rec.prevProps = null; rec.prevData = null;
        hooks.didUpdate.forEach((f) => f.call(rec.inst, prevProps, prevData));
      }
      return;
    }
    const list = rec.def.options.lifetimes[name];
    if (list) list.forEach((f) => f.call(rec.inst));
  };

  // the page is shown or hidden: every component on it hears pageLifetimes
  rt.componentPageLifetime = function (pageId, name) {
    for (const rec of Array.from(instances.values())) {
      if (rec.pageId !== pageId || rec.alipay) continue;
      const list = rec.def.options.pageLifetimes[name];
      if (list) list.forEach((f) => f.call(rec.inst));
    }
  };

  // The id and dataset the instance sees of its own element, set by the renderer.
  rt.componentIdentity = function (id, elementId, datasetJson) {
    const rec = instances.get(id);
    if (!rec) return;
    rec.inst.id = elementId;
    rec.inst.dataset = JSON.parse(datasetJson);
  };

  // Calls handler `name` of the page or component `owner` with the event; returns 'ok' or
  // 'missing' (no such method).
  rt.callHandler = function (pageId, owner, name, eventJson, argsJson) {
    const target = ownerInstance(pageId, owner);
    if (!target || !isFn(target[name])) return 'missing';
    const args = argsJson ? JSON.parse(argsJson) : [JSON.parse(eventJson)];
    target[name].apply(target, args);
    return 'ok';
  };

  // the page on top, where a query made by page code looks
  rt.currentPageId = () => host.topPageId();

  rt.ownerHasMethod = (pageId, owner, name) => { const t = ownerInstance(pageId, owner); return !!t && isFn(t[name]); };

  function selectAll(pageId, owner, selector) {
    const ids = JSON.parse(host.selectComponents(pageId, owner, String(selector)));
    return ids.map((i) => instances.get(i)).filter(Boolean).map((r) => r.inst);
  }
  function selectOne(pageId, owner, selector) {
    const all = selectAll(pageId, owner, selector);
    return all.length ? all[0] : null;
  }
  rt.selectComponent = selectOne;
  rt.selectAllComponents = selectAll;
  rt.componentInstance = (id) => { const rec = instances.get(id); return rec ? rec.inst : undefined; };

  // model:value — what the user typed goes into the owner's data, as the client's two-way binding does
  rt.modelSet = function (pageId, owner, path, valueJson) {
    const target = ownerInstance(pageId, owner);
    if (!target || !isFn(target.setData)) return;
    const change = {};
    change[path] = JSON.parse(valueJson);
    target.setData(change);
  };

  // a JSAPI called on the page's behalf (navigator's navigation), so the transcript shows it
  rt.invokeApi = function (ns, api, argsJson) {
    const p = rt.callAsync(ns, api, JSON.parse(argsJson));
    if (p && typeof p.catch === 'function') p.catch(() => {});
  };
})
