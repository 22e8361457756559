// Latency of layout requests under `minisim auto` (docs/notes-issue-autolayout.md, docs/benchmarks.md):
//   node layout-bench.js [launches] [rounds]      (MINISIM_CLI: the launcher; default ../../../minisim)
// Launches sample-miniapps/basics `launches` times (default 3) and times each session's first
// offset() (it starts the off-screen painter: JavaFX and WebKit), then, in the last session, each
// kind of layout request `rounds` times (default 200) with the median and 90th percentile, in ms.
const automator = require('miniprogram-automator');
const path = require('path');

const root = path.resolve(__dirname, '../../..');
const cliPath = process.env.MINISIM_CLI || path.join(root, 'minisim');
const launches = Number(process.argv[2] || 3);
const rounds = Number(process.argv[3] || 200);

function stats(samples) {
  const s = samples.slice().sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5).toFixed(2), p90: at(0.9).toFixed(2) };
}

async function once(fn) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function time(label, fn) {
  for (let i = 0; i < 20; i++) await fn();   // warm-up
  const samples = [];
  for (let i = 0; i < rounds; i++) samples.push(await once(fn));
  const r = stats(samples);
  console.log(`${label.padEnd(40)} median ${r.median.padStart(7)} ms   p90 ${r.p90.padStart(7)} ms`);
}

(async () => {
  for (let n = 1; n <= launches; n++) {
    const miniProgram = await automator.launch({ cliPath, projectPath: path.join(root, 'sample-miniapps/basics'),
      port: Number(process.env.AUTO_PORT || 9461) + n, timeout: 120000 });   // the last session's port may still be closing
    try {
      const page = await miniProgram.currentPage();
      const title = await page.$('.title');
      const first = await once(() => title.offset());
      const second = await once(() => title.offset());
      console.log(`session ${n}: first offset() ${first.toFixed(0)} ms (the painter starts), the next ${second.toFixed(1)} ms`);
      if (n < launches) continue;
      const button = await page.$('button');
      let i = 0;
      await time('Element.getOffset (offset())', () => title.offset());
      await time('size() (offsetWidth, offsetHeight)', () => title.size());
      await time("style('margin-top') (computed)", () => button.style('margin-top'));
      await time('Page.setData then size()', async () => {
        await page.setData({ title: (i++ % 2) ? '首页' : '首页 — 长标题' });
        await title.size();
      });
      await time('Page.setData alone (for comparison)', () => page.setData({ title: (i++ % 2) ? '首页' : '首页 — 长标题' }));
      await time("page.xpath('//text[@class=\"title\"]')", () => page.xpath("//text[@class='title']"));
      await time("page.$('.title') (for comparison)", () => page.$('.title'));
    } finally {
      await miniProgram.close();
    }
  }
})().catch((e) => {
  console.error('layout-bench: FAILED', e);
  process.exit(1);
});
