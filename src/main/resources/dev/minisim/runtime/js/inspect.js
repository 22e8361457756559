// Formats values the way a devtools console shows them: strings as they are, objects and arrays as
// readable JSON-like text, errors with message and stack. Never "[object Object]".
(function (host, rt) {
  'use strict';
  const MAX_DEPTH = 4;
  const MAX_ITEMS = 50;

  function inspect(v, depth, seen) {
    if (v === null) return 'null';
    const t = typeof v;
    if (t === 'undefined') return 'undefined';
    if (t === 'string') return depth === 0 ? v : JSON.stringify(v);
    if (t === 'number' || t === 'boolean' || t === 'bigint') return String(v);
    if (t === 'symbol') return v.toString();
    if (t === 'function') return '[Function' + (v.name ? ': ' + v.name : '') + ']';
    if (v instanceof Error) {
      return v.stack && String(v.stack).indexOf(v.message) >= 0 ? String(v.stack) : v.name + ': ' + v.message;
    }
    if (seen.indexOf(v) >= 0) return '[Circular]';
    if (depth > MAX_DEPTH) return Array.isArray(v) ? '[Array]' : '[Object]';
    if (v instanceof Date) return isNaN(v) ? 'Invalid Date' : v.toISOString();
    if (v instanceof RegExp) return String(v);
    seen = seen.concat([v]);
    if (Array.isArray(v)) {
      const items = v.slice(0, MAX_ITEMS).map((x) => inspect(x, depth + 1, seen));
      if (v.length > MAX_ITEMS) items.push('... ' + (v.length - MAX_ITEMS) + ' more items');
      return '[' + items.join(', ') + ']';
    }
    if (v instanceof Map) {
      return 'Map(' + v.size + ') {' + Array.from(v).slice(0, MAX_ITEMS)
        .map(([k, x]) => inspect(k, depth + 1, seen) + ' => ' + inspect(x, depth + 1, seen)).join(', ') + '}';
    }
    if (v instanceof Set) {
      return 'Set(' + v.size + ') {' + Array.from(v).slice(0, MAX_ITEMS)
        .map((x) => inspect(x, depth + 1, seen)).join(', ') + '}';
    }
    if (typeof v.then === 'function') return 'Promise {}';
    const keys = Object.keys(v);
    const body = keys.slice(0, MAX_ITEMS).map((k) => {
      const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
      let val;
      try { val = inspect(v[k], depth + 1, seen); } catch (e) { val = '[Getter threw]'; }
      return key + ': ' + val;
    });
    if (keys.length > MAX_ITEMS) body.push('...');
    return body.length ? '{' + body.join(', ') + '}' : '{}';
  }

  rt.inspect = (v) => inspect(v, 0, []);
  rt.format = (args) => Array.prototype.map.call(args, (a) => inspect(a, 0, [])).join(' ');

  // JSON for the transcript: functions become "[Function]", cycles "[Circular]", undefined in
  // arrays null, like JSON.stringify otherwise.
  rt.toJson = function (value) {
    const stack = [];
    return JSON.stringify(value === undefined ? null : value, function (key, v) {
      if (typeof v === 'function') return '[Function]';
      if (typeof v === 'bigint') return String(v);
      if (v && typeof v === 'object') {
        if (v[rt.JSON_TAG]) return v[rt.JSON_TAG];
        while (stack.length && stack[stack.length - 1] !== this) stack.pop();
        if (stack.indexOf(v) >= 0) return '[Circular]';
        stack.push(v);
      }
      return v;
    });
  };
  rt.JSON_TAG = Symbol('minisim.json');

  // Where the code that called us is: the first frame outside MiniSim's own scripts.
  rt.callerSource = function () {
    const stack = String(new Error().stack || '').split('\n');
    for (let i = 1; i < stack.length; i++) {
      const m = /\(?([^()\s]+):(\d+):\d+\)?\s*$/.exec(stack[i]);
      if (m && m[1].indexOf('minisim:') !== 0) return m[1] + ':' + m[2];
    }
    return null;
  };
})
