// createSelectorQuery, answered from the rendered page (issue #9, "Layout queries ... answer from
// the page model"): ids, datasets, properties and marks are real; rects and scroll offsets are
// zero-size headless, with a warning, since no layout runs without the window.
// WeChat: wx.createSelectorQuery().in(component).select(s).boundingClientRect(cb).fields({...}).exec(cb);
// Alipay: my.createSelectorQuery().select(s).boundingClientRect().exec(cb).
(function (host, rt) {
  'use strict';
  const { ArrayPrototypePush, Error, FunctionPrototypeBind, JSONParse, ReflectApply, TypeError } = rt.primordials;

  function makeQuery(ns) {
    return function createSelectorQuery() {
      const requests = [];
      const callbacks = [];
      let owner = null;
      const query = {
        in(component) {
          owner = component && component.__wxExparserNodeId__ ? component.__wxExparserNodeId__ : null;
          return query;
        },
        select(selector) { return nodes(selector, false, false); },
        selectAll(selector) { return nodes(selector, true, false); },
        selectViewport() { return nodes(null, false, true); },
        exec(callback) {
          const sent = rt.toJson({ owner, requests });
          host.defer(FunctionPrototypeBind(function () {
            // the page on top when the answer comes, as the client answers after its render: a
            // component that queries while its page mounts (antd-mini's Popover from onInit, during
            // the launch or a navigateTo) asks about the page being built, not the one before it
            const page = rt.currentPageId();
            const results = JSONParse(host.selectorQuery(page, sent, rt.callerSource()));
            for (let i = 0; i < callbacks.length; i++) {
              if (typeof callbacks[i] === 'function') ReflectApply(callbacks[i], undefined, [results[i]]);
            }
            if (typeof callback === 'function') ReflectApply(callback, undefined, [results]);
          }, undefined));
          return query;
        },
      };
      function nodes(selector, all, viewport) {
        if (!viewport && typeof selector !== 'string') throw new TypeError(ns + '.createSelectorQuery().select(selector): selector must be a string');
        const ref = {};
        function add(fields, cb) {
          ArrayPrototypePush(requests, { selector, all, viewport, fields });
          ArrayPrototypePush(callbacks, cb);
          return query;
        }
        ref.boundingClientRect = (cb) => add({ id: true, dataset: true, rect: true, size: true }, cb);
        ref.scrollOffset = (cb) => add({ id: true, dataset: true, scrollOffset: true }, cb);
        ref.fields = (fields, cb) => add(fields || {}, cb);
        ref.context = (cb) => add({ context: true }, cb);
        ref.node = (cb) => add({ node: true }, cb);
        return ref;
      }
      return query;
    };
  }
  rt.apiObjects['wx.createSelectorQuery'] = makeQuery('wx');
  rt.apiObjects['my.createSelectorQuery'] = makeQuery('my');
})
