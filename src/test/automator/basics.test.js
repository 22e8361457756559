// A miniprogram-automator script as a team writes one for its WeChat mini-program, run against
// MiniSim: only cliPath points at MiniSim (its launcher, or MINISIM_CLI) instead of the vendor IDE.
const automator = require('miniprogram-automator');
const assert = require('assert');
const path = require('path');

const root = path.resolve(__dirname, '../../..');
const cliPath = process.env.MINISIM_CLI || path.join(root, 'minisim');
const projectPath = path.join(root, 'sample-miniapps/basics');

(async () => {
  const miniProgram = await automator.launch({ cliPath, projectPath, port: Number(process.env.AUTO_PORT || 9420),
    timeout: 120000 });
  const logs = [];
  miniProgram.on('console', (msg) => logs.push(msg.args.join(' ')));
  try {
    // element lookups on the home page
    const page = await miniProgram.currentPage();
    assert.strictEqual(page.path, 'pages/index/index');
    const title = await page.$('.title');
    assert.strictEqual(await title.text(), '首页');
    assert.strictEqual(await title.attribute('class'), 'title');
    assert.strictEqual(await page.$('.no-such-thing'), null);

    // a custom component: its data, and a tap on it that its own event carries to the page
    const items = await page.$$('todo-item');
    assert.strictEqual(items.length, 2);
    assert.ok(items[1] instanceof automator.CustomElement);
    assert.strictEqual(await items[1].data('name'), '买牛奶');
    assert.strictEqual((await page.data('items'))[1].done, false);
    await items[1].tap();
    assert.strictEqual((await page.data('items'))[1].done, true);
    assert.match(await items[1].wxml(), /✓/);

    // a tap on a button and the page's timer, on the real clock
    const countdown = (await page.$$('button'))[1];
    await countdown.tap();
    assert.strictEqual(await page.data('seconds'), 3);
    await page.waitFor(async () => (await page.data('seconds')) <= 2);

    // evaluate runs in the app's world
    assert.ok(await miniProgram.evaluate(() => getApp().globalData.visits) >= 1);
    assert.strictEqual(await miniProgram.evaluate((a, b) => a + b, 40, 2), 42);

    // a mock, with a result and with a function that calls the real one
    await miniProgram.mockWxMethod('getStorageSync', 'from the mock');
    assert.strictEqual(await miniProgram.callWxMethod('getStorageSync', 'any'), 'from the mock');
    await miniProgram.mockWxMethod('showModal', function (options, suffix) {
      return this.origin({ title: options.title + suffix, content: options.content });
    }, '!');
    await miniProgram.restoreWxMethod('getStorageSync');
    assert.strictEqual(await miniProgram.callWxMethod('getStorageSync', 'any'), '');
    const modal = miniProgram.callWxMethod('showModal', { title: 'Sure', content: 'mocked title' });
    await miniProgram.native().confirmModal();
    assert.strictEqual((await modal).confirm, true);
    await miniProgram.restoreWxMethod('showModal');

    // an authorization prompt, answered through native()
    const asked = miniProgram.callWxMethod('authorize', { scope: 'scope.userLocation' });
    await miniProgram.native().authorizeAllow();
    assert.strictEqual((await asked).errMsg, 'authorize:ok');

    // layout as the page's WXSS gives it (the off-screen painter starts at the first request):
    // .page { padding: 24rpx }, button { margin-top: 20rpx }, 750rpx the window's width
    const { windowWidth } = await miniProgram.systemInfo();
    const rpx = (n) => (n * windowWidth) / 750;
    const near = (actual, expected, what) =>
      assert.ok(Math.abs(actual - expected) <= 1, `${what}: ${actual}, expected ${expected} within a pixel`);
    const offset = await title.offset();
    near(offset.left, rpx(24), 'the title\'s left');
    // an inline <text> sits in its line box: below the padding, within the line
    assert.ok(offset.top >= rpx(24) - 1 && offset.top < rpx(24) + rpx(40), 'the title\'s top: ' + offset.top);
    const box = await (await page.$('.page')).size();
    near(box.width, windowWidth, 'the page box\'s width');
    assert.ok(box.height > rpx(48), 'the page box holds its content: ' + box.height);
    near(parseFloat(await (await page.$('button')).style('margin-top')), rpx(20), 'a button\'s margin-top');
    assert.match(await title.style('font-size'), /px$/);
    // a setData before the request shows in its answer
    const before = (await title.size()).width;
    await page.setData({ title: '首页 — 一个长得多的标题' });
    const after = (await title.size()).width;
    assert.ok(after > before + rpx(40) * 5, `the longer title is wider: ${before} -> ${after}`);
    await page.setData({ title: '首页' });
    near((await title.size()).width, before, 'the title\'s width again');

    // XPath over the rendered page, and the simulated user as the test account
    assert.strictEqual(await (await page.xpath("//text[@class='title']")).text(), '首页');
    assert.strictEqual((await page.getElementsByXpath('//todo-item')).length, 2);
    assert.strictEqual(await page.xpath('//swiper'), null);
    const accounts = await miniProgram.testAccounts();
    assert.strictEqual(accounts.length, 1);
    assert.strictEqual(typeof accounts[0].nickName, 'string');

    // a screenshot of the painted page
    const png = Buffer.from(await miniProgram.screenshot(), 'base64');
    assert.strictEqual(png.subarray(1, 4).toString(), 'PNG');

    // navigation: the navigator's tap, typing into the form, its submit button
    await (await page.$('navigator')).tap();
    const form = await miniProgram.currentPage();
    assert.strictEqual(form.path, 'pages/form/form');
    const name = await form.$('#name');
    await name.input('张三');
    assert.strictEqual(await form.data('name'), '张三');
    await (await form.$('button[form-type=submit]')).tap();
    assert.strictEqual((await form.data('submitted')).name, '张三');
    assert.ok(logs.some((l) => l.startsWith('submit')), 'the submit was logged: ' + logs.join(' | '));

    // and back, through the SDK's own navigation (it waits 3 s, as with the vendor IDE)
    const back = await miniProgram.navigateBack();
    assert.strictEqual(back.path, 'pages/index/index');
    console.log('basics: ok');
  } finally {
    await miniProgram.close();
  }
})().catch((e) => {
  console.error('basics: FAILED', e);
  process.exit(1);
});
