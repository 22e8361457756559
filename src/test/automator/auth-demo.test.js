// The same kind of script for an Alipay mini-program: callWxMethod calls `my`, and the wallet's
// authorization sheet (my.getAuthCode) is answered through native(), as WeChat's dialogs are.
const automator = require('miniprogram-automator');
const assert = require('assert');
const path = require('path');

const root = path.resolve(__dirname, '../../..');
const cliPath = process.env.MINISIM_CLI || path.join(root, 'minisim');
const projectPath = path.join(root, 'sample-miniapps/auth-demo');

(async () => {
  const miniProgram = await automator.launch({ cliPath, projectPath, port: Number(process.env.AUTO_PORT || 9421),
    timeout: 120000 });
  try {
    const page = await miniProgram.currentPage();
    assert.strictEqual(page.path, 'pages/index/index');
    assert.strictEqual(await (await page.$('.status')).text(), '未授权');
    assert.strictEqual(await miniProgram.evaluate(() => typeof wx + ' ' + typeof my), 'undefined object');
    assert.ok((await miniProgram.callWxMethod('getSystemInfoSync')).platform);

    // the callback flow: the tap opens the sheet, native() allows it
    const buttons = await page.$$('button');
    await buttons[0].tap();
    await miniProgram.native().authorizeAllow();
    await page.waitFor(async () => (await page.data('status')) !== '未授权');
    assert.strictEqual(await page.data('status'), '已授权');
    assert.deepStrictEqual(await page.data('granted'), ['auth_user', 'USER_NAME', 'USER_AVATAR']);

    // the async flow, cancelled this time
    await buttons[1].tap();
    await miniProgram.native().authorizeCancel();
    await page.waitFor(async () => (await page.data('status')) === '授权失败');

    // navigation by a tap
    await buttons[3].tap();
    assert.strictEqual((await miniProgram.currentPage()).path, 'pages/profile/profile');
    console.log('auth-demo: ok');
  } finally {
    await miniProgram.close();
  }
})().catch((e) => {
  console.error('auth-demo: FAILED', e);
  process.exit(1);
});
