// setTimeout/setInterval on the event loop's clock, and a Date whose "now" is that clock, so a
// headless run is the same every time and `wait` moves Date.now() as it moves timers.
// Built-ins only through rt.primordials (see primordials.js).
(function (host, rt) {
  'use strict';
  const {
    Date: RealDate, DatePrototypeToString, Number, ObjectDefineProperty, PromisePrototypeThen, PromiseResolve,
    ReflectApply, ReflectConstruct, SafeMap, TypeError,
  } = rt.primordials;
  const timers = new SafeMap();
  let nextId = 1;
  let nesting = 0;

  function add(fn, delay, args, repeat) {
    if (typeof fn !== 'function') {
      throw new TypeError((repeat ? 'setInterval' : 'setTimeout') + ': the callback must be a function (code strings are not run in mini-programs)');
    }
    const id = nextId++;
    let ms = Number(delay) || 0;
    if (ms < 0) ms = 0;
    // browsers clamp deeply nested zero-delay timers to 4 ms, which also keeps a self-rescheduling
    // timer from freezing a simulated clock
    if (nesting >= 5 && ms < 4) ms = 4;
    if (repeat && ms < 1) ms = 1;
    timers.set(id, { fn, args, repeat, ms, depth: nesting + 1 });
    host.setTimer(id, ms);
    return id;
  }
  function clear(id) {
    const n = Number(id);
    if (timers.delete(n)) host.clearTimer(n);
  }

  rt.fireTimer = function (id) {
    const t = timers.get(id);
    if (!t) return;
    if (t.repeat) host.setTimer(id, t.ms); else timers.delete(id);
    const saved = nesting;
    nesting = t.depth;
    try {
      ReflectApply(t.fn, undefined, t.args);
    } finally {
      nesting = saved;
    }
  };

  globalThis.setTimeout = function setTimeout(fn, delay, ...args) { return add(fn, delay, args, false); };
  globalThis.setInterval = function setInterval(fn, delay, ...args) { return add(fn, delay, args, true); };
  globalThis.clearTimeout = clear;
  globalThis.clearInterval = clear;
  globalThis.queueMicrotask = function queueMicrotask(fn) { PromisePrototypeThen(PromiseResolve(), fn); };

  function now() { return host.epochNow(); }
  function SimDate(...args) {
    if (!new.target) return DatePrototypeToString(new RealDate(now()));
    return args.length === 0 ? new RealDate(now()) : ReflectConstruct(RealDate, args);
  }
  SimDate.prototype = RealDate.prototype;
  SimDate.now = now;
  // bootstrap time: these are still the built-ins
  SimDate.parse = RealDate.parse;
  SimDate.UTC = RealDate.UTC;
  ObjectDefineProperty(RealDate.prototype, 'constructor', { value: SimDate, writable: true, configurable: true });
  globalThis.Date = SimDate;
  rt.now = now;
})
