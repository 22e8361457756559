// Request latency of `minisim auto` after launch, as an SDK script feels it (docs/benchmarks.md):
//   node bench.js [rounds]      (MINISIM_CLI: the launcher; default ../../../minisim)
// Launches sample-miniapps/basics, then times each kind of request `rounds` times (default 200)
// and prints the median and 90th percentile per kind, in milliseconds.
const automator = require('miniprogram-automator');
const path = require('path');

const root = path.resolve(__dirname, '../../..');
const cliPath = process.env.MINISIM_CLI || path.join(root, 'minisim');
const rounds = Number(process.argv[2] || 200);

function stats(samples) {
  const s = samples.slice().sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5).toFixed(2), p90: at(0.9).toFixed(2) };
}

async function time(label, fn) {
  for (let i = 0; i < 20; i++) await fn();   // warm-up
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const t = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const r = stats(samples);
  console.log(`${label.padEnd(34)} median ${r.median.padStart(6)} ms   p90 ${r.p90.padStart(6)} ms`);
  return samples;
}

(async () => {
  const started = Date.now();
  const miniProgram = await automator.launch({ cliPath, projectPath: path.join(root, 'sample-miniapps/basics'),
    port: Number(process.env.AUTO_PORT || 9460), timeout: 120000 });
  console.log(`launch (the SDK's own 5 s wait included): ${((Date.now() - started) / 1000).toFixed(1)} s; ${rounds} requests per kind`);
  try {
    const page = await miniProgram.currentPage();
    const title = await page.$('.title');
    const all = [];
    all.push(...await time('Tool.getInfo', () => miniProgram.send('Tool.getInfo')));
    all.push(...await time('App.getCurrentPage', () => miniProgram.currentPage()));
    all.push(...await time('Page.getData', () => page.data()));
    all.push(...await time('Page.getElement (.title)', () => page.$('.title')));
    all.push(...await time('Element text (getDOMProperties)', () => title.text()));
    all.push(...await time('App.callFunction (evaluate)', () => miniProgram.evaluate(() => getCurrentPages().length)));
    all.push(...await time('App.callWxMethod (getStorageSync)', () => miniProgram.callWxMethod('getStorageSync', 'k')));
    all.push(...await time('Element.tap (.title, no handler)', () => (title.tap())));
    const r = stats(all);
    console.log(`${'all of the above'.padEnd(34)} median ${r.median.padStart(6)} ms   p90 ${r.p90.padStart(6)} ms`);
  } finally {
    await miniProgram.close();
  }
})().catch((e) => {
  console.error('bench: FAILED', e);
  process.exit(1);
});
