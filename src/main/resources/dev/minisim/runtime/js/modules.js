// CommonJS modules as the mini-program runtimes have them, over files that Java reads from inside
// the mini-program folder only. ES module syntax and TypeScript arrive here already rewritten to
// CommonJS (runtime/modules/EsmToCommonJs.java); `esm` holds the helpers that rewritten code calls,
// Babel's interop helpers by another name.
(function (host, rt) {
  'use strict';
  const cache = new Map();
  const loading = [];
  const defineProperty = Object.defineProperty;
  const keys = Object.keys;
  const hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty);

  const esm = Object.freeze({
    // a default import: an ES module's `default`, else the whole module.exports (Babel's
    // _interopRequireDefault)
    interop(m) { return m && m.__esModule ? m : { default: m }; },
    // a namespace import: an ES module itself, else a copy of module.exports with `default` added
    // (Babel's _interopRequireWildcard)
    star(m) {
      if (m && m.__esModule) return m;
      const ns = {};
      if (m != null && (typeof m === 'object' || typeof m === 'function')) {
        for (const k of keys(m)) if (k !== 'default') ns[k] = m[k];
      }
      ns.default = m;
      return ns;
    },
    define(exports, getters) {
      for (const k of keys(getters)) {
        defineProperty(exports, k, { enumerable: true, configurable: true, get: getters[k] });
      }
    },
    reexport(exports, m) {
      if (m == null) return;
      for (const k of keys(m)) {
        if (k === 'default' || k === '__esModule' || hasOwn(exports, k)) continue;
        defineProperty(exports, k, { enumerable: true, configurable: true, get: () => m[k] });
      }
    },
    // an imported function called as `f()`: the call gets no `this` (Babel's `(0, m.f)()`)
    bare(f) { return f; },
    // `export default function () {}` is named "default" in an ES module
    named(f) {
      if (typeof f === 'function' && f.name === '__esm_default') {
        defineProperty(f, 'name', { value: 'default', configurable: true });
      }
    },
    // import('x'): the module's namespace, asynchronously
    importer(require) {
      return (spec) => new Promise((resolve) => resolve(esm.star(require(spec))));
    },
    meta: Object.freeze({ url: '' }),
  });

  function makeRequire(from) {
    function require(spec) {
      if (typeof spec !== 'string') throw new TypeError('require() needs a module path string, got ' + typeof spec);
      const resolved = host.resolveModule(from, spec);
      if (resolved.charAt(0) === '!') {
        const err = new Error(resolved.substring(1));
        err.code = 'MODULE_NOT_FOUND';
        throw err;
      }
      return load(resolved);
    }
    require.resolve = (spec) => {
      const r = host.resolveModule(from, String(spec));
      if (r.charAt(0) === '!') throw new Error(r.substring(1));
      return r;
    };
    require.cache = undefined;
    // WeChat's asynchronous require (subpackages): a Promise of the module
    require.async = (spec) => new Promise((resolve) => resolve(require(spec)));
    return require;
  }

  function load(path) {
    const cached = cache.get(path);
    if (cached) return cached.exports;
    const module = { id: path, filename: path, exports: {}, loaded: false, children: [] };
    if (/\.json$/i.test(path)) {
      const text = host.readText(path);
      try {
        module.exports = JSON.parse(text);
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
    loading.push(path);
    try {
      const dir = path.lastIndexOf('/') >= 0 ? path.substring(0, path.lastIndexOf('/')) : '';
      fn.call(module.exports, module.exports, makeRequire(path), module, '/' + path, '/' + dir, esm);
      module.loaded = true;
    } catch (e) {
      cache.delete(path);
      throw e;
    } finally {
      loading.pop();
    }
    return module.exports;
  }

  rt.require = (path) => load(path);
  rt.isLoaded = (path) => cache.has(path);
  // the file whose top-level code is running now (Page() and Component() register under it, by
  // its path without '.js': a page or component written in TypeScript stands for the same route)
  rt.loadingFile = () => (loading.length ? loading[loading.length - 1].replace(/\.ts$/, '.js') : null);
})
