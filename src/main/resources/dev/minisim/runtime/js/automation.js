// The automation protocol's side inside the mini-program's world (`minisim auto`, package
// dev.minisim.auto): what miniprogram-automator's evaluate, callWxMethod, mockWxMethod,
// exposeFunction and page / component callMethod and setData do, in the same sandbox as the
// app's code (so evaluated code reaches exactly what the app reaches, nothing of Java).
// Every request answers once, through host.autoAnswer(id, ok, json-or-message), also when the
// result is a promise. Built-ins only through rt.primordials (see primordials.js).
(function (host, rt) {
  'use strict';
  const {
    ArrayPrototypeConcat, ArrayPrototypeSlice, Error, FunctionPrototype, JSONParse, ObjectAssign, ObjectDefineProperty,
    ObjectPrototypeHasOwnProperty, Promise, PromisePrototypeThen, PromiseResolve, ReflectApply, SafeMap, String,
    StringPrototypeIndexOf,
  } = rt.primordials;
  // taken before any mini-program code runs: a page cannot swap the compiler evaluate uses
  const FunctionConstructor = FunctionPrototype.constructor;
  // the run's namespace, known once the run's host is bound (setup.js: rt.bindHost)
  let nsName;
  let ns;
  rt.bindAutomation = function () {
    nsName = host.namespace();
    ns = globalThis[nsName];
  };
  const origins = new SafeMap();   // method -> { had, fn } before its first mock
  const isFn = (f) => typeof f === 'function';

  // a function declaration as the SDK sends it (fn.toString()), compiled in the app's global scope
  function compile(src) {
    const fn = FunctionConstructor('return (' + src + '\n)')();
    if (!isFn(fn)) throw new Error('functionDeclaration is not a function: ' + src);
    return fn;
  }

  function message(e) {
    if (e !== null && typeof e === 'object') {
      if (typeof e.message === 'string') return e.message;
      if (typeof e.errMsg === 'string') return e.errMsg;
      if (typeof e.errorMessage === 'string') return e.errorMessage;
    }
    try {
      return rt.inspect(e);
    } catch (x) {
      return 'error';
    }
  }

  function answer(id, ok, value) {
    let text;
    try {
      text = ok ? rt.toJson(value === undefined ? null : value) : message(value);
    } catch (e) {
      ok = false;
      text = 'the result cannot be sent as JSON: ' + message(e);
    }
    host.autoAnswer(id, ok, text);
  }

  // a value, or a promise (thenable) settled later: either way one answer
  function settleWith(id, value) {
    if (value !== null && (typeof value === 'object' || isFn(value)) && isFn(value.then)) {
      PromisePrototypeThen(PromiseResolve(value), (v) => answer(id, true, v), (e) => answer(id, false, e));
    } else {
      answer(id, true, value);
    }
  }

  // App.callFunction (evaluate): the declaration called with the JSON arguments
  rt.autoEvaluate = function (id, src, argsJson) {
    let result;
    try {
      result = ReflectApply(compile(src), undefined, JSONParse(argsJson));
    } catch (e) {
      answer(id, false, e);
      return;
    }
    settleWith(id, result);
  };

  // App.callWxMethod: a synchronous API answers its value; an asynchronous one its success
  // payload (or fail's errMsg), after the call is done (navigateTo: the route is done)
  rt.autoCallApi = function (id, method, sync, argsJson) {
    const fn = ns[method];
    if (!isFn(fn)) {
      answer(id, false, new Error(nsName + '.' + method + ' does not exist'));
      return;
    }
    const args = JSONParse(argsJson);
    try {
      if (sync) {
        settleWith(id, ReflectApply(fn, ns, args));
        return;
      }
      const given = args.length > 0 && args[0] !== null && typeof args[0] === 'object' ? args[0] : {};
      const opts = ObjectAssign({}, given);
      opts.success = (res) => answer(id, true, res);
      opts.fail = (res) => answer(id, false, res);
      const r = ReflectApply(fn, ns, ArrayPrototypeConcat([opts], ArrayPrototypeSlice(args, 1)));
      // a mock that returns a promise instead of calling back answers with it
      if (r !== null && typeof r === 'object' && isFn(r.then)) settleWith(id, r);
    } catch (e) {
      answer(id, false, e);
    }
  };

  function mockedResult(method, sync, result) {
    return function (opts) {
      const r = rt.deepClone(result);
      if (sync) return r;
      const o = opts !== null && typeof opts === 'object' ? opts : {};
      const failed = r !== null && typeof r === 'object' && typeof r.errMsg === 'string'
        && StringPrototypeIndexOf(r.errMsg, ':fail') >= 0;
      const hasCallbacks = isFn(o.success) || isFn(o.fail) || isFn(o.complete);
      PromisePrototypeThen(PromiseResolve(), () => {
        const first = failed ? o.fail : o.success;
        if (isFn(first)) ReflectApply(first, o, [r]);
        if (isFn(o.complete)) ReflectApply(o.complete, o, [r]);
      });
      if (hasCallbacks && nsName === 'wx') return undefined;
      return new Promise((resolve, reject) => (failed ? reject(r) : resolve(r)));
    };
  }

  // App.mockWxMethod: mode 'result' (payload: the result as JSON), 'function' (payload: a
  // declaration called with the call's arguments then the mock's, `this.origin` the real one),
  // 'restore'; returns '' or what is wrong
  rt.autoMock = function (method, sync, mode, payload, argsJson) {
    if (mode === 'restore') {
      const o = origins.get(method);
      if (o) {
        origins.delete(method);
        if (o.had) ns[method] = o.fn; else delete ns[method];
      }
      return '';
    }
    if (!origins.has(method)) origins.set(method, { had: ObjectPrototypeHasOwnProperty(ns, method), fn: ns[method] });
    const origin = origins.get(method).fn;
    if (mode === 'result') {
      ns[method] = mockedResult(method, sync, JSONParse(payload));
      return '';
    }
    let fn;
    try {
      fn = compile(payload);
    } catch (e) {
      return 'mockWxMethod ' + method + ': ' + message(e);
    }
    const extra = JSONParse(argsJson);
    const self = { origin };
    ns[method] = function () {
      return ReflectApply(fn, self, ArrayPrototypeConcat(ArrayPrototypeSlice(arguments), extra));
    };
    return '';
  };

  // App.addBinding (exposeFunction): a global the app (or evaluated code) calls; the call goes
  // to the automation client as App.bindingCalled
  rt.autoAddBinding = function (name) {
    ObjectDefineProperty(globalThis, name, {
      value: function () { host.autoBinding(name, rt.toJson(ArrayPrototypeSlice(arguments))); },
      writable: true, configurable: true,
    });
  };

  function owner(pageId, ownerId) {
    if (ownerId === 'page') {
      const rec = rt.pageRecord(pageId);
      return rec ? rec.inst : undefined;
    }
    return rt.componentInstance(ownerId);
  }
  function ownerName(ownerId) {
    return ownerId === 'page' ? 'the page' : 'component ' + String(ownerId);
  }

  // Page.callMethod / Element.callMethod: the method's return value (a promise's value)
  rt.autoCallMethod = function (id, pageId, ownerId, name, argsJson) {
    const inst = owner(pageId, ownerId);
    if (!inst) {
      answer(id, false, new Error(ownerName(ownerId) + ' is gone'));
      return;
    }
    if (!isFn(inst[name])) {
      answer(id, false, new Error(ownerName(ownerId) + ' has no method "' + name + '"'));
      return;
    }
    let result;
    try {
      result = ReflectApply(inst[name], inst, JSONParse(argsJson));
    } catch (e) {
      answer(id, false, e);
      return;
    }
    settleWith(id, result);
  };

  // Page.setData / Element.setData: the owner's own setData; returns '' or what is wrong
  rt.autoSetData = function (pageId, ownerId, dataJson) {
    const inst = owner(pageId, ownerId);
    if (!inst || !isFn(inst.setData)) return ownerName(ownerId) + ' is gone';
    try {
      ReflectApply(inst.setData, inst, [JSONParse(dataJson)]);
    } catch (e) {
      return message(e);
    }
    return '';
  };
})
