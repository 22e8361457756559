// APIs that return an object rather than take callbacks. getUpdateManager is real: in the
// simulator there is never a new version, so onCheckForUpdate hears {hasUpdate: false}. A factory
// MiniSim does not implement (createSelectorQuery, createInnerAudioContext, ...) returns an object
// whose every member warns "not supported in the simulator" and returns the object, so chains like
// query.select('#a').boundingClientRect().exec() keep the page running instead of throwing.
(function (host, rt) {
  'use strict';
  // Built-ins only through rt.primordials (see primordials.js)
  const {
    ArrayPrototypePush, ArrayPrototypeSlice, MathAbs, MathCos, MathPow, MathSqrt, PromisePrototypeThen, PromiseResolve,
    ObjectKeys, Proxy, SafeSet, TypeError,
  } = rt.primordials;
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

  // wx.getPerformance(): headless there is no launch or render to measure, so the entry lists
  // are empty (never made up); now() is the simulated clock
  rt.apiObjects['wx.getPerformance'] = function getPerformance() {
    rt.callSync('wx', 'getPerformance', []);
    const none = () => [];
    return {
      now() { return host.epochNow(); },
      getEntries: none,
      getEntriesByName: none,
      getEntriesByType: none,
      setBufferSize() {},
      createObserver() { return { observe() {}, disconnect() {} }; },
    };
  };

  // wx.worklet: the Easing functions are plain math and work as documented (Skyline's worklet
  // animation docs); the members that animate on the UI thread stay unsupported headless
  const PI = 3.141592653589793;
  function cubicBezier(x1, y1, x2, y2) {
    // x(s) and y(s) of the curve; x solved for t by Newton's method, then bisection
    const cx = 3 * x1, bx = 3 * (x2 - x1) - cx, ax = 1 - cx - bx;
    const cy = 3 * y1, by = 3 * (y2 - y1) - cy, ay = 1 - cy - by;
    const x = (s) => ((ax * s + bx) * s + cx) * s;
    const dx = (s) => (3 * ax * s + 2 * bx) * s + cx;
    const y = (s) => ((ay * s + by) * s + cy) * s;
    return function (t) {
      if (t <= 0) return 0;
      if (t >= 1) return 1;
      let s = t;
      for (let i = 0; i < 8; i++) {
        const err = x(s) - t;
        if (MathAbs(err) < 1e-7) return y(s);
        const d = dx(s);
        if (MathAbs(d) < 1e-6) break;
        s -= err / d;
      }
      let lo = 0, hi = 1;
      s = t;
      for (let i = 0; i < 50 && hi - lo > 1e-7; i++) {
        if (x(s) < t) lo = s; else hi = s;
        s = (lo + hi) / 2;
      }
      return y(s);
    };
  }
  function bounce(t) {
    if (t < 1 / 2.75) return 7.5625 * t * t;
    if (t < 2 / 2.75) { const u = t - 1.5 / 2.75; return 7.5625 * u * u + 0.75; }
    if (t < 2.5 / 2.75) { const u = t - 2.25 / 2.75; return 7.5625 * u * u + 0.9375; }
    const u = t - 2.625 / 2.75;
    return 7.5625 * u * u + 0.984375;
  }
  const Easing = {
    linear: (t) => t,
    ease: cubicBezier(0.42, 0, 1, 1),
    quad: (t) => t * t,
    cubic: (t) => t * t * t,
    poly: (n) => (t) => MathPow(t, n),
    sin: (t) => 1 - MathCos((t * PI) / 2),
    circle: (t) => 1 - MathSqrt(1 - t * t),
    exp: (t) => MathPow(2, 10 * (t - 1)),
    elastic(bounciness) {
      const p = (bounciness === undefined ? 1 : bounciness) * PI;
      return (t) => 1 - MathPow(MathCos((t * PI) / 2), 3) * MathCos(t * p);
    },
    back(s) {
      const k = s === undefined ? 1.70158 : s;
      return (t) => t * t * ((k + 1) * t - k);
    },
    bounce,
    bezier(x1, y1, x2, y2) { const f = cubicBezier(x1, y1, x2, y2); return { factory: () => f }; },
    cubicBezier,
    in: (easing) => easing,
    out: (easing) => (t) => 1 - easing(1 - t),
    inOut: (easing) => (t) => (t < 0.5 ? easing(t * 2) / 2 : 1 - easing((1 - t) * 2) / 2),
  };
  // the client's other worklet members (the typings'): they animate on the UI thread, which
  // does not run headless; calling one says so, as an unimplemented API does
  const WORKLET_CALLS = ['cancelAnimation', 'decay', 'delay', 'derived', 'repeat', 'runOnJS', 'runOnUI', 'scrollTo',
    'sequence', 'shared', 'spring', 'timing'];
  function worklet() {
    const out = { Easing, scrollViewContext: {} };
    for (let i = 0; i < WORKLET_CALLS.length; i++) {
      const name = WORKLET_CALLS[i];
      out[name] = function () { return rt.callSync('wx', 'worklet.' + name, ArrayPrototypeSlice(arguments)); };
    }
    return out;
  }
  rt.apiObjects['wx.worklet'] = worklet();

  // wx.createAnimation / my.createAnimation: the Animation object of the client's API docs
  // (its transform and style methods chain; step() closes a group with its own transition;
  // export() hands the groups to the page and empties the queue, "export 方法每次调用后会清掉之前的
  // 动画操作"). Pure data, so it works headless; the exported {actions} is what a template's
  // `animation` attribute receives. Its shape (actions of {animates: [{type, args}], option:
  // {transformOrigin, transition}}) and the instance's `option` follow the client's base library,
  // which libraries read (iView's notice bar sets `animation.option.transition.duration`).
  const TRANSFORMS = ['rotate', 'rotateX', 'rotateY', 'rotateZ', 'rotate3d', 'scaleX', 'scaleY', 'scaleZ', 'scale3d',
    'skewX', 'skewY', 'translateX', 'translateY', 'translateZ', 'translate3d', 'matrix', 'matrix3d'];
  const STYLES = [['opacity', 'opacity', false], ['backgroundColor', 'background-color', false], ['width', 'width', true],
    ['height', 'height', true], ['top', 'top', true], ['left', 'left', true], ['bottom', 'bottom', true], ['right', 'right', true]];
  function defined(value, fallback) { return value === undefined ? fallback : value; }
  class Animation {
    constructor(options, timingKey) {
      const o = options || {};
      this.actions = [];
      this.currentTransform = {};
      this.currentStepAnimates = [];
      this.option = {
        transition: {
          duration: defined(o.duration, 400),
          timingFunction: defined(o[timingKey], defined(o.timingFunction, 'linear')),
          delay: defined(o.delay, 0),
        },
        transformOrigin: defined(o.transformOrigin, '50% 50% 0'),
      };
      this.unit = defined(o.unit, 'px');
    }
    add(type, args) {
      ArrayPrototypePush(this.currentStepAnimates, { type, args });
      return this;
    }
    // what a group leaves set stays set in the next groups (a later translateX replaces the earlier)
    step(options) {
      const o = options || {};
      const current = this.currentStepAnimates;
      for (let i = 0; i < current.length; i++) {
        const a = current[i];
        this.currentTransform[a.type === 'style' ? 'style.' + a.args[0] : a.type] = a;
      }
      const keys = ObjectKeys(this.currentTransform);
      const animates = [];
      for (let i = 0; i < keys.length; i++) ArrayPrototypePush(animates, this.currentTransform[keys[i]]);
      const t = this.option.transition;
      ArrayPrototypePush(this.actions, {
        animates,
        option: {
          transformOrigin: defined(o.transformOrigin, this.option.transformOrigin),
          transition: {
            duration: defined(o.duration, t.duration),
            timingFunction: defined(o.timingFunction, defined(o.timeFunction, t.timingFunction)),
            delay: defined(o.delay, t.delay),
          },
        },
      });
      this.currentStepAnimates = [];
      return this;
    }
    export() {
      const actions = this.actions;
      this.actions = [];
      return { actions };
    }
    scale(sx, sy) { return this.add('scale', [sx, defined(sy, sx)]); }
    skew(ax, ay) { return this.add('skew', [ax, defined(ay, 0)]); }
    translate(tx, ty) { return this.add('translate', [defined(tx, 0), defined(ty, 0)]); }
  }
  for (let i = 0; i < TRANSFORMS.length; i++) {
    const type = TRANSFORMS[i];
    Animation.prototype[type] = function () { return this.add(type, ArrayPrototypeSlice(arguments)); };
  }
  for (let i = 0; i < STYLES.length; i++) {
    const method = STYLES[i][0], property = STYLES[i][1], length = STYLES[i][2];
    Animation.prototype[method] = function (value) {
      return this.add('style', [property, length && typeof value === 'number' ? value + this.unit : value]);
    };
  }
  function createAnimation(ns, timingKey) {
    return function (options) {
      rt.callSync(ns, 'createAnimation', [options === undefined ? {} : options]);
      return new Animation(options, timingKey);
    };
  }
  rt.apiObjects['wx.createAnimation'] = createAnimation('wx', 'timingFunction');
  // Alipay's option is spelled timeFunction (my.createAnimation's docs)
  rt.apiObjects['my.createAnimation'] = createAnimation('my', 'timeFunction');

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
