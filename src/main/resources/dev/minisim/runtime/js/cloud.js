// wx.cloud (and my.cloud): never undefined. init, callFunction, database() and its query chains
// call Java, which answers from the mocks the user configured or fails clearly; any other member
// is a function that fails with "not supported in the simulator".
(function (host, rt) {
  'use strict';
  // Built-ins only through rt.primordials (see primordials.js)
  const {
    ArrayPrototypeConcat, Error, ObjectAssign, ObjectFreeze, ObjectPrototypeHasOwnProperty, Proxy,
    String, StringPrototypeEndsWith, StringPrototypeStartsWith,
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
  function query(ns, collection, spec) {
    const q = {
      where(cond) { return query(ns, collection, ObjectAssign({}, spec, { where: cond })); },
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
          get: (opts) => op(ns, collection, 'get', d, opts),
          update: (opts) => op(ns, collection, 'update', d, opts),
          set: (opts) => op(ns, collection, 'set', d, opts),
          remove: (opts) => op(ns, collection, 'remove', d, opts),
        };
      },
      watch() { throw new Error(ns + '.cloud database watch() is not supported in the simulator'); },
    };
    return q;
  }
  function op(ns, collection, name, spec, opts) {
    const args = ObjectAssign({}, opts || {}, { collection, op: name }, spec);
    return rt.callAsync(ns, 'cloud.database', args);
  }
  function unsupportedCommand() {
    return new Proxy({}, {
      get(t, k) {
        if (typeof k !== 'string' || k === 'then') return undefined;
        return () => { throw new Error('db.command.' + k + ' is not supported in the simulator: where() takes plain values (equality) only'); };
      },
    });
  }
  function cloud(ns) {
    const known = {
      init(config) { rt.callSync(ns, 'cloud.init', [config === undefined ? null : config]); },
      callFunction(args) { return rt.callAsync(ns, 'cloud.callFunction', args); },
      database() {
        return {
          collection: (name) => query(ns, String(name), {}),
          command: unsupportedCommand(),
          serverDate: () => ({ $date: rt.now() }),
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
