// App(), Page(), Component() used as a page, Behavior(), getApp(), getCurrentPages(), and the page
// instance: data, setData with path keys, route, options. The router (Java) decides which page
// lives and calls the hooks through rt.createPage / rt.callHook.
(function (host, rt) {
  'use strict';
  const defs = new Map();        // module path without ".js" -> { kind, options }
  const records = new Map();     // page id -> { inst, def, route }
  let app;

  const stripJs = (file) => file.replace(/\.js$/, '');
  const isFn = (f) => typeof f === 'function';

  function deepClone(v, seen) {
    if (v === null || typeof v !== 'object') return v;
    seen = seen || new Map();
    if (seen.has(v)) return seen.get(v);
    if (v instanceof Date) return new Date(v.getTime());
    if (v instanceof RegExp) return v;
    const out = Array.isArray(v) ? [] : {};
    seen.set(v, out);
    for (const k of Object.keys(v)) out[k] = deepClone(v[k], seen);
    return out;
  }

  // WeChat's app service has `global` for values shared between files
  Object.defineProperty(globalThis, 'global', { value: globalThis, writable: true, configurable: true });

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
    app[hook](argJson === undefined ? undefined : JSON.parse(argJson));
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
    defs.set(stripJs(file), { kind, options: kind === 'page' ? (options || {}) : normalizeComponent(options || {}) });
  }
  globalThis.Page = function Page(options) { register('page', options); };
  globalThis.Component = function Component(options) { register('component', options); };
  globalThis.Behavior = function Behavior(options) {
    return Object.freeze({ __minisimBehavior: true, options: options || {} });
  };

  const LIFETIMES = ['created', 'attached', 'ready', 'moved', 'detached', 'error'];
  const PAGE_LIFETIMES = ['show', 'hide', 'resize'];

  // Flattens behaviors (depth first, the component itself last) into one definition whose
  // lifetimes are lists, as the runtime calls every behavior's hook.
  function normalizeComponent(options) {
    const out = { data: {}, properties: {}, methods: {}, lifetimes: {}, pageLifetimes: {}, observers: {} };
    LIFETIMES.forEach((k) => { out.lifetimes[k] = []; });
    PAGE_LIFETIMES.forEach((k) => { out.pageLifetimes[k] = []; });
    function mix(o) {
      (o.behaviors || []).forEach((b) => { if (b && b.__minisimBehavior) mix(b.options); });
      Object.assign(out.data, deepClone(o.data || {}));
      Object.assign(out.properties, o.properties || {});
      Object.assign(out.methods, o.methods || {});
      Object.assign(out.observers, o.observers || {});
      LIFETIMES.forEach((k) => {
        const f = (o.lifetimes && isFn(o.lifetimes[k])) ? o.lifetimes[k] : o[k];
        if (isFn(f)) out.lifetimes[k].push(f);
      });
      PAGE_LIFETIMES.forEach((k) => {
        const f = o.pageLifetimes && o.pageLifetimes[k];
        if (isFn(f)) out.pageLifetimes[k].push(f);
      });
    }
    mix(options);
    out.raw = options;
    return out;
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
  rt.componentNames = () => Array.from(defs.keys());

  // ------------------------------------------------------------------ the page instance

  function parsePath(path) {
    const parts = [];
    const re = /([^.[\]]+)|\[(\d+)\]/g;
    let m;
    while ((m = re.exec(path)) !== null) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    return parts;
  }
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

  function makeSetData(id, route) {
    return function setData(data, callback) {
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new TypeError('setData expects an object, got ' + (Array.isArray(data) ? 'an array' : typeof data));
      }
      const applied = {};
      for (const key of Object.keys(data)) {
        if (data[key] === undefined) {
          host.warning('setData: setting "' + key + '" to undefined is invalid and was ignored', rt.callerSource());
          continue;
        }
        setPath(this.data, key, data[key]);
        applied[key] = data[key];
      }
      host.setData(id, route, rt.toJson(applied));
      if (isFn(callback)) host.defer(callback.bind(this));
    };
  }

  rt.createPage = function (id, route, queryJson) {
    const def = defs.get(route);
    const query = JSON.parse(queryJson);
    const inst = {};
    if (def.kind === 'page') {
      for (const k of Object.keys(def.options)) {
        if (k !== 'data') inst[k] = isFn(def.options[k]) ? def.options[k] : deepClone(def.options[k]);
      }
      inst.data = deepClone(def.options.data || {});
    } else {
      const c = def.options;
      Object.assign(inst, c.methods);
      inst.data = deepClone(c.data);
      for (const name of Object.keys(c.properties)) {
        inst.data[name] = name in query ? propertyFromQuery(c.properties[name], query[name]) : propertyDefault(c.properties[name]);
      }
      Object.defineProperty(inst, 'properties', { get() { return this.data; }, enumerable: false });
      Object.defineProperty(inst, 'triggerEvent', { value() {}, enumerable: false });
    }
    const hidden = {
      route, __route__: route, is: route, options: query, __wxWebviewId__: id, $id: id,
      setData: makeSetData(id, route),
      getOpenerEventChannel: () => rt.openerChannel(id),
      selectComponent: (selector) => rt.selectComponent(id, 'page', selector),
      selectAllComponents: (selector) => rt.selectAllComponents(id, 'page', selector),
    };
    for (const k of Object.keys(hidden)) {
      Object.defineProperty(inst, k, { value: hidden[k], enumerable: false, writable: true, configurable: true });
    }
    records.set(id, { inst, def, route });
    if (def.kind === 'component') {
      def.options.lifetimes.created.forEach((f) => f.call(inst));
      def.options.lifetimes.attached.forEach((f) => f.call(inst));
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
    const arg = argJson === undefined ? undefined : JSON.parse(argJson);
    let called = false;
    if (rec.def.kind === 'component' && COMPONENT_HOOKS[hook]) {
      const [group, name] = COMPONENT_HOOKS[hook];
      rec.def.options[group][name].forEach((f) => { called = true; f.call(rec.inst); });
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
    rec.inst[name].apply(rec.inst, JSON.parse(argsJson));
    return true;
  };
  rt.methodNames = function (id) {
    const rec = records.get(id);
    if (!rec) return '';
    return Object.keys(rec.inst).filter((k) => isFn(rec.inst[k])).join(', ');
  };
  rt.pageData = (id) => { const rec = records.get(id); return rec ? rt.toJson(rec.inst.data) : 'null'; };
  rt.dropPage = (id) => { records.delete(id); };

  globalThis.getCurrentPages = function getCurrentPages() {
    return JSON.parse(host.pageStack()).map((id) => records.get(id)).filter(Boolean).map((r) => r.inst);
  };
})
