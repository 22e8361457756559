// Math.random from the run's seed (`--seed`), so a seeded run draws the same numbers every time.
// Without a seed nothing changes: rt.seedRandom is never called and the built-in stays.
// Built-ins only through rt.primordials (see primordials.js).
(function (host, rt) {
  'use strict';
  const { Math, MathImul, ObjectDefineProperty } = rt.primordials;
  const rotl = (x, k) => (x << k) | (x >>> (32 - k));

  // xoshiro128** over four 32-bit words that Java derives from the seed
  rt.seedRandom = function (a, b, c, d) {
    let s0 = a | 0;
    let s1 = b | 0;
    let s2 = c | 0;
    let s3 = d | 0;
    if ((s0 | s1 | s2 | s3) === 0) s0 = 1;   // the all-zero state never leaves zero
    function next() {
      const r = MathImul(rotl(MathImul(s1, 5), 7), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      return r;
    }
    const seeded = {
      // 53 random bits, as the built-in gives: [0, 1)
      random() { return ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992; },
    };
    ObjectDefineProperty(Math, 'random', { value: seeded.random, writable: true, enumerable: false, configurable: true });
  };
})
