// The `my` and `wx` namespaces: one implementation (in Java) behind both, which differ only in
// result conventions. Callbacks run asynchronously, `success` or `fail` then `complete` with the
// same payload; a callback that throws is reported and `complete` still runs. `my.*` always returns
// a Promise; `wx.*` returns one only when no callback is given.
(function (host, rt) {
  'use strict';
  // Built-ins only through rt.primordials (see primordials.js)
  const {
    ArrayPrototypeSlice, ArrayPrototypeSome, Error, JSONParse, ObjectAssign, ObjectDefineProperty,
    ObjectPrototypeHasOwnProperty, Promise, PromisePrototypeThen, Proxy, ReflectApply, SafeMap, SafeSet, SafeWeakMap,
  } = rt.primordials;
  const CALLBACKS = ['success', 'fail', 'complete'];
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
    const hasCallbacks = ArrayPrototypeSome(CALLBACKS, (k) => isFn(opts[k]));
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

  function namespace(ns) {
    const made = new SafeMap();
    const own = {};
    return new Proxy(own, {
      get(target, name) {
        if (typeof name !== 'string') return undefined;
        if (ObjectPrototypeHasOwnProperty(target, name)) return target[name];
        if (made.has(name)) return made.get(name);
        const kind = host.apiKind(ns, name);
        let fn;
        if (kind === 'sync') fn = function () { return callSync(ns, name, ArrayPrototypeSlice(arguments)); };
        else if (kind === 'async') fn = function (args) { return callAsync(ns, name, args); };
        else if (kind === 'object') fn = rt.apiObjects[ns + '.' + name] || undefined;
        else if (kind === 'factory') fn = rt.unsupportedFactory(ns, name);
        else if (kind === 'listener') fn = function () { callSync(ns, name, ArrayPrototypeSlice(arguments)); };
        else return undefined;
        made.set(name, fn);
        return fn;
      },
      set(target, name, value) { target[name] = value; return true; },
      has(target, name) {
        return ObjectPrototypeHasOwnProperty(target, name) ||
          (typeof name === 'string' && host.apiKind(ns, name) !== 'none');
      },
    });
  }

  rt.apiObjects = rt.apiObjects || {};
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

  const my = namespace('my');
  const wx = namespace('wx');
  Object.defineProperty(globalThis, 'my', { value: my, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'wx', { value: wx, writable: true, configurable: true });
})
