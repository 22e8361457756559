package dev.minisim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #3: the synchronous information APIs, canIUse, WeChat's authorization calls, wx.cloud. */
class SystemAndWeChatTest {

    @TempDir
    Path dir;

    private TestApp.Run run(String body, String scenarioExtra) {
        return TestApp.withPages(dir, "pages/a/a")
                .file("project.config.json", "{\"appid\": \"wx1234567890\"}")
                .file("pages/a/a.js", "Page({ go() {\n" + body + "\n} });")
                .run("{" + scenarioExtra + (scenarioExtra.isEmpty() ? "" : ", ") + "\"steps\": [{\"call\": \"go\"}]}");
    }

    @Test
    void informationApisDescribeAConfigurableDevice() {
        TestApp.Run run = run("const s = wx.getSystemInfoSync();\n"
                + "console.log(s.model, s.platform, s.windowWidth, s.pixelRatio, s.SDKVersion, s.language);\n"
                + "console.log(wx.getWindowInfo().safeArea.top, wx.getDeviceInfo().brand);\n"
                + "console.log(wx.getAccountInfoSync().miniProgram.appId, wx.getLaunchOptionsSync().path, wx.getMenuButtonBoundingClientRect().width);\n"
                + "wx.getSystemInfo({ success: (r) => console.log('async', r.model) });",
                "\"device\": {\"model\": \"Pixel 8\", \"platform\": \"android\"}");
        assertThat(run.logs()).as("%s", run).containsExactly("Pixel 8 android 390 3 3.5.8 zh_CN", "47 iPhone",
                "wx1234567890 pages/a/a 87", "async Pixel 8");
        TestApp.Run alipay = TestApp.withPages(dir.resolve("alipay"), "pages/a/a").alipay()
                .file("pages/a/a.js", "Page({ onLoad() { const s = my.getSystemInfoSync(); console.log(s.app, s.SDKVersion, s.version); } });")
                .launch();
        assertThat(alipay.logs()).as("%s", alipay).containsExactly("alipay 2.9.11 10.6.10");
    }

    @Test
    void systemSettingAndAppAuthorizeSettingAnswerAsOnAPhone() {
        // README "Device": the information APIs describe the device; WeChat's official demo calls these two in
        // onLaunch without a guard (they replaced getSystemInfoSync in base library 2.20.1)
        TestApp.Run run = run("const s = wx.getSystemSetting(); const a = wx.getAppAuthorizeSetting();\n"
                + "console.log(s.wifiEnabled, s.deviceOrientation, a.cameraAuthorized, a.locationReducedAccuracy,"
                + " JSON.stringify(wx.getExptInfoSync(['color'])));", "");
        assertThat(run.logs()).as("%s", run).containsExactly("true portrait authorized false {}");
        assertThat(run.of("error")).as("%s", run).isEmpty();
    }

    @Test
    void alipayCanIUseComponent2AsTheIdeCompilesWithIt() {
        // antd-mini throws from every component unless my.canIUse('component2') holds
        TestApp.Run run = TestApp.withPages(dir.resolve("alipay"), "pages/a/a").alipay()
                .file("pages/a/a.js", "Page({ onLoad() { console.log(my.canIUse('component2'), my.canIUse('component3')); } });")
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactly("true false");
    }

    @Test
    void extConfigIsTheExtOfExtJsonOrEmpty() {
        TestApp.Run none = run("console.log(JSON.stringify(wx.getExtConfigSync()));", "");
        assertThat(none.logs()).as("%s", none).containsExactly("{}");
        TestApp.withPages(dir, "pages/a/a").file("ext.json", "{\"extEnable\": true, \"ext\": {\"subDomain\": \"shop1\"}}");
        TestApp.Run ext = run("console.log(wx.getExtConfigSync().subDomain);\n"
                + "wx.getExtConfig({ success: (r) => console.log('async', r.extConfig.subDomain) });", "");
        assertThat(ext.logs()).as("%s", ext).containsExactly("shop1", "async shop1");
    }

