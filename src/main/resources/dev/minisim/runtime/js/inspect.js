// Formats values the way a devtools console shows them: strings as they are, objects and arrays as
// readable JSON-like text, errors with message and stack. Never "[object Object]".
// Built-ins only through rt.primordials (see primordials.js), so a page cannot break the console
// or the transcript by overwriting JSON.stringify or Object.prototype.toJSON.
(function (host, rt) {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypeJoin, BooleanPrototype, DatePrototype, MapPrototype, NumberPrototype, SetPrototype,
    StringPrototype, ArrayPrototypePop, ArrayPrototypePush, ArrayPrototypeIncludes,
    DatePrototypeGetTime, DatePrototypeToISOString, Error, ErrorPrototype, JSONStringify, MapPrototypeForEach,
    MapPrototypeGetSize, NumberIsFinite, NumberIsNaN, NumberPrototypeValueOf, BooleanPrototypeValueOf,
    ObjectKeys, ObjectPrototype, ArrayPrototype, ObjectPrototypeHasOwnProperty, ObjectPrototypeIsPrototypeOf,
    PromisePrototype, ReflectApply, ReflectGet, ReflectGetPrototypeOf, RegExpPrototype, RegExpPrototypeGetSource, RegExpPrototypeGetHasIndices,
    RegExpPrototypeGetGlobal, RegExpPrototypeGetIgnoreCase, RegExpPrototypeGetMultiline, RegExpPrototypeGetDotAll,
    RegExpPrototypeGetUnicode, RegExpPrototypeGetUnicodeSets, RegExpPrototypeGetSticky,
    SetPrototypeForEach, SetPrototypeGetSize, String, StringPrototypeIndexOf,
    StringPrototypeValueOf, Symbol, SymbolPrototypeToString,
    BigIntPrototype, FunctionPrototype, SymbolToPrimitive, TypeErrorPrototype, RangeErrorPrototype,
  } = rt.primordials;
  const MAX_DEPTH = 4;
  const MAX_ITEMS = 50;
  // what /^[A-Za-z_$][\w$]*$/ accepts, checked by hand: no regular-expression engine for a
  // console.log or an API call (issue #11: starting TRegex costs a cold run 0.1 s and more)
  function isWordChar(c, first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$' || (!first && c >= '0' && c <= '9');
  }
  function isIdentifier(k) {
    if (k.length === 0) return false;
    for (let i = 0; i < k.length; i++) if (!isWordChar(k[i], i === 0)) return false;
    return true;
  }

  // brand checks that ask the built-in itself, after a cheap look at the prototype chain so that
  // plain objects and arrays never pay for a thrown TypeError
  function brand(proto, fn, v) {
    if (!ObjectPrototypeIsPrototypeOf(proto, v)) return false;
    try { fn(v); return true; } catch (e) { return false; }
  }
  const isDate = (v) => brand(DatePrototype, DatePrototypeGetTime, v);
  const isRegExp = (v) => brand(RegExpPrototype, RegExpPrototypeGetSource, v);
  const isMap = (v) => brand(MapPrototype, MapPrototypeGetSize, v);
  const isSet = (v) => brand(SetPrototype, SetPrototypeGetSize, v);
  // a regex as its literal, from the captured getters (RegExp.prototype.toString and the flags
  // getter read these through the overwritable prototype)
  const FLAGS = [['d', RegExpPrototypeGetHasIndices], ['g', RegExpPrototypeGetGlobal], ['i', RegExpPrototypeGetIgnoreCase],
    ['m', RegExpPrototypeGetMultiline], ['s', RegExpPrototypeGetDotAll], ['u', RegExpPrototypeGetUnicode],
    ['v', RegExpPrototypeGetUnicodeSets], ['y', RegExpPrototypeGetSticky]];
  function regExpText(re) {
    let flags = '';
    for (let i = 0; i < FLAGS.length; i++) if (FLAGS[i][1](re)) flags += FLAGS[i][0];
    return '/' + RegExpPrototypeGetSource(re) + '/' + flags;
  }
  const isError = (v) => ObjectPrototypeIsPrototypeOf(ErrorPrototype, v);
  const isPromise = (v) => ObjectPrototypeIsPrototypeOf(PromisePrototype, v);

  function inspect(v, depth, seen) {
    if (v === null) return 'null';
    const t = typeof v;
    if (t === 'undefined') return 'undefined';
    if (t === 'string') return depth === 0 ? v : JSONStringify(v);
    if (t === 'number' || t === 'boolean' || t === 'bigint') return '' + v;
    if (t === 'symbol') return SymbolPrototypeToString(v);
    if (t === 'function') return '[Function' + (v.name ? ': ' + v.name : '') + ']';
    if (isError(v)) {
      const stack = v.stack;
      return stack && StringPrototypeIndexOf(String(stack), String(v.message)) >= 0
        ? String(stack) : v.name + ': ' + v.message;
    }
    if (ArrayPrototypeIncludes(seen, v)) return '[Circular]';
    if (depth > MAX_DEPTH) return ArrayIsArray(v) ? '[Array]' : '[Object]';
    if (isDate(v)) return NumberIsNaN(DatePrototypeGetTime(v)) ? 'Invalid Date' : DatePrototypeToISOString(v);
    if (isRegExp(v)) return regExpText(v);
    ArrayPrototypePush(seen, v);
    try {
      return inspectObject(v, depth, seen);
    } finally {
      ArrayPrototypePop(seen);
    }
  }

  function inspectObject(v, depth, seen) {
    const items = [];
    if (ArrayIsArray(v)) {
      const n = v.length < MAX_ITEMS ? v.length : MAX_ITEMS;
      for (let i = 0; i < n; i++) ArrayPrototypePush(items, inspect(v[i], depth + 1, seen));
      if (v.length > MAX_ITEMS) ArrayPrototypePush(items, '... ' + (v.length - MAX_ITEMS) + ' more items');
      return '[' + ArrayPrototypeJoin(items, ', ') + ']';
    }
    if (isMap(v)) {
      MapPrototypeForEach(v, (x, k) => {
        if (items.length < MAX_ITEMS) ArrayPrototypePush(items, inspect(k, depth + 1, seen) + ' => ' + inspect(x, depth + 1, seen));
      });
      return 'Map(' + MapPrototypeGetSize(v) + ') {' + ArrayPrototypeJoin(items, ', ') + '}';
    }
    if (isSet(v)) {
      SetPrototypeForEach(v, (x) => {
        if (items.length < MAX_ITEMS) ArrayPrototypePush(items, inspect(x, depth + 1, seen));
      });
      return 'Set(' + SetPrototypeGetSize(v) + ') {' + ArrayPrototypeJoin(items, ', ') + '}';
    }
    if (isPromise(v)) return 'Promise {}';
    const keys = ObjectKeys(v);
    const n = keys.length < MAX_ITEMS ? keys.length : MAX_ITEMS;
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      const key = isIdentifier(k) ? k : JSONStringify(k);
      let val;
      try { val = inspect(v[k], depth + 1, seen); } catch (e) { val = '[Getter threw]'; }
      ArrayPrototypePush(items, key + ': ' + val);
    }
    if (keys.length > MAX_ITEMS) ArrayPrototypePush(items, '...');
    return items.length ? '{' + ArrayPrototypeJoin(items, ', ') + '}' : '{}';
  }

  rt.inspect = (v) => inspect(v, 0, []);
  rt.format = (args) => {
    const out = [];
    for (let i = 0; i < args.length; i++) ArrayPrototypePush(out, inspect(args[i], 0, []));
    return ArrayPrototypeJoin(out, ' ');
  };

  // ------------------------------------------------------------------ JSON for the transcript

  rt.JSON_TAG = Symbol('minisim.json');

  // A toJSON the data itself defines (an own method, or its class's) is honoured as
  // JSON.stringify would; one inherited from Object.prototype or Array.prototype is not, since
  // that is a page poisoning every object rather than describing its own.
  function ownToJson(v) {
    let o = v;
    while (o !== null && o !== ObjectPrototype && o !== ArrayPrototype) {
      if (ObjectPrototypeHasOwnProperty(o, 'toJSON')) {
        const f = ReflectGet(o, 'toJSON', v);
        return typeof f === 'function' ? f : null;
      }
      o = ReflectGetPrototypeOf(o);
    }
    return null;
  }

  // JSON.stringify's algorithm (with the transcript's replacements: functions become
  // "[Function]", bigints strings, cycles "[Circular]"), over captured built-ins only.
  // Returns undefined for a value JSON leaves out (undefined, a symbol).
  // A plain object or array (the prototype is Object's, Array's or none) is no Date, boxed
  // primitive or class instance: the brand checks below (each a thrown exception when it fails,
  // slow in the interpreter) are skipped for it, which is nearly all of a page's data.
  function plain(v) {
    const proto = ReflectGetPrototypeOf(v);
    return proto === ObjectPrototype || proto === ArrayPrototype || proto === null;
  }

  function encode(key, v, stack) {
    if (v !== null && typeof v === 'object' && plain(v)) {
      if (ObjectPrototypeHasOwnProperty(v, 'toJSON')) return encodeOther(key, v, stack);
      return encodeObject(v, stack);
    }
    return encodeOther(key, v, stack);
  }

  function encodeOther(key, v, stack) {
    if (v !== null && typeof v === 'object') {
      if (isDate(v)) {
        return NumberIsFinite(DatePrototypeGetTime(v)) ? JSONStringify(DatePrototypeToISOString(v)) : 'null';
      }
      const toJson = ownToJson(v);
      if (toJson !== null) v = ReflectApply(toJson, v, [key]);
    }
    if (v === null) return 'null';
    switch (typeof v) {
      case 'undefined': case 'symbol': return undefined;
      case 'function': return '"[Function]"';
      case 'string': return JSONStringify(v);
      case 'number': return NumberIsFinite(v) ? '' + v : 'null';
      case 'boolean': return v ? 'true' : 'false';
      case 'bigint': return JSONStringify('' + v);
      default: break;
    }
    const tag = v[rt.JSON_TAG];
    if (tag) return JSONStringify(String(tag));
    if (brand(NumberPrototype, NumberPrototypeValueOf, v)) return encode(key, NumberPrototypeValueOf(v), stack);
    if (brand(StringPrototype, StringPrototypeValueOf, v)) return JSONStringify(StringPrototypeValueOf(v));
    if (brand(BooleanPrototype, BooleanPrototypeValueOf, v)) return BooleanPrototypeValueOf(v) ? 'true' : 'false';
    return encodeObject(v, stack);
  }

  function encodeObject(v, stack) {
    const tag = v[rt.JSON_TAG];
    if (tag) return JSONStringify(String(tag));
    if (ArrayPrototypeIncludes(stack, v)) return '"[Circular]"';
    ArrayPrototypePush(stack, v);
    try {
      const parts = [];
      if (ArrayIsArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const s = encode('' + i, v[i], stack);
          ArrayPrototypePush(parts, s === undefined ? 'null' : s);
        }
        return '[' + ArrayPrototypeJoin(parts, ',') + ']';
      }
      const keys = ObjectKeys(v);
      for (let i = 0; i < keys.length; i++) {
        const s = encode(keys[i], v[keys[i]], stack);
        if (s !== undefined) ArrayPrototypePush(parts, JSONStringify(keys[i]) + ':' + s);
      }
      return '{' + ArrayPrototypeJoin(parts, ',') + '}';
    } finally {
      ArrayPrototypePop(stack);
    }
  }

  // The fast way: the engine's own JSON.stringify (captured; implemented in Java, where the
  // encoder above is interpreted JS, seconds for a page whose data holds hundreds of KB). It
  // agrees with encode() on everything but what encode() replaces, so it is used only when
  // nothing of that can be in the way:
  //   - functions and bigints: the replacer turns them into what encode() writes (a replacer
  //     sees every value, after toJSON);
  //   - cycles: JSON.stringify throws a TypeError, and the careful encoder writes "[Circular]";
  //   - a toJSON or conversion that JSON.stringify would look up on the built-ins' prototypes
  //     (Object.prototype.toJSON, Date.prototype.toISOString, Number.prototype.valueOf...), which
  //     encode() does not consult or reaches through captured built-ins: if a page changed any of
  //     them since the bootstrap, the careful encoder runs.
  // Known difference, odd code only: a Date or a function with an own toJSON (encode() ignores it).
  // Each read is written out by name rather than looped over a table: a keyed read whose key
  // changes on every turn is the interpreter's slow path, and this check runs before every
  // encoding (issue #11: 15 us a call as a table, 3.6 us written out, in a fresh context).
  const ObjectToJSON = ObjectPrototype.toJSON, ArrayToJSON = ArrayPrototype.toJSON;
  const FunctionToJSON = FunctionPrototype.toJSON, BigIntToJSON = BigIntPrototype.toJSON;
  const DateToJSON = DatePrototype.toJSON, DateToISOString = DatePrototype.toISOString;
  const DateValueOf = DatePrototype.valueOf, DateToPrimitive = DatePrototype[SymbolToPrimitive];
  const NumberValueOf = NumberPrototype.valueOf, NumberToString = NumberPrototype.toString;
  const NumberToPrimitive = NumberPrototype[SymbolToPrimitive];
  const StringValueOf = StringPrototype.valueOf, StringToString = StringPrototype.toString;
  const StringToPrimitive = StringPrototype[SymbolToPrimitive];
  function builtInsAsBooted() {
    return ObjectPrototype.toJSON === ObjectToJSON && ArrayPrototype.toJSON === ArrayToJSON
      && FunctionPrototype.toJSON === FunctionToJSON && BigIntPrototype.toJSON === BigIntToJSON
      && DatePrototype.toJSON === DateToJSON && DatePrototype.toISOString === DateToISOString
      && DatePrototype.valueOf === DateValueOf && DatePrototype[SymbolToPrimitive] === DateToPrimitive
      && NumberPrototype.valueOf === NumberValueOf && NumberPrototype.toString === NumberToString
      && NumberPrototype[SymbolToPrimitive] === NumberToPrimitive
      && StringPrototype.valueOf === StringValueOf && StringPrototype.toString === StringToString
      && StringPrototype[SymbolToPrimitive] === StringToPrimitive;
  }
  function replaced(key, v) {
    const t = typeof v;
    if (t === 'function') return '[Function]';
    if (t === 'bigint') return '' + v;
    return v;
  }

  rt.toJson = function (value) {
    if (builtInsAsBooted()) {
      try {
        const s = JSONStringify(value, replaced);
        return s === undefined ? 'null' : s;
      } catch (e) {
        // a cycle (TypeError) or a structure too deep for the native walk (RangeError): the
        // careful encoder says "[Circular]" or fails on its own; any other error is the data's
        // (a getter, a toJSON that threw), as it would be from encode()
        if (!ObjectPrototypeIsPrototypeOf(TypeErrorPrototype, e) && !ObjectPrototypeIsPrototypeOf(RangeErrorPrototype, e)) throw e;
      }
    }
    const s = encode('', value, []);
    return s === undefined ? 'null' : s;
  };

  // Where the code that called us is: the first frame outside MiniSim's own scripts, found in Java
  // (CallerFrames): scanning the stack here, character by character in the interpreter, was most
  // of an API call's cost (issue #11)
  rt.callerSource = function () {
    return host.callerOf(String(new Error().stack || ''));
  };
  rt.isIdentifier = isIdentifier;
})
