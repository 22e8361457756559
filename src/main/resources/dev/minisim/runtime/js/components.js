// Custom component instances on a rendered page, and the handlers that events call.
//
// Java's screen (dev.minisim.screen) renders templates and decides where a component sits; it
// calls rt.mountComponent when a component element appears, rt.updateComponentProps when the
// parent re-renders it with other attributes (WeChat: also its first properties, after created),
// rt.componentLifetime for created / attached / ready / detached, and rt.callHandler for every event handler. An instance's setData goes back through
// host.componentSetData so only its subtree renders again.
//
// WeChat Component(): properties (type coercion, value defaults, observer), data, methods,
// lifetimes (also at top level), pageLifetimes, observers ('a, b', 'x.**'), behaviors,
// triggerEvent, selectComponent, externalClasses. Alipay Component(): props with defaults, props.onXxx
// as the parent's handlers, onInit, deriveDataFromProps, didMount, didUpdate(prevProps, prevData),
// didUnmount, mixins (their hooks first), $page, $id.
(function (host, rt) {
  'use strict';
  // Built-ins only through rt.primordials (see primordials.js)
  const {
    Array, ArrayIsArray, ArrayPrototypeConcat, ArrayPrototypeFilter, ArrayPrototypeIndexOf, ArrayPrototypeJoin, ArrayPrototypePop,
    ArrayPrototypePush, ArrayPrototypeSlice, StringPrototypeCharAt,
    ArrayPrototypeSome, Boolean, Error, FunctionPrototypeBind, JSONParse, JSONStringify, Number, NumberIsNaN, Object, ObjectAssign,
    ObjectDefineProperty, ObjectKeys, PromisePrototypeThen, ReflectApply, SafeMap, String,
    StringPrototypeEndsWith, StringPrototypeSlice, StringPrototypeSplit, StringPrototypeStartsWith,
    StringPrototypeTrim, TypeError,
  } = rt.primordials;
  const instances = new SafeMap();       // instance id -> { inst, def, pageId, alipay, props }
  const isFn = (f) => typeof f === 'function';
  const json = (v) => rt.toJson(v === undefined ? null : v);
  const same = (a, b) => a === b || json(a) === json(b);
  // each hook of a list (mixins' first), as list.forEach((f) => f.apply(self, args)) did
  function callEach(list, self, args) {
    for (let i = 0; i < list.length; i++) ReflectApply(list[i], self, args);
  }

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
      case Number: { const n = Number(value); return NumberIsNaN(n) ? 0 : n; }
      case Boolean: return !!value;
      case Array: return ArrayIsArray(value) ? value : [];
      case Object: return value !== null && typeof value === 'object' ? value : null;
      default: return value;
    }
  }

  // observers: fields 'a, b', 'a.b', 'list[0]', 'x.**', '**'; each entry of the merged list
  // ({fields, fn}, framework.js) whose fields a change touches is called with the new values of
  // its fields, in the list's order (behaviors' first)
  function fireObservers(rec, changed) {
    runObservers(rec.inst, rec.def.options.observers, changed);
  }
  function runObservers(inst, observers, changed) {
    for (let i = 0; i < observers.length; i++) {
      const fields = StringPrototypeSplit(observers[i].fields, ',');
      for (let j = 0; j < fields.length; j++) fields[j] = StringPrototypeTrim(fields[j]);
      const hit = ArrayPrototypeSome(fields, (f) => ArrayPrototypeSome(changed, (c) => observerMatches(f, c)));
      if (!hit) continue;
      const args = [];
      for (let j = 0; j < fields.length; j++) ArrayPrototypePush(args, readPath(inst.data, withoutDeep(fields[j])));
      ReflectApply(observers[i].fn, inst, args);
    }
  }
  // a page built with Component() (or a Page() with behaviors) runs its observers the same way
  rt.fireObservers = runObservers;
  // 'x.**' -> 'x' (what s.replace(/\.\*\*$/, '') gives)
  function withoutDeep(field) {
    return StringPrototypeEndsWith(field, '.**') ? StringPrototypeSlice(field, 0, -3) : field;
  }
  // 'list[0].a' -> 'list.0.a' (what s.replace(/\[(\d+)\]/g, '.$1') gives)
  // (scanned by hand: a regular expression in the bootstrap starts TRegex in every context)
  function bracketsToDots(path) {
    let out = '';
    let from = 0;
    for (let i = 0; i < path.length; i++) {
      if (path[i] !== '[') continue;
      let j = i + 1;
      while (j < path.length && path[j] >= '0' && path[j] <= '9') j++;
      if (j > i + 1 && j < path.length && path[j] === ']') {
        out += StringPrototypeSlice(path, from, i) + '.' + StringPrototypeSlice(path, i + 1, j);
        from = j + 1;
        i = j;
      }
    }
    return out + StringPrototypeSlice(path, from);
  }
  rt.bracketsToDots = bracketsToDots;
  function observerMatches(field, changedPath) {
    if (field === '**') return true;
    const f = bracketsToDots(withoutDeep(field));
    const c = bracketsToDots(changedPath);
    if (c === f) return true;
    if (StringPrototypeStartsWith(c, f + '.')) return true;   // a change inside the field changes the field
    return StringPrototypeStartsWith(f, c + '.');             // the field sits inside what changed
  }
  function readPath(data, path) {
    if (path === '**' || path === '') return data;
    let o = data;
    const parts = StringPrototypeSplit(bracketsToDots(path), '.');
    for (let i = 0; i < parts.length; i++) {
      if (o === null || o === undefined) return undefined;
      o = o[parts[i]];
    }
    return o;
  }

  // --------------------------------------------------------------- the instance

  function makeInstance(id, pageId, defPath, def, alipay) {
    const page = rt.pageRecord(pageId);
    const inst = {};
    const rec = { id, inst, def, pageId, alipay, props: {}, defPath, updating: false, prevProps: null, prevData: null };
    const o = def.options;
    ObjectAssign(inst, o.methods);
    inst.data = rt.deepClone(o.data);
    const hidden = {
      is: defPath, __wxExparserNodeId__: id, $id: id, id: '', dataset: {},
      setData(data, callback) { setComponentData(rec, data, callback); },
      // WeChat: runs callback at once; its setData calls render together, as every setData of
      // one task already does here (vant's tabs call it on SDK versions that have it)
      groupSetData(callback) { if (isFn(callback)) ReflectApply(callback, inst, []); },
      triggerEvent(name, detail, options) {
        host.triggerEvent(id, String(name), json(detail === undefined ? {} : detail), json(options || {}));
      },
      selectComponent(selector) { return selectOne(pageId, id, selector); },
      selectAllComponents(selector) { return selectAll(pageId, id, selector); },
      selectOwnerComponent() { return null; },
      getPageId() { return 'pageId:' + pageId; },
      hasBehavior(b) { return ArrayPrototypeIndexOf(o.behaviorList || [], b) >= 0; },
      // the partners of relation `key` (as declared, or a path naming the same component)
      getRelationNodes(key) {
        const want = String(key);
        const links = rec.links || [];
        const out = [];
        for (let i = 0; i < links.length; i++) {
          const k = links[i].key;
          if (k === want || relationPath(defPath, k) === relationPath(defPath, want)) ArrayPrototypePush(out, links[i].other.inst);
        }
        return out;
      },
      createSelectorQuery() { return wxOrMy().createSelectorQuery().in(inst); },
      $page: page ? page.inst : undefined,
    };
    const hiddenKeys = ObjectKeys(hidden);
    for (let i = 0; i < hiddenKeys.length; i++) {
      const k = hiddenKeys[i];
      ObjectDefineProperty(inst, k, { value: hidden[k], enumerable: false, writable: true, configurable: true });
    }
    rt.addViewMethods(inst);
    if (alipay) {
      inst.props = rt.deepClone(o.props);
    } else {
      const names = ObjectKeys(o.properties);
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        if (!(name in inst.data)) inst.data[name] = rt.propertyDefault(o.properties[name]);
      }
      ObjectDefineProperty(inst, 'properties', { get() { return this.data; }, enumerable: false, configurable: true });
    }
    return rec;
  }
  // Methods a page and a component instance have that act on the view. Headless there is no
  // layout or animation: createIntersectionObserver gives the namespace's (a warning object),
  // animate / clearAnimation warn once and call their callback, so the flow goes on.
  rt.addViewMethods = function (inst) {
    const methods = {
      createIntersectionObserver() { const ns = wxOrMy(); return ReflectApply(ns.createIntersectionObserver, ns, arguments); },
      animate(selector, keyframes, duration, callback) {
        host.warning('animate(' + JSONStringify(String(selector)) + ') does not run headless; its callback is called at once', rt.callerSource());
        if (isFn(callback)) host.defer(FunctionPrototypeBind(callback, inst));
      },
      clearAnimation(selector, options, callback) {
        const cb = isFn(options) ? options : callback;
        if (isFn(cb)) host.defer(FunctionPrototypeBind(cb, inst));
      },
    };
    const names = ObjectKeys(methods);
    for (let i = 0; i < names.length; i++) {
      const k = names[i];
      if (k in inst) continue;
      ObjectDefineProperty(inst, k, { value: methods[k], enumerable: false, writable: true, configurable: true });
    }
  };

  function wxOrMy() { return typeof globalThis.wx === 'object' && globalThis.wx ? globalThis.wx : globalThis.my; }

  function setComponentData(rec, data, callback) {
    if (data === null || typeof data !== 'object' || ArrayIsArray(data)) {
      throw new TypeError('setData expects an object, got ' + (ArrayIsArray(data) ? 'an array' : typeof data));
    }
    // Alipay: this.data becomes a new object whose untouched parts are the old ones, as in the
    // client, so didUpdate's prevData.x === this.data.x holds for what setData left alone
    // (antd-mini's mixins compare that way; a deep copy made every didUpdate call setData again)
    if (rec.alipay && !rec.updating) { rec.prevData = rec.inst.data; rec.prevProps = rec.inst.props; }
    const applied = {};
    const changed = [];
    const keys = ObjectKeys(data);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (data[key] === undefined) {
        host.warning('setData: setting "' + key + '" to undefined is invalid and was ignored', rt.callerSource());
        continue;
      }
      if (rec.alipay) rec.inst.data = setShared(rec.inst.data, key, data[key]);
      else rt.setPath(rec.inst.data, key, data[key]);
      applied[key] = data[key];
      ArrayPrototypePush(changed, key);
    }
    if (!rec.alipay && changed.length) fireObservers(rec, changed);
    host.componentSetData(rec.id, json(applied));
    if (isFn(callback)) host.defer(FunctionPrototypeBind(callback, rec.inst));
  }

  // a copy of root with path set to value: the objects along the path are copied, the rest shared
  function setShared(root, path, value) {
    const parts = rt.parsePath(path);
    const copy = (o) => (ArrayIsArray(o) ? ArrayPrototypeSlice(o) : ObjectAssign({}, o));
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
    const keys = ObjectKeys(next);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k in old && typeof next[k] !== 'function' && same(old[k], next[k])) next[k] = old[k];
    }
    return next;
  }

  function applyWeChatProps(rec, props) {
    const o = rec.def.options;
    const changed = [];
    const calls = [];
    const names = ObjectKeys(props);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (!(name in o.properties)) continue;
      const spec = o.properties[name];
      const value = coerce(spec, props[name]);
      const old = rec.inst.data[name];
      // a function compares by identity (its JSON is only "[Function]")
      if (typeof value === 'function' || typeof old === 'function' ? old === value : same(old, value)) continue;
      rec.inst.data[name] = value;
      ArrayPrototypePush(changed, name);
      const observer = spec && typeof spec === 'object' ? spec.observer : undefined;
      if (isFn(observer)) ArrayPrototypePush(calls, { f: observer, v: value, old });
      else if (typeof observer === 'string' && isFn(rec.inst[observer])) ArrayPrototypePush(calls, { f: rec.inst[observer], v: value, old });
    }
    if (changed.length) fireObservers(rec, changed);
    // the properties' own observer functions wait for the template to show the new values
    // (componentLifetime 'propertyObservers'), as in the client: glass-easel's DataGroup runs the
    // data observers, then tells the template engine, then "trigger prop observers (to simulating
    // legacy behaviors)" — vant's picker reads its new column components in its columns observer
    if (calls.length) rec.propCalls = rec.propCalls ? ArrayPrototypeConcat(rec.propCalls, calls) : calls;
    return changed.length > 0;
  }

  // Alipay props: defaults from the definition, onXxx attributes as the parent's handlers
  function alipayProps(rec, props) {
    const merged = ObjectAssign({}, rt.deepClone(rec.def.options.props));
    const keys = ObjectKeys(props);
    for (let i = 0; i < keys.length; i++) merged[keys[i]] = props[keys[i]];
    return merged;
  }

  // deriveDataFromProps of every mixin, then the component's; its setData is part of the update
  function derive(rec, nextProps) {
    const list = rec.def.options.hooks.deriveDataFromProps;
    if (!list.length) return;
    rec.updating = true;
    try { callEach(list, rec.inst, [nextProps]); } finally { rec.updating = false; }
  }

  // a handler given by the parent arrives as {__minisimHandler: {owner, name}}
  function revive(pageId, props, id) {
    const out = {};
    const keys = ObjectKeys(props);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const v = props[k];
      if (v && typeof v === 'object' && v.__minisimHandler) {
        const h = v.__minisimHandler;
        out[k] = function () {
          const target = ownerInstance(pageId, h.owner);
          if (!target || !isFn(target[h.name])) {
            host.warning('handler "' + h.name + '" given as ' + k + ' is not a method of ' + ownerName(pageId, h.owner), null);
            return undefined;
          }
          host.propHandler(id, k, h.name, rt.toJson(ArrayPrototypeSlice(arguments)));
          return ReflectApply(target[h.name], target, arguments);
        };
      } else if (v && typeof v === 'object' && v.__minisimFunction) {
        out[k] = ownersFunction(pageId, v.__minisimFunction);
      } else {
        out[k] = v;
      }
    }
    return out;
  }

  // a function in the owner's data given as a property (WeChat, Renderer.functionReference)
  // arrives as {__minisimFunction: {owner, path}}: the property gets that function itself, as in
  // the client; if the path no longer holds one, the text the render data had
  function ownersFunction(pageId, ref) {
    let v = ownerInstance(pageId, ref.owner);
    v = v ? v.data : undefined;
    for (let i = 0; i < ref.path.length && v !== null && v !== undefined; i++) v = v[ref.path[i]];
    return isFn(v) ? v : '[Function]';
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
    const keys = ObjectKeys(rec.inst.props || {});
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      props[k] = isFn(rec.inst.props[k]) ? true : rec.inst.props[k];
    }
    return json(ObjectAssign({}, props, { props: props }, rec.inst.data, { $id: rec.id }));
  }

  // --------------------------------------------------------------- relations (WeChat)

  // a relation's key is a component path relative to the component that declares it
  function relationPath(from, key) {
    const parts = StringPrototypeCharAt(key, 0) === '/' ? [] : ArrayPrototypeSlice(StringPrototypeSplit(from, '/'), 0, -1);
    const segs = StringPrototypeSplit(key, '/');
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i];
      if (seg === '..') ArrayPrototypePop(parts);
      else if (seg !== '.' && seg !== '') ArrayPrototypePush(parts, seg);
    }
    const joined = ArrayPrototypeJoin(parts, '/');
    return StringPrototypeEndsWith(joined, '.js') ? StringPrototypeSlice(joined, 0, joined.length - 3) : joined;
  }
  const REVERSE = { parent: 'child', ancestor: 'descendant' };
  // the relations of the definition, its behaviors' merged in (framework.js normalizeComponent)
  function relationsOf(rec) {
    const r = rec.def.options.relations;
    return r !== null && typeof r === 'object' ? r : {};
  }
  // Whether relation `key` of rec names other: with `target`, every component that has that
  // behavior; else the component at the key's path.
  function relationNames(rec, key, rel, other) {
    if (rel.target) return ArrayPrototypeIndexOf(other.def.options.behaviorList || [], rel.target) >= 0;
    return relationPath(rec.defPath, key) === other.defPath;
  }
  // the key of other's relation of `type` that names rec, or undefined
  function reverseKey(other, rec, type) {
    const theirs = relationsOf(other);
    const keys = ObjectKeys(theirs);
    for (let t = 0; t < keys.length; t++) {
      const rel = theirs[keys[t]];
      if (rel && rel.type === type && relationNames(other, keys[t], rel, rec)) return keys[t];
    }
    return undefined;
  }
  function callHook(rec, key, hook, otherInst) {
    const rel = relationsOf(rec)[key];
    if (rel && isFn(rel[hook])) ReflectApply(rel[hook], rec.inst, [otherInst]);
  }
  function linkOf(rec, key) {
    const links = rec.links || [];
    for (let i = 0; i < links.length; i++) if (links[i].key === key) return links[i];
    return null;
  }
  function dropLink(rec, other) {
    const kept = [];
    const links = rec.links || [];
    for (let j = 0; j < links.length; j++) if (links[j].other !== other) ArrayPrototypePush(kept, links[j]);
    rec.links = kept;
  }

  // Brings the links of the page's components in line with the tree (WeChat relations), after
  // each render pass that mounted components or may have moved linked ones. tree: [id,
  // [ancestor instance ids, the nearest first]] of every instance, in document order. For each
  // parent/ancestor relation of a component, its partner is the nearest (parent: the closest)
  // ancestor that the relation names and whose own child/descendant relation names it back. A new
  // link runs both linked hooks (the ancestor's first); a link whose partner went or changed runs
  // unlinked; a linked child whose place among its linked siblings changed runs linkChanged on
  // both sides. getRelationNodes then lists the partners in document order.
  // Returns whether any component on the page declares relations (else Java stops asking).
  rt.syncRelations = function (pageId, treeJson) {
    const tree = JSONParse(treeJson);
    const order = new SafeMap();
    let any = false;
    for (let i = 0; i < tree.length; i++) order.set(tree[i][0], i);
    for (let i = 0; i < tree.length; i++) {
      const rec = instances.get(tree[i][0]);
      if (!rec || rec.alipay) continue;
      const own = relationsOf(rec);
      const keys = ObjectKeys(own);
      if (keys.length) any = true;
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        const rel = own[key];
        if (!rel || !REVERSE[rel.type]) continue;
        const ancestors = tree[i][1];
        const candidates = rel.type === 'parent' ? ArrayPrototypeSlice(ancestors, 0, 1) : ancestors;
        let desired = null;
        let backKey;
        for (let a = 0; a < candidates.length && !desired; a++) {
          const arec = instances.get(candidates[a]);
          if (!arec || arec.alipay || !relationNames(rec, key, rel, arec)) continue;
          backKey = reverseKey(arec, rec, REVERSE[rel.type]);
          if (backKey !== undefined) desired = arec;
        }
        const current = linkOf(rec, key);
        if (current && current.other === desired) continue;
        if (current) {
          dropLink(rec, current.other);
          dropLink(current.other, rec);
          callHook(current.other, current.backKey, 'unlinked', rec.inst);
          callHook(rec, key, 'unlinked', current.other.inst);
        }
        if (desired) {
          ArrayPrototypePush(desired.links = desired.links || [], { key: backKey, other: rec, backKey: key });
          ArrayPrototypePush(rec.links = rec.links || [], { key, other: desired, backKey });
          callHook(desired, backKey, 'linked', rec.inst);
          callHook(rec, key, 'linked', desired.inst);
        }
      }
    }
    // document order of each component's linked children; a child whose place among the
    // children that were there before changed has moved
    for (let i = 0; i < tree.length; i++) {
      const rec = instances.get(tree[i][0]);
      if (!rec || !rec.links || !rec.links.length) continue;
      const links = ArrayPrototypeSlice(rec.links);
      sortBy(links, (l) => (order.has(l.other.id) ? order.get(l.other.id) : -1));
      rec.links = links;
      const before = rec.childOrder || [];
      const now = [];
      for (let j = 0; j < links.length; j++) {
        const rel = relationsOf(rec)[links[j].key];
        if (rel && (rel.type === 'child' || rel.type === 'descendant')) ArrayPrototypePush(now, links[j]);
      }
      rec.childOrder = now;
      const kept = ArrayPrototypeFilter(now, (l) => ArrayPrototypeSome(before, (b) => b.other === l.other));
      const old = ArrayPrototypeFilter(before, (b) => ArrayPrototypeSome(kept, (l) => l.other === b.other));
      for (let j = 0; j < kept.length; j++) {
        if (old[j].other === kept[j].other) continue;
        callHook(rec, kept[j].key, 'linkChanged', kept[j].other.inst);
        callHook(kept[j].other, kept[j].backKey, 'linkChanged', rec.inst);
      }
    }
    return any;
  };
  // a stable insertion sort (lists are short)
  function sortBy(list, rank) {
    for (let i = 1; i < list.length; i++) {
      const x = list[i];
      let j = i - 1;
      while (j >= 0 && rank(list[j]) > rank(x)) { list[j + 1] = list[j]; j--; }
      list[j + 1] = x;
    }
  }

  // A component leaves: each component it was linked to forgets it, and both unlinked hooks run
  // (the other side's first, as linked ran), as in the client.
  function unlinkRelations(rec) {
    const links = rec.links || [];
    rec.links = [];
    for (let i = 0; i < links.length; i++) {
      const other = links[i].other;
      dropLink(other, rec);
      if (other.childOrder) other.childOrder = ArrayPrototypeFilter(other.childOrder, (l) => l.other !== rec);
      callHook(other, links[i].backKey, 'unlinked', rec.inst);
      callHook(rec, links[i].key, 'unlinked', other.inst);
    }
  }

  // --------------------------------------------------------------- entry points for Java

  // Creates an instance; returns its data as JSON (what its template renders with).
  // WeChat: the instance with its default data only, as the client makes it: the renderer renders
  // its template with that data (its child components are created then), and only then come
  // componentLifetime(id, 'created') and updateComponentProps with the parent's properties (their
  // observers), so created and the first observers find the component's own children
  // (glass-easel Component.create: template initValues, then the created lifetime, then the
  // property values). propsJson is not read for WeChat. Alipay: onInit and deriveDataFromProps
  // with the props, as before.
  rt.mountComponent = function (id, pageId, defPath, propsJson, alipay) {
    const def = rt.componentDef(defPath);
    if (!def || def.kind !== 'component') throw new Error(defPath + '.js did not call Component()');
    const rec = makeInstance(id, pageId, defPath, def, alipay);
    instances.set(id, rec);
    if (alipay) {
      const hooks = def.options.hooks;
      rec.inst.props = alipayProps(rec, revive(pageId, JSONParse(propsJson), id));
      rec.props = rec.inst.props;
      callEach(hooks.onInit, rec.inst, []);
      derive(rec, rec.inst.props);
    }
    return renderData(rec);
  };

  // The parent rendered the component again; returns its data as JSON, or null when nothing changed.
  rt.updateComponentProps = function (id, propsJson) {
    const rec = instances.get(id);
    if (!rec) return null;
    const props = revive(rec.pageId, JSONParse(propsJson), id);
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
    return applyWeChatProps(rec, props) ? json(rec.inst.data) : null;
  };

  // WeChat's externalClasses of the instance's definition, as a JSON list
  rt.componentExternalClasses = (id) => {
    const rec = instances.get(id);
    const list = rec && !rec.alipay ? rec.def.options.raw.externalClasses : null;
    return json(ArrayIsArray(list) ? ArrayPrototypeFilter(list, (c) => typeof c === 'string') : []);
  };

  // options.virtualHost (WeChat) of the component defined at defPath: its element is not a node of the tree
  rt.componentVirtualHost = (defPath) => {
    const def = rt.componentDef(defPath);
    const o = def && def.kind === 'component' ? def.options.raw.options : null;
    return !!(o && o.virtualHost);
  };

  rt.componentData = (id) => { const rec = instances.get(id); return rec ? renderData(rec) : 'null'; };

  // created, attached, ready, detached (WeChat lifetimes; Alipay: ready = didMount, detached = didUnmount,
  // updated = didUpdate(prevProps, prevData))
  rt.componentLifetime = function (id, name) {
    const rec = instances.get(id);
    if (!rec) return;
    // a WeChat instance removed before it was attached (a re-render right after its parent's
    // created dropped it): it goes without detached, as in the client (glass-easel calls
    // detached only for an attached node)
    if (name === 'dropped') {
      instances.delete(id);
      unlinkRelations(rec);
      return;
    }
    // the observer functions of the properties that changed, now that the template rendered them
    if (name === 'propertyObservers') {
      const calls = rec.propCalls;
      rec.propCalls = null;
      for (let i = 0; calls && i < calls.length; i++) ReflectApply(calls[i].f, rec.inst, [calls[i].v, calls[i].old, []]);
      return;
    }
    if (name === 'detached') {
      instances.delete(id);
      unlinkRelations(rec);
    }
    if (rec.alipay) {
      const hooks = rec.def.options.hooks;
      if (name === 'ready') callEach(hooks.didMount, rec.inst, []);
      if (name === 'detached') callEach(hooks.didUnmount, rec.inst, []);
      if (name === 'updated' && hooks.didUpdate.length && rec.prevProps !== null) {
        const prevProps = rec.prevProps, prevData = rec.prevData;
        rec.prevProps = null; rec.prevData = null;
        callEach(hooks.didUpdate, rec.inst, [prevProps, prevData]);
      }
      return;
    }
    const list = rec.def.options.lifetimes[name];
    if (list) callEach(list, rec.inst, []);
  };

  // The same lifetime of several instances (ids: a JSON list, in order) in one call: the promise
  // jobs their hooks queue run after all of them, as in the client, where a new subtree's
  // attached hooks run in one go (vant's picker columns reset their index in attached, the
  // datetime picker sets it in a promise job that its own attached, earlier, queued)
  rt.componentLifetimes = function (idsJson, name) {
    const ids = JSONParse(idsJson);
    for (let i = 0; i < ids.length; i++) {
      try {
        rt.componentLifetime(ids[i], name);
      } catch (e) {
        const rec = instances.get(ids[i]);
        host.scriptError(e, name + ' of ' + (rec ? rec.defPath : 'a component'));
      }
    }
  };

  // the page is shown or hidden: every component on it hears pageLifetimes
  rt.componentPageLifetime = function (pageId, name) {
    const recs = [];   // a snapshot: a hook may mount or unmount components
    instances.forEach((rec) => { ArrayPrototypePush(recs, rec); });
    for (let i = 0; i < recs.length; i++) {
      const rec = recs[i];
      if (rec.pageId !== pageId || rec.alipay) continue;
      const list = rec.def.options.pageLifetimes[name];
      if (list) callEach(list, rec.inst, []);
    }
  };

  // The id and dataset the instance sees of its own element, set by the renderer.
  rt.componentIdentity = function (id, elementId, datasetJson) {
    const rec = instances.get(id);
    if (!rec) return;
    rec.inst.id = elementId;
    rec.inst.dataset = JSONParse(datasetJson);
  };

  // Calls handler `name` of the page or component `owner` with the event; returns 'ok' or
  // 'missing' (no such method).
  rt.callHandler = function (pageId, owner, name, eventJson, argsJson) {
    const target = ownerInstance(pageId, owner);
    if (!target || !isFn(target[name])) return 'missing';
    const args = argsJson ? JSONParse(argsJson) : [JSONParse(eventJson)];
    ReflectApply(target[name], target, args);
    return 'ok';
  };

  // the page on top, where a query made by page code looks
  rt.currentPageId = () => host.topPageId();

  rt.ownerHasMethod = (pageId, owner, name) => { const t = ownerInstance(pageId, owner); return !!t && isFn(t[name]); };

  function selectAll(pageId, owner, selector) {
    const ids = JSONParse(host.selectComponents(pageId, owner, String(selector)));
    const out = [];
    for (let i = 0; i < ids.length; i++) {
      const r = instances.get(ids[i]);
      if (r) ArrayPrototypePush(out, r.inst);
    }
    return out;
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
    change[path] = JSONParse(valueJson);
    target.setData(change);
  };

  // a JSAPI called on the page's behalf (navigator's navigation), so the transcript shows it
  rt.invokeApi = function (ns, api, argsJson) {
    const p = rt.callAsync(ns, api, JSONParse(argsJson));
    if (p && typeof p.catch === 'function') PromisePrototypeThen(p, undefined, () => {});
  };
})
