// The built-ins MiniSim's own JavaScript uses, captured once before any mini-program code runs
// (as Node's lib/internal/per_context/primordials.js does), so a page that overwrites
// `JSON.parse`, `Promise.prototype.then`, `Array.prototype.push`, `Map.prototype.get`, ... breaks
// only itself, never the bridge, the timers or the transcript.
//
// Convention for every bootstrap file (this one runs first; JsRuntime.BOOTSTRAP_FILES):
//   const { ArrayPrototypePush, JSONParse, ObjectKeys, SafeMap } = rt.primordials;
// and then use only those for built-in behaviour:
//   - a prototype method is uncurried: `ArrayPrototypePush(list, x)` for `list.push(x)`,
//     `FunctionPrototypeBind(fn, self)`, `RegExpPrototypeExec(re, s)`; a getter is
//     `MapPrototypeGetSize(map)`;
//   - a static is `ObjectKeys(o)`, `JSONParse(s)`, `PromiseResolve()`, `ReflectApply(f, self, args)`;
//   - a constructor keeps its name: `new Promise(...)`, `new Error(...)`, `new Proxy(...)`, taken
//     from this object, never from the global;
//   - SafeMap, SafeSet and SafeWeakMap are Map, Set and WeakMap whose methods were copied here, so
//     `map.get(k)` on them ignores a later `Map.prototype.get = ...`;
//   - no syntax that calls overridable built-ins behind the scenes: no `for...of` or spread over
//     arrays (they call Array.prototype[Symbol.iterator]), no array destructuring, no
//     `regex.test(s)` / `s.replace(regex, ...)` (they look up `exec`), no `promise.catch`
//     (it looks up `then`); use indexed loops, ReflectApply, RegExpPrototypeExec and
//     PromisePrototypeThen instead. Rest parameters and object destructuring are safe.
// A name used from here must be listed in CAPTURED below: that list is also what
// PoisonedBuiltinsTest overwrites from page code before checking that MiniSim still works.
(function (host, rt) {
  'use strict';

  // [where the built-in lives (as page code would write it), that object, the prefix of its names
  // here, its members]: written out, not derived from the path, since this runs in every context
  // (issue #11: deriving them was a third of this file's time in a warm run)
  const CAPTURED = [
    ['Object', Object, 'Object', ['keys', 'assign', 'defineProperty', 'freeze']],
    ['Object.prototype', Object.prototype, 'ObjectPrototype', ['hasOwnProperty', 'isPrototypeOf']],
    ['Array', Array, 'Array', ['isArray']],
    ['Array.prototype', Array.prototype, 'ArrayPrototype', ['push', 'pop', 'slice', 'filter', 'forEach', 'some', 'join', 'concat', 'includes', 'indexOf']],
    // call and apply are not used by name, but every uncurried method goes through the original call
    ['Function.prototype', Function.prototype, 'FunctionPrototype', ['call', 'apply', 'bind']],
    ['String.prototype', String.prototype, 'StringPrototype', ['charAt', 'indexOf', 'lastIndexOf', 'slice', 'substring', 'split', 'endsWith',
      'startsWith', 'trim', 'toLowerCase', 'valueOf']],
    ['Number', Number, 'Number', ['isNaN', 'isFinite']],
    ['Number.prototype', Number.prototype, 'NumberPrototype', ['valueOf']],
    ['Boolean.prototype', Boolean.prototype, 'BooleanPrototype', ['valueOf']],
    ['Symbol.prototype', Symbol.prototype, 'SymbolPrototype', ['toString']],
    ['RegExp.prototype', RegExp.prototype, 'RegExpPrototype', ['exec', 'source', 'hasIndices', 'global', 'ignoreCase', 'multiline', 'dotAll', 'unicode',
      'unicodeSets', 'sticky']],
    ['Date.prototype', Date.prototype, 'DatePrototype', ['getTime', 'toISOString', 'toString']],
    ['Map.prototype', Map.prototype, 'MapPrototype', ['get', 'set', 'has', 'delete', 'forEach', 'size']],
    ['Set.prototype', Set.prototype, 'SetPrototype', ['add', 'has', 'delete', 'forEach', 'size']],
    ['WeakMap.prototype', WeakMap.prototype, 'WeakMapPrototype', ['get', 'set', 'has']],
    ['Promise', Promise, 'Promise', ['resolve']],
    ['Promise.prototype', Promise.prototype, 'PromisePrototype', ['then']],
    ['JSON', JSON, 'JSON', ['parse', 'stringify']],
    ['Reflect', Reflect, 'Reflect', ['apply', 'construct', 'get', 'getPrototypeOf', 'set', 'ownKeys', 'defineProperty', 'deleteProperty',
      'getOwnPropertyDescriptor', 'preventExtensions']],
    ['Math', Math, 'Math', ['imul', 'pow', 'sin', 'cos', 'sqrt', 'abs']],
    // the constructors themselves, which ordinary code looks up on the global object
    ['globalThis', globalThis, '', ['Object', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'Date', 'Error', 'TypeError',
      'SyntaxError', 'Map', 'Set', 'WeakMap', 'Promise', 'Proxy', 'Math']],
  ];
  // Built-ins the plumbing must not reach through syntax either (for...of over an array, spread,
  // array destructuring); not captured, but overwritten by the poisoning test all the same.
  const NOT_USED = [
    ['Array.prototype', ['@@iterator']],
    ['%ArrayIteratorPrototype%', ['next']],
    ['Object.prototype', ['toJSON']],
    ['Array.prototype', ['toJSON']],
  ];

  const call = Function.prototype.call;
  const bind = Function.prototype.bind;
  // uncurryThis(Array.prototype.push)(list, x) === list.push(x) with the original push; a bound
  // function keeps its target, so overwriting Function.prototype.call later changes nothing
  const uncurryThis = bind.bind(call);
  const getOwnDescriptor = Object.getOwnPropertyDescriptor;
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;

  const p = Object.create(null);

  function capital(name) {
    return name.charAt(0).toUpperCase() + name.substring(1);
  }

  for (let i = 0; i < CAPTURED.length; i++) {
    const path = CAPTURED[i][0];
    const owner = CAPTURED[i][1];
    const prefix = CAPTURED[i][2];
    const members = CAPTURED[i][3];
    const isPrototype = prefix !== '' && prefix !== path; // 'ArrayPrototype' for 'Array.prototype'
    for (let j = 0; j < members.length; j++) {
      const name = members[j];
      const d = getOwnDescriptor(owner, name);
      if (d === undefined) throw new Error('primordials: ' + path + '.' + name + ' does not exist');
      if (prefix === '') {
        p[name] = d.value;
      } else if (d.get !== undefined) {
        p[prefix + 'Get' + capital(name)] = uncurryThis(d.get);
      } else if (isPrototype) {
        p[prefix + capital(name)] = uncurryThis(d.value);
      } else if (typeof d.value === 'function') {
        // statics keep their receiver (Promise.resolve needs `this` to be Promise)
        p[prefix + capital(name)] = bind.call(d.value, owner);
      } else {
        p[prefix + capital(name)] = d.value;
      }
    }
  }

  p.ObjectPrototype = Object.prototype;
  p.ArrayPrototype = Array.prototype;
  p.PromisePrototype = Promise.prototype;
  p.ErrorPrototype = Error.prototype;
  p.RegExpPrototype = RegExp.prototype;
  p.DatePrototype = Date.prototype;
  p.MapPrototype = Map.prototype;
  p.SetPrototype = Set.prototype;
  p.NumberPrototype = Number.prototype;
  p.StringPrototype = String.prototype;
  p.BooleanPrototype = Boolean.prototype;
  p.SymbolIterator = Symbol.iterator;
  p.SymbolToPrimitive = Symbol.toPrimitive;
  p.FunctionPrototype = Function.prototype;
  p.BigIntPrototype = BigInt.prototype;
  p.TypeErrorPrototype = TypeError.prototype;
  p.RangeErrorPrototype = RangeError.prototype;

  // Map, Set and WeakMap whose prototype methods are this moment's, copied onto a subclass; their
  // iterators are not made safe, so plumbing walks them with forEach only
  function makeSafe(Base) {
    class Safe extends Base {}
    const descriptors = Object.getOwnPropertyDescriptors(Base.prototype);
    delete descriptors.constructor;
    Object.defineProperties(Safe.prototype, descriptors);
    freeze(Safe.prototype);
    return freeze(Safe);
  }
  p.SafeMap = makeSafe(Map);
  p.SafeSet = makeSafe(Set);
  p.SafeWeakMap = makeSafe(WeakMap);

  // frozen, not behind a Proxy: every bootstrap file destructures ~15 names from it, and ~230
  // trap calls per context were a quarter of the bootstrap's CPU (issue #11, docs/benchmarks.md).
  // A name that is not captured is still found before any page runs: PoisonedBuiltinsTest
  // (everyNameTheBootstrapTakesFromPrimordialsIsCaptured) checks every destructured name.
  const checked = freeze(p);
  defineProperty(rt, 'primordials', { value: checked, enumerable: true });
  // "owner member" pairs, for the test that overwrites them all: made when asked, never in a run
  defineProperty(rt, 'primordialSources', {
    get() {
      const sources = [];
      // defined, not pushed: by now page code may have changed Array.prototype
      const add = (owner, name) => defineProperty(sources, sources.length,
        { value: owner + ' ' + name, writable: true, enumerable: true, configurable: true });
      for (let i = 0; i < CAPTURED.length; i++) {
        for (let j = 0; j < CAPTURED[i][3].length; j++) add(CAPTURED[i][0], CAPTURED[i][3][j]);
      }
      for (let i = 0; i < NOT_USED.length; i++) {
        for (let j = 0; j < NOT_USED[i][1].length; j++) add(NOT_USED[i][0], NOT_USED[i][1][j]);
      }
      return freeze(sources);
    },
  });
})
