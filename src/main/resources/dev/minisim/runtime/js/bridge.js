// The `my` or `wx` namespace (only the app's platform's): one implementation (in Java) behind
// both, which differ only in result conventions. Callbacks run asynchronously, `success` or `fail`
// then `complete` with the same payload; a callback that throws is reported and `complete` still
// runs. `my.*` always returns a Promise; `wx.*` returns one only when no callback is given.
(function (host, rt) {
  'use strict';
  // Built-ins only through rt.primordials (see primordials.js)
  const {
    ArrayPrototypeSlice, Error, JSONParse, ObjectAssign, ObjectDefineProperty, ObjectKeys,
    ObjectPrototypeHasOwnProperty, Promise, PromisePrototypeThen, Proxy, ReflectApply, ReflectDefineProperty,
    ReflectDeleteProperty, ReflectGet, ReflectGetOwnPropertyDescriptor, ReflectOwnKeys, ReflectPreventExtensions, ReflectSet,
    SafeMap, SafeSet, SafeWeakMap,
  } = rt.primordials;
  const isFn = (f) => typeof f === 'function';
  const pending = new SafeMap();
  const jsapiFailures = new SafeWeakMap();   // fail payload -> api, to tell JSAPI rejections apart
  let nextCall = 1;
  // calls that return a task the page can abort, as in the clients
  const TASK_APIS = new SafeSet(['request', 'httpRequest', 'uploadFile', 'downloadFile']);

  function task(call) {
    return {
      abort() { call.aborted = true; },
      onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {},
      onProgressUpdate() {}, offProgressUpdate() {},
    };
  }

  function callAsync(ns, api, args) {
    const opts = args !== null && typeof args === 'object' ? args : {};
    // read by name: no closure and no keyed reads on every call (issue #11)
    const hasCallbacks = isFn(opts.success) || isFn(opts.fail) || isFn(opts.complete);
    const id = nextCall++;
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    if (hasCallbacks) PromisePrototypeThen(promise, undefined, () => {});
    const call = { ns, api, opts, hasCallbacks, resolve, reject, aborted: false };
    pending.set(id, call);
    if (api === 'navigateTo') rt.prepareNavigate(id, opts.events);
    host.invoke(ns, api, id, rt.toJson(args === undefined ? null : args), rt.callerSource());
    if (TASK_APIS.has(api)) {
      const t = task(call);
      if (ns === 'wx' && hasCallbacks) return t;
      return ObjectAssign(promise, t);
    }
    if (ns === 'wx' && hasCallbacks) return undefined;
    return promise;
  }

  function runCallback(call, name, payload) {
    const fn = call.opts[name];
    if (!isFn(fn)) return;
    host.callback(call.api, name, rt.toJson(payload));
    try {
      ReflectApply(fn, call.opts, [payload]);
    } catch (e) {
      host.scriptError(e, call.ns + '.' + call.api + ' ' + name + ' callback');
    }
  }

  // Java finished a call: ok and the payload as JSON (navigateTo's success gets its channel here)
  rt.settle = function (id, ok, payloadJson) {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    let payload = JSONParse(payloadJson);
    if (call.aborted) {
      ok = false;
      payload = call.ns === 'wx' ? { errMsg: call.api + ':fail abort' } : { error: 9, errorMessage: 'abort' };
    }
    if (call.api === 'navigateTo') {
      const channel = rt.navigateChannel(id);
      if (ok && channel) ObjectDefineProperty(payload, 'eventChannel', { value: channel, writable: true, enumerable: true, configurable: true });
    }
    if (call.hasCallbacks) {
      runCallback(call, ok ? 'success' : 'fail', payload);
      runCallback(call, 'complete', payload);
    } else {
      host.promise(call.api, ok ? 'resolved' : 'rejected', rt.toJson(payload));
    }
    if (ok) {
      call.resolve(payload);
    } else {
      if (payload !== null && typeof payload === 'object') jsapiFailures.set(payload, call.ns + '.' + call.api);
      call.reject(payload);
    }
  };

  function callSync(ns, api, args) {
    const r = JSONParse(host.invokeSync(ns, api, rt.toJson(args), rt.callerSource()));
    if ('error' in r) {
      const e = new Error(r.error);
      ObjectDefineProperty(e, 'errMsg', { value: r.error, writable: true, enumerable: true, configurable: true });
      throw e;
    }
    return r.value;
  }

  // What one name of the namespace is (host.apiTable): a call into Java of the API's shape, a
  // value, or an object of the client MiniSim does not implement (wx.router), member by member
  function member(ns, name, kind) {
    if (kind === 'sync') return function () { return callSync(ns, name, ArrayPrototypeSlice(arguments)); };
    if (kind === 'async') return function (args) { return callAsync(ns, name, args); };
    if (kind === 'factory') return function () { return ReflectApply(rt.unsupportedFactory(ns, name), this, arguments); };
    if (kind === 'listener') return function () { callSync(ns, name, ArrayPrototypeSlice(arguments)); };
    if ('value' in kind) return kind.value;
    const object = {};
    const names = ObjectKeys(kind.members);
    for (let i = 0; i < names.length; i++) object[names[i]] = member(ns, name + '.' + names[i], kind.members[names[i]]);
    return object;
  }

  // The namespace as the client has it: an object with exactly the client's names, so `in`,
  // Object.keys, typeof and feature detection (`if (wx.getUpdateManager)`) agree with the phone;
  // unknown names are undefined, and the page may add or replace properties as on the phone.
  // A name's function is made when the page first touches it (issue #11: making all ~290 up front
  // was a fifth of a warm run's bootstrap, and reading the whole table a fifth of a warm run): the
  // object is a Proxy whose traps ask Java what one name is (host.apiKind) and make it on a read,
  // and make every name, in the table's order, before anything that lists or changes the object;
  // the page cannot tell (ObjectNamespaceTest).
  function namespace(ns) {
    const target = {};
    const made = { __proto__: null };   // names whose member is on target
    const kinds = { __proto__: null };  // what Java said a name is (null: not a name of the client)
    const objects = { __proto__: null }; // 'object' names' values until made (cloud.js, managers.js)
    let allMade = false;
    function kindOf(name) {
      let kind = kinds[name];
      if (kind === undefined) {
        const json = host.apiKind(ns, name);
        kind = json === null ? null : JSONParse(json);
        kinds[name] = kind;
      }
      return kind;
    }
    function pending(name) {
      return !allMade && typeof name === 'string' && made[name] !== true && kindOf(name) !== null;
    }
    function valueOf(name) {
      const kind = kindOf(name);
      return kind === 'object' ? objects[name] : member(ns, name, kind);
    }
    // defined, not assigned: by now the page may have put a setter of that name on Object.prototype
    function put(name, value) {
      ObjectDefineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
    }
    function make(name) {
      made[name] = true;
      put(name, valueOf(name));
    }
    function makeAll() {
      if (allMade) return;
      allMade = true;
      const table = JSONParse(host.apiTable(ns));
      const names = ObjectKeys(table);
      // in the table's order: a name made early goes again at its place, the same value (only
      // reads happened to it: every trap that changes or lists the object comes here first)
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        let value;
        if (made[name] === true) {
          value = target[name];
          delete target[name];
        } else {
          kinds[name] = table[name];
          value = valueOf(name);
          made[name] = true;
        }
        put(name, value);
      }
    }
    const objectNames = JSONParse(host.apiObjectNames(ns));
    for (let i = 0; i < objectNames.length; i++) {
      const name = objectNames[i];
      kinds[name] = 'object';
      // built by a later bootstrap file into rt.apiObjects (already there: the namespace is made
      // when the run's host is bound, after the whole bootstrap); later writes land here too
      const key = ns + '.' + name;
      if (ObjectPrototypeHasOwnProperty(rt.apiObjects, key)) objects[name] = rt.apiObjects[key];
      ObjectDefineProperty(rt.apiObjects, key, {
        get() { return made[name] === true ? target[name] : objects[name]; },
        set(v) { if (made[name] === true) put(name, v); else objects[name] = v; },
        configurable: true,
      });
    }
    return new Proxy(target, {
      get(t, key, receiver) {
        if (pending(key)) make(key);
        return ReflectGet(t, key, receiver);
      },
      has(t, key) {
        return pending(key) || key in t;
      },
      getOwnPropertyDescriptor(t, key) {
        if (pending(key)) make(key);
        return ReflectGetOwnPropertyDescriptor(t, key);
      },
      ownKeys(t) {
        makeAll();
        return ReflectOwnKeys(t);
      },
      set(t, key, value, receiver) {
        makeAll();
        return ReflectSet(t, key, value, receiver);
      },
      defineProperty(t, key, descriptor) {
        makeAll();
        return ReflectDefineProperty(t, key, descriptor);
      },
      deleteProperty(t, key) {
        makeAll();
        return ReflectDeleteProperty(t, key);
      },
      preventExtensions(t) {
        makeAll();
        return ReflectPreventExtensions(t);
      },
    });
  }

  rt.callAsync = callAsync;
  rt.callSync = callSync;
  rt.onUnhandledRejection = function (reason) {
    const api = reason !== null && typeof reason === 'object' ? jsapiFailures.get(reason) : undefined;
    if (api) {
      host.warning('Uncaught (in promise) ' + api + ' failed: ' + rt.inspect(reason), null);
    } else {
      host.scriptError(reason, 'unhandled promise rejection');
    }
  };

  // only the platform's own namespace: a WeChat app has no `my`, an Alipay app no `wx`
  rt.apiObjects = rt.apiObjects || {};
  // which one is the run's: known once its host is bound (setup.js: rt.bindHost)
  rt.bindNamespace = function () {
    const ns = host.namespace();
    ObjectDefineProperty(globalThis, ns, { value: namespace(ns), writable: true, configurable: true });
  };
})
