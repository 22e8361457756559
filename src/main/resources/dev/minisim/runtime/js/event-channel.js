// EventChannel (SPEC.md, "navigateTo, EventChannel, plugin pages"): a link between the page that
// called navigateTo (the opener end, res.eventChannel) and the page it opened
// (this.getOpenerEventChannel()). emit on one end calls the other end's listeners; an emit that
// finds no listener is kept and delivered when one registers. Every emit is a `channel` event.
// Plugin pages (simulated by Java) hold the opened end of their link through rt.plugin*.
(function (host, rt) {
  'use strict';
  const {
    ArrayPrototypeFilter, ArrayPrototypeForEach, ArrayPrototypePush, ArrayPrototypeSlice, ObjectDefineProperty,
    ObjectKeys, ReflectApply, SafeMap, String, TypeError,
  } = rt.primordials;
  const isFn = (f) => typeof f === 'function';
  const other = (side) => (side === 'opener' ? 'opened' : 'opener');
  const byCall = new SafeMap();     // navigateTo call id -> link, until the page opens
  const byPage = new SafeMap();     // opened page id -> link
  const eventSets = new SafeMap();  // id -> events object given with jumpTo (functions stay in JS)
  let nextEvents = 1;

  function EventChannel(link, side) {
    ObjectDefineProperty(this, '__link', { value: link });
    ObjectDefineProperty(this, '__side', { value: side });
  }
  EventChannel.prototype.on = function (name, fn) { listen(this.__link, this.__side, name, fn, false); };
  EventChannel.prototype.once = function (name, fn) { listen(this.__link, this.__side, name, fn, true); };
  EventChannel.prototype.off = function (name, fn) {
    const list = this.__link.listeners[this.__side].get(name);
    if (!list) return;
    if (fn === undefined) this.__link.listeners[this.__side].delete(name);
    else this.__link.listeners[this.__side].set(name, ArrayPrototypeFilter(list, (l) => l.fn !== fn));
  };
  EventChannel.prototype.emit = function (name, ...args) { deliver(this.__link, this.__side, String(name), args, false); };
  EventChannel.prototype[rt.JSON_TAG] = '[EventChannel]';
  // what the transcript writes for a channel, also through inspect.js's native JSON.stringify path
  ObjectDefineProperty(EventChannel.prototype, 'toJSON', { value: function toJSON() { return '[EventChannel]'; } });

  function makeLink(openerRoute) {
    const link = {
      routes: { opener: openerRoute, opened: null },
      listeners: { opener: new SafeMap(), opened: new SafeMap() },
      queued: { opener: [], opened: [] },
      closed: false,
      pluginPage: 0,
    };
    link.ends = { opener: new EventChannel(link, 'opener'), opened: new EventChannel(link, 'opened') };
    return link;
  }

  function listen(link, side, name, fn, once) {
    if (!isFn(fn)) throw new TypeError('EventChannel.' + (once ? 'once' : 'on') + '("' + name + '", fn): fn must be a function');
    const list = link.listeners[side].get(name) || [];
    ArrayPrototypePush(list, { fn, once });
    link.listeners[side].set(name, list);
    // emits that arrived before any listener are delivered now, in order
    const waiting = ArrayPrototypeFilter(link.queued[side], (q) => q.name === name);
    if (waiting.length) {
      link.queued[side] = ArrayPrototypeFilter(link.queued[side], (q) => q.name !== name);
      ArrayPrototypeForEach(waiting, (q) => deliver(link, other(side), q.name, q.args, true));
    }
  }

  function deliver(link, fromSide, name, args, replayed) {
    const toSide = other(fromSide);
    const from = link.routes[fromSide];
    const to = link.routes[toSide];
    const argsJson = rt.toJson(args);
    if (link.closed) {
      host.channel(from, to, name, argsJson, 0, 'closed', rt.callerSource());
      return;
    }
    const list = ArrayPrototypeSlice(link.listeners[toSide].get(name) || []);
    if (!list.length) {
      ArrayPrototypePush(link.queued[toSide], { name, args });
      host.channel(from, to, name, argsJson, 0, 'queued', rt.callerSource());
      return;
    }
    host.channel(from, to, name, argsJson, list.length, replayed ? 'replayed' : null, rt.callerSource());
    link.listeners[toSide].set(name, ArrayPrototypeFilter(link.listeners[toSide].get(name) || [], (l) => !l.once));
    for (let i = 0; i < list.length; i++) {
      const l = list[i];
      const saved = host.enterPage(to);
      try {
        ReflectApply(l.fn, undefined, args);
      } catch (e) {
        host.scriptError(e, 'EventChannel listener of "' + name + '"');
      } finally {
        host.leavePage(saved);
      }
    }
  }

  function addListeners(link, side, events, wrap) {
    if (events === null || typeof events !== 'object') return;
    const names = ObjectKeys(events);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (isFn(events[name])) listen(link, side, name, wrap ? wrap(events[name]) : events[name], false);
    }
  }

  // --- navigateTo: the opener's `events` listen on the opener end; success gets that end
  rt.prepareNavigate = function (callId, events) {
    const link = makeLink(null);
    addListeners(link, 'opener', events);
    byCall.set(callId, link);
  };
  rt.navigateChannel = function (callId) {
    const link = byCall.get(callId);
    byCall.delete(callId);
    return link ? link.ends.opener : undefined;
  };
  rt.attachOpened = function (callId, pageId, route, openerRoute) {
    const link = byCall.get(callId);
    if (!link) return false;
    link.routes.opened = route;
    link.routes.opener = openerRoute;
    byPage.set(pageId, link);
    return true;
  };
  rt.dropNavigate = (callId) => byCall.delete(callId);
  // a page not opened by navigateTo gets an empty channel whose methods are missing (WeChat)
  rt.openerChannel = (pageId) => (byPage.has(pageId) ? byPage.get(pageId).ends.opened : {});
  rt.closeChannelOf = function (pageId) {
    const link = byPage.get(pageId);
    if (link) link.closed = true;
    byPage.delete(pageId);
  };

  // --- plugin pages: Java is the plugin; its end of the link forwards the host's messages
  function pluginListens(link, pageId) {
    link.pluginPage = pageId;
    listen(link, 'opened', 'jumpTo', function (url, events) {
      let key = 0;
      if (events !== null && typeof events === 'object') {
        key = nextEvents++;
        eventSets.set(key, events);
      }
      host.pluginJump(pageId, url === undefined || url === null ? null : String(url), key);
    }, false);
    listen(link, 'opened', 'sendNavigatePaths', function (paths) {
      host.pluginPaths(pageId, rt.toJson(paths === undefined ? null : paths));
    }, false);
  }
  rt.attachPlugin = function (callId, pageId, route, openerRoute) {
    if (!rt.attachOpened(callId, pageId, route, openerRoute)) return false;
    pluginListens(byPage.get(pageId), pageId);
    return true;
  };
  // the next page of a chain, opened by a plugin page: the events given with jumpTo listen on a
  // new link and receive that link's opener end (the seed's `openedEventChannel`)
  rt.chainPlugin = function (fromRoute, eventsKey, pageId, route) {
    const link = makeLink(fromRoute);
    const events = eventSets.get(eventsKey);
    eventSets.delete(eventsKey);
    addListeners(link, 'opener', events, (fn) => function () { return fn(link.ends.opener); });
    link.routes.opened = route;
    byPage.set(pageId, link);
    pluginListens(link, pageId);
  };
  rt.pluginListeners = function (pageId, name) {
    const link = byPage.get(pageId);
    return link ? (link.listeners.opener.get(name) || []).length : 0;
  };
  rt.pluginEmit = function (pageId, name) {
    const link = byPage.get(pageId);
    if (link) deliver(link, 'opened', name, [], false);
  };
})
