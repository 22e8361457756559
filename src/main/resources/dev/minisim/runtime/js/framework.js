// App(), Page(), Component() used as a page, Behavior(), getApp(), getCurrentPages(), and the page
// instance: data, setData with path keys, route, options. The router (Java) decides which page
// lives and calls the hooks through rt.createPage / rt.callHook.
(function (host, rt) {
  'use strict';
  const {
    Array, ArrayIsArray, ArrayPrototypeFilter, ArrayPrototypeForEach, ArrayPrototypeIndexOf, ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeSlice,
    Boolean, Date, DatePrototype, DatePrototypeGetTime, Error, JSONParse, Number, Object, ObjectAssign, ObjectDefineProperty,
    ObjectFreeze, ObjectKeys, ObjectPrototypeIsPrototypeOf, ReflectApply, RegExpPrototypeExec, RegExpPrototypeGetSource, RegExpPrototype,
    SafeMap, String, StringPrototypeEndsWith, StringPrototypeSlice, FunctionPrototypeBind, TypeError,
    ReflectGetPrototypeOf, ObjectPrototype, ArrayPrototype,
  } = rt.primordials;
  const defs = new SafeMap();        // module path without ".js" -> { kind, options }
  const records = new SafeMap();     // page id -> { inst, def, route }
  let app;

  const stripJs = (file) => (StringPrototypeEndsWith(file, '.js') ? StringPrototypeSlice(file, 0, -3) : file);
  const isFn = (f) => typeof f === 'function';
  // brand checks, tried only on objects that inherit from the built-in's prototype (cheap for
  // the plain objects and arrays that make up page data)
  const brand = (proto, fn, v) => {
    if (!ObjectPrototypeIsPrototypeOf(proto, v)) return false;
    try { fn(v); return true; } catch (e) { return false; }
  };
  const isDate = (v) => brand(DatePrototype, DatePrototypeGetTime, v);
  const isRegExp = (v) => brand(RegExpPrototype, RegExpPrototypeGetSource, v);
  const callAll = (fns, self) => ArrayPrototypeForEach(fns, (f) => { ReflectApply(f, self, []); });

  function deepClone(v, seen) {
    if (v === null || typeof v !== 'object') return v;
    seen = seen || new SafeMap();
    if (seen.has(v)) return seen.get(v);
    // a plain object or array is no Date or RegExp: skip those brand checks (a thrown exception
    // each when they fail, slow in the interpreter; a region list of 10,000 objects took seconds)
    const proto = ReflectGetPrototypeOf(v);
    const plain = proto === ObjectPrototype || proto === ArrayPrototype || proto === null;
    if (!plain && isDate(v)) return new Date(DatePrototypeGetTime(v));
    if (!plain && isRegExp(v)) return v;
    const out = ArrayIsArray(v) ? [] : {};
    seen.set(v, out);
    const keys = ObjectKeys(v);
    for (let i = 0; i < keys.length; i++) {
      ObjectDefineProperty(out, keys[i], { value: deepClone(v[keys[i]], seen), writable: true, enumerable: true, configurable: true });
    }
    return out;
  }

  // WeChat's app service has `global` for values shared between files
  ObjectDefineProperty(globalThis, 'global', { value: globalThis, writable: true, configurable: true });

  // ------------------------------------------------------------------ App

  globalThis.App = function App(options) {
    if (options === null || typeof options !== 'object') throw new TypeError('App() expects an object');
    if (app) { host.warning('App() was called more than once; only the first call counts', rt.callerSource()); return; }
    app = options;
  };
  globalThis.getApp = function getApp(opts) {
    return app || (opts && opts.allowDefault ? (app = {}) : undefined);
  };
  rt.callAppHook = function (hook, argJson) {
    if (!app || !isFn(app[hook])) return false;
    app[hook](argJson === undefined ? undefined : JSONParse(argJson));
    return true;
  };
  rt.hasApp = () => !!app;

  // ------------------------------------------------------------------ Page / Component / Behavior

  function register(kind, options) {
    const file = rt.loadingFile();
    if (!file) throw new Error(kind + '() must be called at the top level of a page or component file');
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new TypeError((kind === 'page' ? 'Page' : 'Component') + '() expects an object');
    }
    const o = options || {};
    applyDefinitionFilters(o);
    defs.set(stripJs(file), kind === 'page' ? pageDefinition(o) : { kind, options: normalizeComponent(o) });
  }
  globalThis.Page = function Page(options) { register('page', options); };
  globalThis.Component = function Component(options) { register('component', options); };
  // A behavior keeps its definition and, when it has a definitionFilter, `filterDefinition`:
  // that function bound to the filters of the behaviors it uses (the definitionFilterArr the base
  // library passes), called with the definition of each component or behavior that uses it.
  globalThis.Behavior = function Behavior(options) {
    if (options !== undefined && (options === null || typeof options !== 'object')) throw new TypeError('Behavior() expects an object');
    const o = options || {};
    applyDefinitionFilters(o);
    const own = o.definitionFilter;
    let filterDefinition = null;
    if (isFn(own)) {
      const inner = filtersOf(o.behaviors);
      filterDefinition = function (defFields) { return ReflectApply(own, undefined, [defFields, ArrayPrototypeSlice(inner)]); };
    }
    return ObjectFreeze({ __minisimBehavior: true, options: o, filterDefinition });
  };

  // WeChat (custom-component/extend: definitionFilter): "when A uses B, declaring A calls B's
  // definitionFilter with A's definition object for B to filter; if B uses C and D, B decides
  // whether to call their definitionFilter on A's definition". So each behavior listed in a
  // definition filters that definition before its sections are read (it may add methods,
  // observers, lifetimes...); the filters of the behaviors' own behaviors are only passed along.
  function applyDefinitionFilters(def) {
    const list = def.behaviors;
    if (!ArrayIsArray(list)) return;
    for (let i = 0; i < list.length; i++) {
      const b = list[i];
      if (b && b.__minisimBehavior && b.filterDefinition) b.filterDefinition(def);
    }
  }
  function filtersOf(list) {
    const out = [];
    if (!ArrayIsArray(list)) return out;
    for (let i = 0; i < list.length; i++) {
      const b = list[i];
      if (b && b.__minisimBehavior && b.filterDefinition) ArrayPrototypePush(out, b.filterDefinition);
    }
    return out;
  }

  // Page({behaviors}) (WeChat 2.9.2+): the behaviors' data, methods, lifetimes and observers are
  // the page's too, merged as for a component; `mixed` holds them (null without behaviors), the
  // page's own fields stay in `options`.
  function pageDefinition(o) {
    const behaviors = ArrayIsArray(o.behaviors) && o.behaviors.length ? o.behaviors : null;
    return { kind: 'page', options: o, mixed: behaviors ? normalizeComponent({ behaviors }) : null };
  }

  const LIFETIMES = ['created', 'attached', 'ready', 'moved', 'detached', 'error'];
  const PAGE_LIFETIMES = ['show', 'hide', 'resize'];
  const ALIPAY_HOOKS = ['onInit', 'deriveDataFromProps', 'didMount', 'didUpdate', 'didUnmount'];

  // Flattens behaviors (WeChat) and mixins (Alipay), depth first, the component itself last, into
  // one definition, as the WeChat docs' rules for behaviors say: properties and methods of the
  // component override its behaviors', a later behavior's an earlier one's, a behavior's those
  // of the behaviors it uses; same-named data fields that are both objects are merged, others
  // overridden in that order; lifetimes and observers never override each other but are all
  // called (behaviors before the component, a used behavior before its user, earlier before
  // later), and a behavior used more than once by a component counts once.
  function normalizeComponent(options) {
    const out = { data: {}, properties: {}, methods: {}, lifetimes: {}, pageLifetimes: {}, observers: [], props: {}, hooks: {},
      relations: {}, behaviorList: [] };
    ArrayPrototypeForEach(LIFETIMES, (k) => { out.lifetimes[k] = []; });
    ArrayPrototypeForEach(PAGE_LIFETIMES, (k) => { out.pageLifetimes[k] = []; });
    ArrayPrototypeForEach(ALIPAY_HOOKS, (k) => { out.hooks[k] = []; });
    function mix(o) {
      ArrayPrototypeForEach(ArrayIsArray(o.behaviors) ? o.behaviors : [], (b) => {
        if (!b || !b.__minisimBehavior || ArrayPrototypeIndexOf(out.behaviorList, b) >= 0) return;
        ArrayPrototypePush(out.behaviorList, b);
        mix(b.options);
      });
      if (ArrayIsArray(o.mixins)) ArrayPrototypeForEach(o.mixins, (m) => { if (m !== null && typeof m === 'object') mix(m); });
      ObjectAssign(out.props, o.props !== null && typeof o.props === 'object' ? o.props : {});
      ArrayPrototypeForEach(ALIPAY_HOOKS, (k) => { if (isFn(o[k])) ArrayPrototypePush(out.hooks[k], o[k]); });
      mergeData(out.data, deepClone(o.data || {}));
      ObjectAssign(out.properties, o.properties || {});
      ObjectAssign(out.methods, o.methods || {});
      addObservers(out.observers, o.observers);
      // relations a behavior declares are the component's too (WeChat: a behavior's definition
      // sections merge into the component's)
      if (o.relations !== null && typeof o.relations === 'object') ObjectAssign(out.relations, o.relations);
      ArrayPrototypeForEach(LIFETIMES, (k) => {
        const f = (o.lifetimes && isFn(o.lifetimes[k])) ? o.lifetimes[k] : o[k];
        if (isFn(f)) ArrayPrototypePush(out.lifetimes[k], f);
      });
      ArrayPrototypeForEach(PAGE_LIFETIMES, (k) => {
        const f = o.pageLifetimes && o.pageLifetimes[k];
        if (isFn(f)) ArrayPrototypePush(out.pageLifetimes[k], f);
      });
    }
    mix(options);
    out.raw = options;
    return out;
  }
  // observers as {'a, b': fn} or as [{fields: 'a, b', observer: fn}] (the list form
  // definitionFilters such as miniprogram-computed's may produce), kept in order as {fields, fn}
  function addObservers(list, observers) {
    if (observers === null || typeof observers !== 'object') return;
    if (ArrayIsArray(observers)) {
      for (let i = 0; i < observers.length; i++) {
        const item = observers[i];
        if (item && typeof item.fields === 'string' && isFn(item.observer)) ArrayPrototypePush(list, { fields: item.fields, fn: item.observer });
      }
      return;
    }
    const keys = ObjectKeys(observers);
    for (let i = 0; i < keys.length; i++) if (isFn(observers[keys[i]])) ArrayPrototypePush(list, { fields: keys[i], fn: observers[keys[i]] });
  }
  const isPlainObject = (v) => v !== null && typeof v === 'object' && !ArrayIsArray(v) && ReflectGetPrototypeOf(v) === ObjectPrototype;
  // source's fields into target; a field that is an object on both sides is merged
  function mergeData(target, source) {
    const keys = ObjectKeys(source);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (isPlainObject(target[k]) && isPlainObject(source[k])) mergeData(target[k], source[k]);
      else target[k] = source[k];
    }
    return target;
  }

  function propertyDefault(spec) {
    if (spec && typeof spec === 'object' && !isFn(spec)) {
      if ('value' in spec) return deepClone(spec.value);
      spec = spec.type;
    }
    switch (spec) {
      case String: return '';
      case Number: return 0;
      case Boolean: return false;
      case Array: return [];
      case Object: return null;
      default: return null;
    }
  }
  function propertyFromQuery(spec, raw) {
    const type = spec && typeof spec === 'object' && !isFn(spec) ? spec.type : spec;
    if (type === Number) return Number(raw);
    if (type === Boolean) return raw === 'true' || raw === '1';
    return raw;
  }

  rt.pageKind = (route) => (defs.has(route) ? defs.get(route).kind : null);
  rt.componentDef = (path) => defs.get(path);
  rt.pageRecord = (id) => records.get(id);
  rt.deepClone = deepClone;
  rt.propertyDefault = propertyDefault;
  rt.componentNames = () => {
    const names = [];
    defs.forEach((d, name) => { ArrayPrototypePush(names, name); });
    return names;
  };

  // ------------------------------------------------------------------ the page instance

  // 'a.b[0].c' -> ['a', 'b', 0, 'c']: what the global /([^.[\]]+)|\[(\d+)\]/g finds, one match after
  // another (a name, or an index in brackets; anything else is skipped), scanned by hand so that
  // a setData does not start the regular-expression engine in every context (issue #11)
  function parsePath(path) {
    const parts = [];
    const n = path.length;
    let i = 0;
    while (i < n) {
      const c = path[i];
      if (c !== '.' && c !== '[' && c !== ']') {
        let j = i + 1;
        while (j < n && path[j] !== '.' && path[j] !== '[' && path[j] !== ']') j++;
        ArrayPrototypePush(parts, StringPrototypeSlice(path, i, j));
        i = j;
      } else if (c === '[') {
        let j = i + 1;
        while (j < n && path[j] >= '0' && path[j] <= '9') j++;
        if (j > i + 1 && j < n && path[j] === ']') {
          ArrayPrototypePush(parts, Number(StringPrototypeSlice(path, i + 1, j)));
          i = j + 1;
        } else {
          i++;
        }
      } else {
        i++;
      }
    }
    return parts;
  }
  rt.parsePath = parsePath;
  function setPath(target, path, value) {
    const parts = parsePath(path);
    let o = target;
    for (let i = 0; i < parts.length - 1; i++) {
      const k = parts[i];
      if (o[k] === null || typeof o[k] !== 'object') o[k] = typeof parts[i + 1] === 'number' ? [] : {};
      o = o[k];
    }
    o[parts[parts.length - 1]] = value;
  }
  rt.setPath = setPath;

  // observers: the merged list of a Component() page or of a Page()'s behaviors (or none)
  function makeSetData(id, route, observers) {
    return function setData(data, callback) {
      if (data === null || typeof data !== 'object' || ArrayIsArray(data)) {
        throw new TypeError('setData expects an object, got ' + (ArrayIsArray(data) ? 'an array' : typeof data));
      }
      const applied = {};
      const changed = [];
      const keys = ObjectKeys(data);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (data[key] === undefined) {
          host.warning('setData: setting "' + key + '" to undefined is invalid and was ignored', rt.callerSource());
          continue;
        }
        setPath(this.data, key, data[key]);
        ObjectDefineProperty(applied, key, { value: data[key], writable: true, enumerable: true, configurable: true });
        ArrayPrototypePush(changed, key);
      }
      // a page is a component in WeChat: its observers run inside setData, before the render
      if (observers && observers.length && changed.length) rt.fireObservers(this, observers, changed);
      host.setData(id, route, rt.toJson(applied));
      if (isFn(callback)) host.defer(FunctionPrototypeBind(callback, this));
    };
  }

  // the lifetimes, pageLifetimes and observers a page runs besides its on* hooks: a
  // Component() page's own merged definition, a Page()'s behaviors' (null when it has none)
  const componentSide = (def) => (def.kind === 'component' ? def.options : def.mixed);

  rt.createPage = function (id, route, queryJson) {
    const def = defs.get(route);
    const query = JSONParse(queryJson);
    const inst = {};
    const side = componentSide(def);
    if (def.kind === 'page') {
      // a behavior's methods, then a `methods` section (where a definitionFilter puts what it
      // adds), then the page's own fields, each overriding the one before
      if (side) ObjectAssign(inst, side.methods);
      const extra = def.options.methods;
      if (extra !== null && typeof extra === 'object') {
        const names = ObjectKeys(extra);
        for (let i = 0; i < names.length; i++) if (isFn(extra[names[i]])) inst[names[i]] = extra[names[i]];
      }
      const keys = ObjectKeys(def.options);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k === 'data' || ((k === 'behaviors' || k === 'methods') && side)) continue;
        inst[k] = isFn(def.options[k]) ? def.options[k] : deepClone(def.options[k]);
      }
      inst.data = side ? mergeData(deepClone(side.data), deepClone(def.options.data || {})) : deepClone(def.options.data || {});
    } else {
      const c = def.options;
      ObjectAssign(inst, c.methods);
      inst.data = deepClone(c.data);
      const names = ObjectKeys(c.properties);
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        inst.data[name] = name in query ? propertyFromQuery(c.properties[name], query[name]) : propertyDefault(c.properties[name]);
      }
      ObjectDefineProperty(inst, 'properties', { get() { return this.data; }, enumerable: false });
      ObjectDefineProperty(inst, 'triggerEvent', { value() {}, enumerable: false });
    }
    const hidden = {
      route, __route__: route, is: route, options: query, __wxWebviewId__: id, $id: id,
      setData: makeSetData(id, route, side ? side.observers : null),
      getOpenerEventChannel: () => rt.openerChannel(id),
      selectComponent: (selector) => rt.selectComponent(id, 'page', selector),
      selectAllComponents: (selector) => rt.selectAllComponents(id, 'page', selector),
      // the custom tab bar shown with this tab page (tabBar.custom); null elsewhere
      getTabBar: () => rt.selectComponent(id, 'page', 'custom-tab-bar'),
    };
    if (side) hidden.hasBehavior = (b) => ArrayPrototypeIndexOf(side.behaviorList, b) >= 0;
    const hiddenKeys = ObjectKeys(hidden);
    for (let i = 0; i < hiddenKeys.length; i++) {
      ObjectDefineProperty(inst, hiddenKeys[i], { value: hidden[hiddenKeys[i]], enumerable: false, writable: true, configurable: true });
    }
    if (rt.addViewMethods) rt.addViewMethods(inst);
    records.set(id, { inst, def, route });
    // created and attached come before onLoad, as for a component's page
    if (side) {
      callAll(side.lifetimes.created, inst);
      callAll(side.lifetimes.attached, inst);
    }
    return inst;
  };


  const COMPONENT_HOOKS = {
    onShow: ['pageLifetimes', 'show'],
    onHide: ['pageLifetimes', 'hide'],
    onReady: ['lifetimes', 'ready'],
    onUnload: ['lifetimes', 'detached'],
  };

  rt.callHook = function (id, hook, argJson) {
    const rec = records.get(id);
    if (!rec) return false;
    const arg = argJson === undefined ? undefined : JSONParse(argJson);
    let called = false;
    const side = componentSide(rec.def);
    if (side && COMPONENT_HOOKS[hook]) {
      const fns = side[COMPONENT_HOOKS[hook][0]][COMPONENT_HOOKS[hook][1]];
      if (fns.length) called = true;
      callAll(fns, rec.inst);
    }
    if (isFn(rec.inst[hook])) {
      called = true;
      rec.inst[hook](arg);
    }
    return called;
  };

  // a method of the page called by a scenario step: returns false when there is no such method
  rt.callMethod = function (id, name, argsJson) {
    const rec = records.get(id);
    if (!rec || !isFn(rec.inst[name])) return false;
    ReflectApply(rec.inst[name], rec.inst, JSONParse(argsJson));
    return true;
  };
  rt.methodNames = function (id) {
    const rec = records.get(id);
    if (!rec) return '';
    return ArrayPrototypeJoin(ArrayPrototypeFilter(ObjectKeys(rec.inst), (k) => isFn(rec.inst[k])), ', ');
  };
  rt.pageData = (id) => { const rec = records.get(id); return rec ? rt.toJson(rec.inst.data) : 'null'; };
  rt.dropPage = (id) => { records.delete(id); };

  globalThis.getCurrentPages = function getCurrentPages() {
    const ids = JSONParse(host.pageStack());
    const pages = [];
    for (let i = 0; i < ids.length; i++) {
      const rec = records.get(ids[i]);
      if (rec) ArrayPrototypePush(pages, rec.inst);
    }
    return pages;
  };
})
