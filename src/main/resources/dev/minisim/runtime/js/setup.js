// Last bootstrap step: take the unhandled-rejection hook, then remove every global the mini-program
// must not see. Runs before any mini-program code, so plain built-ins are safe here; the hook itself
// only calls rt.onUnhandledRejection (bridge.js), which uses rt.primordials.
//
// The whole bootstrap may run before its run is known (issue #11: in a context made ahead, on
// another thread). Every file then gets, as `host`, an empty object that stands for the run's host;
// rt.bindHost, called once by Java before any mini-program code, puts the run's host's exported
// methods on it and installs what depends on the run (the platform's namespace). The object is only
// ever held by the bootstrap's closures, as the host itself was.
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

  const { JSONParse, ObjectFreeze } = rt.primordials;
  rt.bindHost = function (runHost, namesJson) {
    // once: a second run can never rebind a context
    delete rt.bindHost;
    const names = JSONParse(namesJson);
    for (let i = 0; i < names.length; i++) host[names[i]] = runHost[names[i]];
    ObjectFreeze(host);
    const bindNamespace = rt.bindNamespace;
    const bindAutomation = rt.bindAutomation;
    delete rt.bindNamespace;
    delete rt.bindAutomation;
    bindNamespace();
    bindAutomation();
  };
})
