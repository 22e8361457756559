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
// A name used from here must be written in the literal `p` below and listed in captured(): that
// list is also what PoisonedBuiltinsTest overwrites from page code before checking that MiniSim
// still works, and the test checks that the two agree.
(function (host, rt) {
  'use strict';

  const call = Function.prototype.call;
  const bind = Function.prototype.bind;
  // uncurryThis(Array.prototype.push)(list, x) === list.push(x) with the original push; a bound
  // function keeps its target, so overwriting Function.prototype.call later changes nothing
  const uncurryThis = bind.bind(call);
  const getOwnDescriptor = Object.getOwnPropertyDescriptor;
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;
  function getter(owner, name) {
    return getOwnDescriptor(owner, name).get;
  }

  // Written out as one literal, not made in a loop over a table: this runs in every context, and
  // the interpreter builds a literal of named properties at once, where a loop of computed names
  // (descriptors, capitalising, concatenating, stores into a dictionary object) cost ~0.8 ms more
  // per context (issue #11, docs/benchmarks.md "Warm runs, round 5"). The naming rule: a method
  // of X.prototype is `XPrototypeName` (uncurried: the receiver comes first), a getter
  // `XPrototypeGetName`, a static `XName` (bound to X), a constructor its own name.
  // captured() below lists the same members; PoisonedBuiltinsTest checks that both agree.
  const p = {
    __proto__: null,
    // Object
    ObjectKeys: bind.call(Object.keys, Object),
    ObjectAssign: bind.call(Object.assign, Object),
    ObjectDefineProperty: bind.call(Object.defineProperty, Object),
    ObjectFreeze: bind.call(Object.freeze, Object),
    // Object.prototype
    ObjectPrototypeHasOwnProperty: uncurryThis(Object.prototype.hasOwnProperty),
    ObjectPrototypeIsPrototypeOf: uncurryThis(Object.prototype.isPrototypeOf),
    // Array
    ArrayIsArray: bind.call(Array.isArray, Array),
    // Array.prototype
    ArrayPrototypePush: uncurryThis(Array.prototype.push),
    ArrayPrototypePop: uncurryThis(Array.prototype.pop),
    ArrayPrototypeSlice: uncurryThis(Array.prototype.slice),
    ArrayPrototypeFilter: uncurryThis(Array.prototype.filter),
    ArrayPrototypeForEach: uncurryThis(Array.prototype.forEach),
    ArrayPrototypeSome: uncurryThis(Array.prototype.some),
    ArrayPrototypeJoin: uncurryThis(Array.prototype.join),
    ArrayPrototypeConcat: uncurryThis(Array.prototype.concat),
    ArrayPrototypeIncludes: uncurryThis(Array.prototype.includes),
    ArrayPrototypeIndexOf: uncurryThis(Array.prototype.indexOf),
    // Function.prototype
    FunctionPrototypeCall: uncurryThis(Function.prototype.call),
    FunctionPrototypeApply: uncurryThis(Function.prototype.apply),
    FunctionPrototypeBind: uncurryThis(Function.prototype.bind),
    // String.prototype
    StringPrototypeCharAt: uncurryThis(String.prototype.charAt),
    StringPrototypeIndexOf: uncurryThis(String.prototype.indexOf),
    StringPrototypeLastIndexOf: uncurryThis(String.prototype.lastIndexOf),
    StringPrototypeSlice: uncurryThis(String.prototype.slice),
    StringPrototypeSubstring: uncurryThis(String.prototype.substring),
    StringPrototypeSplit: uncurryThis(String.prototype.split),
    StringPrototypeEndsWith: uncurryThis(String.prototype.endsWith),
    StringPrototypeStartsWith: uncurryThis(String.prototype.startsWith),
    StringPrototypeTrim: uncurryThis(String.prototype.trim),
    StringPrototypeToLowerCase: uncurryThis(String.prototype.toLowerCase),
    StringPrototypeValueOf: uncurryThis(String.prototype.valueOf),
    // Number
    NumberIsNaN: bind.call(Number.isNaN, Number),
    NumberIsFinite: bind.call(Number.isFinite, Number),
    // Number.prototype
    NumberPrototypeValueOf: uncurryThis(Number.prototype.valueOf),
    // Boolean.prototype
    BooleanPrototypeValueOf: uncurryThis(Boolean.prototype.valueOf),
    // Symbol.prototype
    SymbolPrototypeToString: uncurryThis(Symbol.prototype.toString),
    // RegExp.prototype
    RegExpPrototypeExec: uncurryThis(RegExp.prototype.exec),
    RegExpPrototypeGetSource: uncurryThis(getter(RegExp.prototype, 'source')),
    RegExpPrototypeGetHasIndices: uncurryThis(getter(RegExp.prototype, 'hasIndices')),
    RegExpPrototypeGetGlobal: uncurryThis(getter(RegExp.prototype, 'global')),
    RegExpPrototypeGetIgnoreCase: uncurryThis(getter(RegExp.prototype, 'ignoreCase')),
    RegExpPrototypeGetMultiline: uncurryThis(getter(RegExp.prototype, 'multiline')),
    RegExpPrototypeGetDotAll: uncurryThis(getter(RegExp.prototype, 'dotAll')),
    RegExpPrototypeGetUnicode: uncurryThis(getter(RegExp.prototype, 'unicode')),
    RegExpPrototypeGetUnicodeSets: uncurryThis(getter(RegExp.prototype, 'unicodeSets')),
    RegExpPrototypeGetSticky: uncurryThis(getter(RegExp.prototype, 'sticky')),
    // Date.prototype
    DatePrototypeGetTime: uncurryThis(Date.prototype.getTime),
    DatePrototypeToISOString: uncurryThis(Date.prototype.toISOString),
    DatePrototypeToString: uncurryThis(Date.prototype.toString),
    // Map.prototype
    MapPrototypeGet: uncurryThis(Map.prototype.get),
    MapPrototypeSet: uncurryThis(Map.prototype.set),
    MapPrototypeHas: uncurryThis(Map.prototype.has),
    MapPrototypeDelete: uncurryThis(Map.prototype.delete),
    MapPrototypeForEach: uncurryThis(Map.prototype.forEach),
    MapPrototypeGetSize: uncurryThis(getter(Map.prototype, 'size')),
    // Set.prototype
    SetPrototypeAdd: uncurryThis(Set.prototype.add),
    SetPrototypeHas: uncurryThis(Set.prototype.has),
    SetPrototypeDelete: uncurryThis(Set.prototype.delete),
    SetPrototypeForEach: uncurryThis(Set.prototype.forEach),
    SetPrototypeGetSize: uncurryThis(getter(Set.prototype, 'size')),
    // WeakMap.prototype
    WeakMapPrototypeGet: uncurryThis(WeakMap.prototype.get),
    WeakMapPrototypeSet: uncurryThis(WeakMap.prototype.set),
    WeakMapPrototypeHas: uncurryThis(WeakMap.prototype.has),
    // Promise
    PromiseResolve: bind.call(Promise.resolve, Promise),
    // Promise.prototype
    PromisePrototypeThen: uncurryThis(Promise.prototype.then),
    // JSON
    JSONParse: bind.call(JSON.parse, JSON),
    JSONStringify: bind.call(JSON.stringify, JSON),
    // Reflect
    ReflectApply: bind.call(Reflect.apply, Reflect),
    ReflectConstruct: bind.call(Reflect.construct, Reflect),
    ReflectGet: bind.call(Reflect.get, Reflect),
    ReflectGetPrototypeOf: bind.call(Reflect.getPrototypeOf, Reflect),
    ReflectSet: bind.call(Reflect.set, Reflect),
    ReflectOwnKeys: bind.call(Reflect.ownKeys, Reflect),
    ReflectDefineProperty: bind.call(Reflect.defineProperty, Reflect),
    ReflectDeleteProperty: bind.call(Reflect.deleteProperty, Reflect),
    ReflectGetOwnPropertyDescriptor: bind.call(Reflect.getOwnPropertyDescriptor, Reflect),
    ReflectPreventExtensions: bind.call(Reflect.preventExtensions, Reflect),
    // Math
    MathImul: bind.call(Math.imul, Math),
    MathPow: bind.call(Math.pow, Math),
    MathSin: bind.call(Math.sin, Math),
    MathCos: bind.call(Math.cos, Math),
    MathSqrt: bind.call(Math.sqrt, Math),
    MathAbs: bind.call(Math.abs, Math),
    // globalThis
    Object, Array, String, Number, Boolean, Symbol, Date, Error, TypeError, SyntaxError, Map, Set,
    WeakMap, Promise, Proxy, Math,

    ObjectPrototype: Object.prototype,
    ArrayPrototype: Array.prototype,
    PromisePrototype: Promise.prototype,
    ErrorPrototype: Error.prototype,
    RegExpPrototype: RegExp.prototype,
    DatePrototype: Date.prototype,
    MapPrototype: Map.prototype,
    SetPrototype: Set.prototype,
    NumberPrototype: Number.prototype,
    StringPrototype: String.prototype,
    BooleanPrototype: Boolean.prototype,
    SymbolIterator: Symbol.iterator,
    SymbolToPrimitive: Symbol.toPrimitive,
    FunctionPrototype: Function.prototype,
    BigIntPrototype: BigInt.prototype,
    TypeErrorPrototype: TypeError.prototype,
    RangeErrorPrototype: RangeError.prototype,

    SafeMap: makeSafe(Map),
    SafeSet: makeSafe(Set),
    SafeWeakMap: makeSafe(WeakMap),
  };

  // Map, Set and WeakMap whose prototype methods are this moment's, copied onto a subclass (the
  // literal above calls it; a function declaration is there first); their iterators are not made
  // safe, so plumbing walks them with forEach only
  function makeSafe(Base) {
    class Safe extends Base {}
    const descriptors = Object.getOwnPropertyDescriptors(Base.prototype);
    delete descriptors.constructor;
    Object.defineProperties(Safe.prototype, descriptors);
    freeze(Safe.prototype);
    return freeze(Safe);
  }

  // frozen, not behind a Proxy: every bootstrap file destructures ~15 names from it, and ~230
  // trap calls per context were a quarter of the bootstrap's CPU (issue #11, docs/benchmarks.md).
  // A name that is not captured is still found before any page runs: PoisonedBuiltinsTest
  // (everyNameTheBootstrapTakesFromPrimordialsIsCaptured) checks every destructured name.
  const checked = freeze(p);
  defineProperty(rt, 'primordials', { value: checked, enumerable: true });
  // What the page-facing built-ins above are, for the tests only and made only when asked (never in
  // a run): [where the built-in lives, as page code would write it; the prefix of its names here;
  // its members].
  function captured() {
    return [
      ['Object', 'Object', ['keys', 'assign', 'defineProperty', 'freeze']],
      ['Object.prototype', 'ObjectPrototype', ['hasOwnProperty', 'isPrototypeOf']],
      ['Array', 'Array', ['isArray']],
      ['Array.prototype', 'ArrayPrototype', ['push', 'pop', 'slice', 'filter', 'forEach', 'some', 'join',
        'concat', 'includes', 'indexOf']],
      // call and apply are not used by name, but every uncurried method goes through the original call
      ['Function.prototype', 'FunctionPrototype', ['call', 'apply', 'bind']],
      ['String.prototype', 'StringPrototype', ['charAt', 'indexOf', 'lastIndexOf', 'slice', 'substring',
        'split', 'endsWith', 'startsWith', 'trim', 'toLowerCase', 'valueOf']],
      ['Number', 'Number', ['isNaN', 'isFinite']],
      ['Number.prototype', 'NumberPrototype', ['valueOf']],
      ['Boolean.prototype', 'BooleanPrototype', ['valueOf']],
      ['Symbol.prototype', 'SymbolPrototype', ['toString']],
      ['RegExp.prototype', 'RegExpPrototype', ['exec', 'source', 'hasIndices', 'global', 'ignoreCase',
        'multiline', 'dotAll', 'unicode', 'unicodeSets', 'sticky']],
      ['Date.prototype', 'DatePrototype', ['getTime', 'toISOString', 'toString']],
      ['Map.prototype', 'MapPrototype', ['get', 'set', 'has', 'delete', 'forEach', 'size']],
      ['Set.prototype', 'SetPrototype', ['add', 'has', 'delete', 'forEach', 'size']],
      ['WeakMap.prototype', 'WeakMapPrototype', ['get', 'set', 'has']],
      ['Promise', 'Promise', ['resolve']],
      ['Promise.prototype', 'PromisePrototype', ['then']],
      ['JSON', 'JSON', ['parse', 'stringify']],
      ['Reflect', 'Reflect', ['apply', 'construct', 'get', 'getPrototypeOf', 'set', 'ownKeys',
        'defineProperty', 'deleteProperty', 'getOwnPropertyDescriptor', 'preventExtensions']],
      ['Math', 'Math', ['imul', 'pow', 'sin', 'cos', 'sqrt', 'abs']],
      // the constructors themselves, which ordinary code looks up on the global object
      ['globalThis', '', ['Object', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'Date', 'Error',
        'TypeError', 'SyntaxError', 'Map', 'Set', 'WeakMap', 'Promise', 'Proxy', 'Math']],
    ];
  }
  // Built-ins the plumbing must not reach through syntax either (for...of over an array, spread,
  // array destructuring); not captured, but overwritten by the poisoning test all the same.
  function notUsed() {
    return [
      ['Array.prototype', ['@@iterator']],
      ['%ArrayIteratorPrototype%', ['next']],
      ['Object.prototype', ['toJSON']],
      ['Array.prototype', ['toJSON']],
    ];
  }
  // "owner member" pairs: every captured member, then the ones not used (PoisonedBuiltinsTest
  // overwrites them all from page code); primordialCaptured: [owner, prefix, members] of the first
  function pairs(lists, membersAt) {
    const out = [];
    // defined, not pushed: by now page code may have changed Array.prototype
    const add = (owner, name) => defineProperty(out, out.length,
      { value: owner + ' ' + name, writable: true, enumerable: true, configurable: true });
    for (let i = 0; i < lists.length; i++) {
      for (let j = 0; j < lists[i][membersAt].length; j++) add(lists[i][0], lists[i][membersAt][j]);
    }
    return out;
  }
  defineProperty(rt, 'primordialSources', {
    get() {
      const sources = pairs(captured(), 2);
      const more = pairs(notUsed(), 1);
      for (let i = 0; i < more.length; i++) defineProperty(sources, sources.length,
        { value: more[i], writable: true, enumerable: true, configurable: true });
      return freeze(sources);
    },
  });
  defineProperty(rt, 'primordialCaptured', { get: () => freeze(captured()) });
})
