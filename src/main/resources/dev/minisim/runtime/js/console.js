// console.* captured into the event stream with the caller's file:line; Java adds the page.
// Built-ins only through rt.primordials (see primordials.js).
(function (host, rt) {
  'use strict';
  const { ArrayPrototypeSlice, ObjectDefineProperty, SafeMap } = rt.primordials;
  const counters = new SafeMap();
  const timers = new SafeMap();
  function emit(level, args) {
    host.console(level, rt.format(args), rt.callerSource());
  }
  function log(level) {
    return function () { emit(level, arguments); };
  }
  function elapsed(label) {
    emit('log', [label + ': ' + (host.epochNow() - timers.get(label)) + 'ms']);
  }
  const console = {
    log: log('log'), info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug'),
    trace: log('debug'),
    dir: log('log'),
    table: log('log'),
    group: log('log'), groupCollapsed: log('log'), groupEnd() {},
    assert(cond) {
      if (!cond) emit('error', prepend('Assertion failed:', ArrayPrototypeSlice(arguments, 1)));
    },
    count(label = 'default') {
      counters.set(label, (counters.get(label) || 0) + 1);
      emit('log', [label + ': ' + counters.get(label)]);
    },
    countReset(label = 'default') { counters.delete(label); },
    time(label = 'default') { timers.set(label, host.epochNow()); },
    timeEnd(label = 'default') {
      if (timers.has(label)) { elapsed(label); timers.delete(label); }
    },
    timeLog(label = 'default') {
      if (timers.has(label)) elapsed(label);
    },
  };
  function prepend(first, rest) {
    const out = [first];
    for (let i = 0; i < rest.length; i++) out[i + 1] = rest[i];
    return out;
  }
  ObjectDefineProperty(globalThis, 'console', { value: console, writable: true, configurable: true });
})
