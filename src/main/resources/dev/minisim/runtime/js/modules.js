// CommonJS modules as the mini-program runtimes have them, over files that Java reads from inside
// the mini-program folder only. ES module syntax and TypeScript arrive here already rewritten to
// CommonJS (runtime/modules/EsmToCommonJs.java); `esm` holds the helpers that rewritten code calls,
// Babel's interop helpers by another name. Built-ins only through rt.primordials (see primordials.js).
(function (host, rt) {
  'use strict';
  const {
    ArrayPrototypePop, ArrayPrototypePush, JSONParse, ObjectDefineProperty, ObjectFreeze, ObjectKeys,
    ObjectPrototypeHasOwnProperty, Promise, ReflectApply, SafeMap, String, StringPrototypeCharAt,
    StringPrototypeEndsWith, StringPrototypeLastIndexOf, StringPrototypeSubstring, StringPrototypeToLowerCase,
    Error, SyntaxError, TypeError,
  } = rt.primordials;
  const cache = new SafeMap();
  const loading = [];

  const esm = ObjectFreeze({
    // a default import: an ES module's `default`, else the whole module.exports (Babel's
    // _interopRequireDefault)
    interop(m) { return m && m.__esModule ? m : { default: m }; },
    // a namespace import: an ES module itself, else a copy of module.exports with `default` added
    // (Babel's _interopRequireWildcard)
    star(m) {
      if (m && m.__esModule) return m;
      const ns = {};
      if (m != null && (typeof m === 'object' || typeof m === 'function')) {
        const keys = ObjectKeys(m);
        for (let i = 0; i < keys.length; i++) {
          if (keys[i] === 'default') continue;
          ObjectDefineProperty(ns, keys[i], { value: m[keys[i]], writable: true, enumerable: true, configurable: true });
        }
      }
      ObjectDefineProperty(ns, 'default', { value: m, writable: true, enumerable: true, configurable: true });
      return ns;
    },
    define(exports, getters) {
      const keys = ObjectKeys(getters);
      for (let i = 0; i < keys.length; i++) {
        ObjectDefineProperty(exports, keys[i], { enumerable: true, configurable: true, get: getters[keys[i]] });
      }
    },
    reexport(exports, m) {
      if (m == null) return;
      const keys = ObjectKeys(m);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k === 'default' || k === '__esModule' || ObjectPrototypeHasOwnProperty(exports, k)) continue;
        ObjectDefineProperty(exports, k, { enumerable: true, configurable: true, get: () => m[k] });
      }
    },
    // an imported function called as `f()`: the call gets no `this` (Babel's `(0, m.f)()`)
    bare(f) { return f; },
    // `export default function () {}` is named "default" in an ES module
    named(f) {
      if (typeof f === 'function' && f.name === '__esm_default') {
        ObjectDefineProperty(f, 'name', { value: 'default', configurable: true });
      }
    },
    // import('x'): the module's namespace, asynchronously
    importer(require) {
      return (spec) => new Promise((resolve) => resolve(esm.star(require(spec))));
    },
    meta: ObjectFreeze({ url: '' }),
  });

  function makeRequire(from) {
    function require(spec) {
      if (typeof spec !== 'string') throw new TypeError('require() needs a module path string, got ' + typeof spec);
      const resolved = host.resolveModule(from, spec);
      if (StringPrototypeCharAt(resolved, 0) === '!') {
        const err = new Error(StringPrototypeSubstring(resolved, 1));
        err.code = 'MODULE_NOT_FOUND';
        throw err;
      }
      return load(resolved);
    }
    require.resolve = (spec) => {
      const r = host.resolveModule(from, String(spec));
      if (StringPrototypeCharAt(r, 0) === '!') throw new Error(StringPrototypeSubstring(r, 1));
      return r;
    };
    require.cache = undefined;
    // WeChat's asynchronous require (subpackages): a Promise of the module; a failure rejects
    // with the error carrying mod and errMsg, what WeChat's docs have callers read
    // (.catch(({mod, errMsg}) => ...)); its code (MODULE_NOT_FOUND) stays
    require.async = (spec) => new Promise((resolve, reject) => {
      let m;
      try {
        m = require(spec);
      } catch (e) {
        const reason = e !== null && typeof e === 'object' ? e : { message: String(e) };
        ObjectDefineProperty(reason, 'mod', { value: spec, writable: true, enumerable: true, configurable: true });
        ObjectDefineProperty(reason, 'errMsg', { value: String(reason.message), writable: true, enumerable: true, configurable: true });
        reject(reason);
        return;
      }
      resolve(m);
    });
    return require;
  }

  function load(path) {
    const cached = cache.get(path);
    if (cached) return cached.exports;
    const module = { id: path, filename: path, exports: {}, loaded: false, children: [] };
    if (StringPrototypeEndsWith(StringPrototypeToLowerCase(path), '.json')) {
      const text = host.readText(path);
      try {
        module.exports = JSONParse(text);
      } catch (e) {
        throw new SyntaxError(path + ': invalid JSON: ' + e.message);
      }
      cache.set(path, module);
      return module.exports;
    }
    const fn = host.compileModule(path);
    if (typeof fn === 'string') {
      throw new SyntaxError(fn);
    }
    cache.set(path, module);
    ArrayPrototypePush(loading, path);
    try {
      const slash = StringPrototypeLastIndexOf(path, '/');
      const dir = slash >= 0 ? StringPrototypeSubstring(path, 0, slash) : '';
      ReflectApply(fn, module.exports, [module.exports, makeRequire(path), module, '/' + path, '/' + dir, esm]);
      module.loaded = true;
    } catch (e) {
      cache.delete(path);
      throw e;
    } finally {
      ArrayPrototypePop(loading);
    }
    return module.exports;
  }

  rt.require = (path) => load(path);
  rt.isLoaded = (path) => cache.has(path);
  // the file whose top-level code is running now (Page() and Component() register under it, by
  // its path without '.js': a page or component written in TypeScript stands for the same route)
  rt.loadingFile = () => {
    if (!loading.length) return null;
    const file = loading[loading.length - 1];
    return StringPrototypeEndsWith(file, '.ts') ? StringPrototypeSubstring(file, 0, file.length - 3) + '.js' : file;
  };
})
