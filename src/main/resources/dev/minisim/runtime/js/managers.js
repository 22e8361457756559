// APIs that return an object rather than take callbacks. getUpdateManager is real: in the
// simulator there is never a new version, so onCheckForUpdate hears {hasUpdate: false}. A factory
// MiniSim does not implement (createSelectorQuery, createInnerAudioContext, ...) returns an object
// whose every member warns "not supported in the simulator" and returns the object, so chains like
// query.select('#a').boundingClientRect().exec() keep the page running instead of throwing.
(function (host, rt) {
  'use strict';
  // Built-ins only through rt.primordials (see primordials.js)
  const { ArrayPrototypeSlice, PromisePrototypeThen, PromiseResolve, Proxy, SafeSet, TypeError } = rt.primordials;
  function updateManager(ns) {
    return function getUpdateManager() {
      rt.callSync(ns, 'getUpdateManager', []);
      return {
        onCheckForUpdate(cb) {
          if (typeof cb === 'function') PromisePrototypeThen(PromiseResolve(), () => cb({ hasUpdate: false }));
        },
        onUpdateReady() {},
        onUpdateFailed() {},
        applyUpdate() { host.warning(ns + '.getUpdateManager().applyUpdate(): there is no update in the simulator', rt.callerSource()); },
      };
    };
  }
  // nextTick: after the current task's synchronous work, as the view layer's next tick
  function nextTick(ns) {
    return function (fn) {
      if (typeof fn !== 'function') throw new TypeError(ns + '.nextTick(fn): fn must be a function');
      PromisePrototypeThen(PromiseResolve(), fn);
    };
  }
  rt.apiObjects['wx.nextTick'] = nextTick('wx');
  rt.apiObjects['my.nextTick'] = nextTick('my');
  rt.apiObjects['wx.getUpdateManager'] = updateManager('wx');
  rt.apiObjects['my.getUpdateManager'] = updateManager('my');

  rt.unsupportedFactory = function (ns, name) {
    return function () {
      try { rt.callSync(ns, name, ArrayPrototypeSlice(arguments)); } catch (e) { /* recorded as a warning */ }
      const warned = new SafeSet();
      const stub = new Proxy({}, {
        get(target, member) {
          if (typeof member !== 'string' || member === 'then' || member === 'toJSON') return undefined;
          return function () {
            if (!warned.has(member)) {
              warned.add(member);
              host.warning(ns + '.' + name + '().' + member + ' is not supported in the simulator', rt.callerSource());
            }
            return stub;
          };
        },
      });
      return stub;
    };
  };
})
