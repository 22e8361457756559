// Last bootstrap step: take the unhandled-rejection hook, then remove every global the mini-program
// must not see. Runs before any mini-program code, so plain built-ins are safe here; the hook itself
// only calls rt.onUnhandledRejection (bridge.js), which uses rt.primordials.
(function (host, rt) {
  'use strict';
  const graal = globalThis.Graal;
  if (graal && typeof graal.setUnhandledPromiseRejectionHandler === 'function') {
    graal.setUnhandledPromiseRejectionHandler((reason) => rt.onUnhandledRejection(reason));
  }
  const HIDDEN = ['Graal', 'Java', 'Packages', 'java', 'javax', 'Polyglot', 'load', 'loadWithNewGlobal', 'print',
    'printErr', 'quit', 'exit', 'read', 'readbuffer', 'readline'];
  for (let i = 0; i < HIDDEN.length; i++) {
    try { delete globalThis[HIDDEN[i]]; } catch (e) { /* not configurable: left as is */ }
  }
})
