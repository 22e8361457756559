// wx.cloud (and my.cloud): never undefined. init, callFunction, database() and its query chains
// call Java, which answers from the mocks the user configured or fails clearly; any other member
// is a function that fails with "not supported in the simulator".
(function (host, rt) {
  'use strict';
  // Built-ins only through rt.primordials (see primordials.js)
  const {
    ArrayIsArray, ArrayPrototypeConcat, ArrayPrototypePush, Error, ObjectAssign, ObjectFreeze, ObjectKeys,
    ObjectPrototypeHasOwnProperty, ObjectPrototypeIsPrototypeOf, Proxy, RegExpPrototype, RegExpPrototypeGetDotAll,
    RegExpPrototypeGetIgnoreCase, RegExpPrototypeGetMultiline, RegExpPrototypeGetSource, SafeWeakMap, String,
    StringPrototypeEndsWith, StringPrototypeStartsWith,
  } = rt.primordials;
  // what /^(create[A-Z]\w*|get\w*(Manager|Context))$/ accepts, checked by hand: a regular
  // expression in the bootstrap starts TRegex in every context (issue #11)
  function isWord(c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';
  }
  function isFactory(k) {
    for (let i = 0; i < k.length; i++) if (!isWord(k[i])) return false;
    if (StringPrototypeStartsWith(k, 'create')) return k.length > 6 && k[6] >= 'A' && k[6] <= 'Z';
    return StringPrototypeStartsWith(k, 'get') && k.length >= 10
      && (StringPrototypeEndsWith(k, 'Manager') || StringPrototypeEndsWith(k, 'Context'));
  }
  rt.isCloudFactory = isFactory;
  // db.command: each command is an object whose JSON form {"$minisim.cmd": op, "arg": ...} Java's
  // CloudQuery reads (query operators in where(), update operators in update/set/add data)
  const CMD = '$minisim.cmd';
  const commands = new SafeWeakMap();
  function listOf(args) {
    // _.and(a, b) and _.and([a, b]) alike
    return args.length === 1 && ArrayIsArray(args[0]) ? args[0] : args;
  }
  function command(op, arg) {
    const c = {
      and(...more) { return command('and', ArrayPrototypeConcat([c], listOf(more))); },
      or(...more) { return command('or', ArrayPrototypeConcat([c], listOf(more))); },
      toJSON() { const j = {}; j[CMD] = op; j.arg = encodeValue(arg, 0); return j; },
    };
    commands.set(c, true);
    return ObjectFreeze(c);
  }
  // a RegExp in a where() is a regex query, as in the client's SDK; plain objects and arrays are
  // walked for RegExps and commands; anything else is left to JSON
  function encodeValue(v, depth) {
    if (v === null || typeof v !== 'object' || depth > 64) return v;
    if (commands.has(v)) return v;
    if (ObjectPrototypeIsPrototypeOf(RegExpPrototype, v)) {
      let options = '';
      if (RegExpPrototypeGetIgnoreCase(v)) options += 'i';
      if (RegExpPrototypeGetMultiline(v)) options += 'm';
      if (RegExpPrototypeGetDotAll(v)) options += 's';
      return command('regex', { regexp: RegExpPrototypeGetSource(v), options });
    }
    if (ArrayIsArray(v)) {
      const out = [];
      for (let i = 0; i < v.length; i++) ArrayPrototypePush(out, encodeValue(v[i], depth + 1));
      return out;
    }
    if (typeof v.toJSON === 'function') return v;
    const out = {};
    const keys = ObjectKeys(v);
    for (let i = 0; i < keys.length; i++) out[keys[i]] = encodeValue(v[keys[i]], depth + 1);
    return out;
  }
  function unary(op) { return (v) => command(op, v); }
  function dbCommand(ns) {
    const known = {
      eq: unary('eq'), neq: unary('neq'), lt: unary('lt'), lte: unary('lte'), gt: unary('gt'), gte: unary('gte'),
      in: unary('in'), nin: unary('nin'), exists: unary('exists'), size: unary('size'), all: unary('all'),
      elemMatch: unary('elemMatch'), mod: (divisor, remainder) => command('mod', [divisor, remainder]),
      not: unary('not'),
      and: (...c) => command('and', listOf(c)), or: (...c) => command('or', listOf(c)), nor: (...c) => command('nor', listOf(c)),
      set: unary('set'), remove: () => command('remove', null), inc: unary('inc'), mul: unary('mul'),
      min: unary('min'), max: unary('max'), rename: unary('rename'), push: unary('push'), pop: () => command('pop', null),
      shift: () => command('shift', null), unshift: unary('unshift'), addToSet: unary('addToSet'), pull: unary('pull'),
      pullAll: unary('pullAll'),
    };
    return new Proxy(known, {
      get(t, k) {
        if (ObjectPrototypeHasOwnProperty(t, k)) return t[k];
        if (typeof k !== 'string' || k === 'then' || k === 'toJSON') return undefined;
        return () => { throw new Error(ns + '.cloud database command.' + k + ' is not supported in the simulator'); };
      },
    });
  }
  function query(ns, collection, spec) {
    const q = {
      where(cond) { return query(ns, collection, ObjectAssign({}, spec, { where: encodeValue(cond, 0) })); },
      orderBy(field, order) {
        return query(ns, collection, ObjectAssign({}, spec, { orderBy: ArrayPrototypeConcat(spec.orderBy || [], [[field, order || 'asc']]) }));
      },
      limit(n) { return query(ns, collection, ObjectAssign({}, spec, { limit: n })); },
      skip(n) { return query(ns, collection, ObjectAssign({}, spec, { skip: n })); },
      field(f) { return query(ns, collection, ObjectAssign({}, spec, { field: f })); },
      get(opts) { return op(ns, collection, 'get', spec, opts); },
      count(opts) { return op(ns, collection, 'count', spec, opts); },
      update(opts) { return op(ns, collection, 'update', spec, opts); },
      remove(opts) { return op(ns, collection, 'remove', spec, opts); },
      add(opts) { return op(ns, collection, 'add', spec, opts); },
      doc(id) {
        const d = ObjectAssign({}, spec, { doc: id });
        return {
          field: (f) => query(ns, collection, ObjectAssign({}, spec, { field: f })).doc(id),
          get: (opts) => op(ns, collection, 'get', d, opts),
          update: (opts) => op(ns, collection, 'update', d, opts),
          set: (opts) => op(ns, collection, 'set', d, opts),
          remove: (opts) => op(ns, collection, 'remove', d, opts),
        };
      },
      watch() { throw new Error(ns + '.cloud database watch() is not supported in the simulator'); },
      aggregate() { throw new Error(ns + '.cloud database aggregate() is not supported in the simulator'); },
    };
    return q;
  }
  function op(ns, collection, name, spec, opts) {
    const args = ObjectAssign({}, opts || {}, { collection, op: name }, spec);
    if (args.data !== undefined) args.data = encodeValue(args.data, 0);
    return rt.callAsync(ns, 'cloud.database', args);
  }
  function cloud(ns) {
    const known = {
      init(config) { rt.callSync(ns, 'cloud.init', [config === undefined ? null : config]); },
      callFunction(args) { return rt.callAsync(ns, 'cloud.callFunction', args); },
      database() {
        return {
          collection: (name) => query(ns, String(name), {}),
          command: dbCommand(ns),
          serverDate: () => ({ $date: rt.now() }),
          // quoted: a property named like the built-in, not the built-in
          'RegExp': (o) => command('regex', { regexp: String((o && o.regexp) || ''), options: String((o && o.options) || '') }),
        };
      },
      CloudID(id) { return { cloudID: id }; },
    };
    return new Proxy(known, {
      get(t, k) {
        if (ObjectPrototypeHasOwnProperty(t, k)) return t[k];
        if (typeof k !== 'string' || k === 'then' || k === 'toJSON') return undefined;
        // createCloudContext() and other factories: an object that warns, not a Promise
        if (isFactory(k)) return rt.unsupportedFactory(ns, 'cloud.' + k);
        return (args) => rt.callAsync(ns, 'cloud.' + k, args);
      },
    });
  }
  rt.apiObjects['wx.cloud'] = cloud('wx');
  rt.apiObjects['my.cloud'] = cloud('my');
  rt.apiObjects['wx.env'] = ObjectFreeze({ USER_DATA_PATH: 'wxfile://usr' });
  rt.apiObjects['my.env'] = ObjectFreeze({ USER_DATA_PATH: 'https://usr' });
})
