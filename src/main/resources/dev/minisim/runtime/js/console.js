// console.* captured into the event stream with the caller's file:line; Java adds the page.
(function (host, rt) {
  'use strict';
  const counters = new Map();
  const timers = new Map();
  function log(level) {
    return function () {
      host.console(level, rt.format(arguments), rt.callerSource());
    };
  }
  const console = {
    log: log('log'), info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug'),
    trace: log('debug'),
    dir: log('log'),
    table: log('log'),
    group: log('log'), groupCollapsed: log('log'), groupEnd() {},
    assert(cond, ...rest) { if (!cond) console.error('Assertion failed:', ...rest); },
    count(label = 'default') {
      counters.set(label, (counters.get(label) || 0) + 1);
      console.log(label + ': ' + counters.get(label));
    },
    countReset(label = 'default') { counters.delete(label); },
    time(label = 'default') { timers.set(label, Date.now()); },
    timeEnd(label = 'default') {
      if (timers.has(label)) { console.log(label + ': ' + (Date.now() - timers.get(label)) + 'ms'); timers.delete(label); }
    },
    timeLog(label = 'default') {
      if (timers.has(label)) console.log(label + ': ' + (Date.now() - timers.get(label)) + 'ms');
    },
  };
  Object.defineProperty(globalThis, 'console', { value: console, writable: true, configurable: true });
})
