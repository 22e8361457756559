// The smallest script a team runs on every mini-program it has, here on each bundled sample the
// full scripts (basics.test.js, auth-demo.test.js) do not cover, all at once: launch, the home
// page's elements and data, evaluate, close; one after the other (a cold JVM each).
const automator = require('miniprogram-automator');
const assert = require('assert');
const path = require('path');

const root = path.resolve(__dirname, '../../..');
const cliPath = process.env.MINISIM_CLI || path.join(root, 'minisim');
const basePort = Number(process.env.AUTO_PORT || 9430);
const samples = ['ts-demo', 'plugin-demo', 'sign-demo'];

async function smoke(sample, port) {
  const miniProgram = await automator.launch({ cliPath, projectPath: path.join(root, 'sample-miniapps', sample), port,
    timeout: 120000 });
  try {
    const page = await miniProgram.currentPage();
    const stack = await miniProgram.pageStack();
    assert.strictEqual(stack.length, 1, sample);
    assert.strictEqual(stack[0].path, page.path, sample);
    assert.ok((await page.$$('view')).length > 0, sample + ': the home page has views');
    assert.strictEqual(typeof (await page.data()), 'object', sample);
    assert.strictEqual(await miniProgram.evaluate(() => typeof Java + typeof Packages), 'undefinedundefined', sample);
    return sample + ' (' + page.path + ')';
  } finally {
    await miniProgram.close();
  }
}

(async () => {
  const done = [];
  for (let i = 0; i < samples.length; i++) done.push(await smoke(samples[i], basePort + i));
  return done;
})().then((done) => {
  console.log('every-sample: ok: ' + done.join(', '));
}, (e) => {
  console.error('every-sample: FAILED', e);
  process.exit(1);
});
