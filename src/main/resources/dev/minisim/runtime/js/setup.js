// Last bootstrap step: take the unhandled-rejection hook, then remove every global the mini-program
// must not see.
(function (host, rt) {
  'use strict';
  const graal = globalThis.Graal;
  if (graal && typeof graal.setUnhandledPromiseRejectionHandler === 'function') {
    graal.setUnhandledPromiseRejectionHandler((reason) => rt.onUnhandledRejection(reason));
  }
  for (const name of ['Graal', 'Java', 'Packages', 'java', 'javax', 'Polyglot', 'load', 'loadWithNewGlobal', 'print', 'printErr', 'quit', 'exit', 'read', 'readbuffer', 'readline']) {
    try { delete globalThis[name]; } catch (e) { /* not configurable: left as is */ }
  }
})