    @Test
    void canIUseIsTrueExactlyForTheNamesTheClientHasAsInSays() {
        // issue 8: "in, Object.keys, canIUse and typeof agree"; a real API MiniSim lacks is still there
        TestApp.Run run = run("console.log(wx.canIUse('getUserProfile'), wx.canIUse('request.object.timeout'),"
                + " wx.canIUse('openBluetoothAdapter'), wx.canIUse('fooBar'), wx.canIUse('getAuthCode'),"
                + " wx.canIUse('button.open-type.getUserInfo'));", "");
        assertThat(run.logs()).as("%s", run).containsExactly("true true true false false false");
    }

    @Test
    void weChatAuthorizationFollowsTheGrantsAndAsksOnlyOnce() {
        // "wx.login (a fresh code, silent), wx.getSetting (the authSetting of what this user has granted so far),
        //  wx.authorize({scope}) and wx.getUserProfile (prompts ...), wx.getUserInfo according to those grants"
        TestApp.Run run = run("wx.login({ success: (r) => console.log('login', r.code.length) });\n"
                + "wx.getUserInfo({ fail: (e) => console.log(e.errMsg) });\n"
                + "wx.authorize({ scope: 'scope.userLocation', fail: (e) => { console.log(e.errMsg);\n"
                + "  wx.authorize({ scope: 'scope.userLocation', fail: (e) => console.log('again', e.errMsg) }); } });\n"
                + "wx.authorize({ scope: 'scope.camera', success: (r) => console.log(r.errMsg) });\n"
                + "wx.getUserProfile({ desc: '完善资料', success: (r) => {\n"
                + "  console.log('profile', r.userInfo.nickName);\n"
                + "  wx.getSetting({ success: (s) => console.log(JSON.stringify(s.authSetting)) });\n"
                + "  wx.getUserInfo({ success: (u) => console.log('info', u.userInfo.nickName) }); } });",
                "\"user\": {\"nickName\": \"小红\"}, \"decisions\": {\"authorize\": [\"deny\", \"allow\"], \"getUserProfile\": [\"allow\"]}");
        assertThat(run.logs()).as("%s", run).containsExactly("login 32", "getUserInfo:fail scope unauthorized",
                "authorize:fail auth deny", "authorize:ok", "profile 小红", "again authorize:fail auth deny",
                "{\"scope.userLocation\":false,\"scope.camera\":true,\"scope.userInfo\":true}", "info 小红");
        assertThat(run.of("prompt")).extracting(e -> e.str("kind")).containsExactly("authorize", "authorize", "getUserProfile");
    }

    @Test
    void wxCloudAnswersFromMocksAndOtherwiseFailsClearlyNeverUndefined() {
        TestApp.Run run = run("wx.cloud.callFunction({ name: 'login' }).catch((e) => console.log(e.errMsg));\n"
                + "wx.cloud.init({ env: 'test' });\n"
                + "wx.cloud.callFunction({ name: 'login', data: {} }).then((r) => console.log('fn', r.result.openid));\n"
                + "wx.cloud.callFunction({ name: 'pay', fail: (e) => console.log(e.errMsg) });\n"
                + "const db = wx.cloud.database();\n"
                + "db.collection('todos').where({ done: false }).orderBy('n', 'desc').get().then((r) => console.log('todos', r.data.map(d => d.n).join(), r.errMsg));\n"
                + "db.collection('todos').add({ data: { n: 9, done: true } }).then((r) => db.collection('todos').doc(r._id).get())"
                + ".then((r) => console.log('added', r.data.n));\n"
                + "db.collection('todos').count().then((r) => console.log('count', r.total));\n"
                + "wx.cloud.uploadFile({ cloudPath: 'a.png', filePath: 'x' }).catch((e) => console.log(e.errMsg));\n"
                + "console.log(typeof wx.cloud.uploadFile);",
                "\"requests\": [{\"callFunction\": \"login\", \"result\": {\"openid\": \"o-1\"}},"
                        + " {\"collection\": \"todos\", \"data\": [{\"n\": 1, \"done\": false}, {\"n\": 2, \"done\": true}, {\"n\": 3, \"done\": false}]}]");
        assertThat(run.logs()).as("%s", run).containsExactly("function",
                "cloud.callFunction:fail Cloud API isn't enabled, please call wx.cloud.init first",
                "fn o-1",
                "cloud.callFunction:fail no mock for cloud function \"pay\" (the simulator has no cloud)",
                "todos 3,1 collection.get:ok",
                "count 4",
                "cloud.uploadFile:fail not supported in the simulator",
                "added 9");
    }
}
