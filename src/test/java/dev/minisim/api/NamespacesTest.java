package dev.minisim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, part 1: "Each namespace holds exactly the client's API names ... Implemented APIs work;
 * a real API MiniSim lacks is a function that fails with the platform's failure shape and a
 * warning naming it; unknown names are undefined; in, Object.keys, canIUse and typeof agree;
 * properties that are not functions (SDKVersion, env, cloud) are what the client has. Only the
 * platform's own namespace exists."
 */
class NamespacesTest {

    @TempDir
    Path dir;

    private TestApp.Run wechat(String onLoad) {
        return TestApp.withPages(dir.resolve("w"), "pages/a/a").wechat()
                .file("pages/a/a.js", "Page({ onLoad() {\n" + onLoad + "\n} });").launch();
    }

    private TestApp.Run alipay(String onLoad) {
        return TestApp.withPages(dir.resolve("a"), "pages/a/a").alipay()
                .file("pages/a/a.js", "Page({ onLoad() {\n" + onLoad + "\n} });").launch();
    }

    @Test
    void featureDetectionTakesTheClientsBranch() {
        // "unknown names are undefined"; `if (wx.getUpdateManager)` and friends see what the client has
        TestApp.Run run = wechat("console.log(typeof wx.fooBar, 'fooBar' in wx, wx.fooBar === undefined);\n"
                + "console.log(Object.keys(wx).includes('request'), Object.keys(wx).length);\n"
                + "if (wx.getUpdateManager) console.log('has update manager');\n"
                + "if (wx.openBluetoothAdapter) console.log('has bluetooth', typeof wx.openBluetoothAdapter);\n"
                + "console.log(typeof wx.getAuthCode, typeof wx.alert, typeof wx.then, Object.getPrototypeOf(wx) === Object.prototype);");
        assertThat(run.logs()).as("%s", run).containsExactly("undefined false true",
                "true " + ApiNames.bundled().of("wx").size(), "has update manager", "has bluetooth function",
                "undefined undefined undefined true");
        assertThat(run.of("warning")).isEmpty();
    }

    @Test
    void inObjectKeysCanIUseAndTypeofAgree() {
        // "in, Object.keys, canIUse and typeof agree", on both namespaces
        String probe = "const ns = typeof wx === 'object' ? wx : my;\n"
                + "const keys = Object.keys(ns);\n"
                + "const disagree = keys.filter((n) => !(n in ns) || !ns.canIUse(n) || typeof ns[n] === 'undefined');\n"
                + "const absent = ['fooBar', 'getClass', typeof wx === 'object' ? 'getAuthCode' : 'login']"
                + ".filter((n) => n in ns || ns.canIUse(n) || typeof ns[n] !== 'undefined' || keys.includes(n));\n"
                + "console.log(keys.length, disagree.join() || 'none', absent.join() || 'none');";
        TestApp.Run w = wechat(probe);
        assertThat(w.logs()).as("%s", w).containsExactly(ApiNames.bundled().of("wx").size() + " none none");
        TestApp.Run a = alipay(probe);
        assertThat(a.logs()).as("%s", a).containsExactly(ApiNames.bundled().of("my").size() + " none none");
    }

    @Test
    void onlyThePlatformsOwnNamespaceExistsSoCrossPlatformLibrariesChooseRight() {
        // "Only the platform's own namespace exists"; echarts, F2 and TRTC choose by `typeof wx`
        String detect = "const platform = typeof wx !== 'undefined' ? 'wechat' : typeof my !== 'undefined' ? 'alipay' : 'none';\n"
                + "console.log(platform, typeof wx, typeof my, 'wx' in globalThis, 'my' in globalThis);";
        assertThat(wechat(detect).logs()).containsExactly("wechat object undefined true false");
        assertThat(alipay(detect).logs()).containsExactly("alipay undefined object false true");
    }

    @Test
    void valuesAreWhatTheClientHas() {
        // "properties that are not functions (SDKVersion, env, cloud) are what the client has"
        TestApp.Run a = alipay("console.log(typeof my.SDKVersion, my.SDKVersion, my.isIDE, typeof my.env, my.env.clientName);\n"
                + "console.log(typeof my.ap, typeof my.ap.openURL, typeof my.cloud, typeof my.getClass);");
        assertThat(a.logs()).as("%s", a).containsExactly("string 2.9.11 false object alipay", "object function object undefined");
        TestApp.Run w = wechat("console.log(wx.env.USER_DATA_PATH, typeof wx.cloud, typeof wx.cloud.callFunction, typeof wx.SDKVersion);\n"
                + "console.log(typeof wx.router, typeof wx.router.getRouteContext, typeof wx.worklet.timing);");
        assertThat(w.logs()).as("%s", w).containsExactly("wxfile://usr object function undefined", "object function function");
    }

    @Test
    void aRealApiMiniSimLacksFailsWithTheWeChatShapeAndAWarningNamingIt() {
        // "a real API MiniSim lacks is a function that fails with the platform's failure shape and a warning naming it"
        TestApp.Run run = wechat("wx.startWifi({ fail: (e) => console.log('fail', e.errMsg), complete: (e) => console.log('complete', e.errMsg) });\n"
                + "wx.startWifi().catch((e) => console.log('rejected', JSON.stringify(e)));\n"
                + "try { wx.getBatteryInfoSync(); } catch (e) { console.log('threw', e.message); }\n"
                + "try { wx.router.addRouteBuilder(); } catch (e) { console.log('threw', e.message); }");
        assertThat(run.logs()).as("%s", run).containsExactly(
                "threw wx.getBatteryInfoSync is not supported in the simulator",
                "threw wx.router.addRouteBuilder is not supported in the simulator",
                "fail startWifi:fail not supported in the simulator",
                "complete startWifi:fail not supported in the simulator",
                "rejected {\"errMsg\":\"startWifi:fail not supported in the simulator\"}");
        assertThat(run.of("warning")).extracting(e -> e.str("message")).containsExactly(
                "wx.startWifi is not supported in the simulator", "wx.startWifi is not supported in the simulator",
                "wx.getBatteryInfoSync is not supported in the simulator",
                "wx.router.addRouteBuilder is not supported in the simulator");
        assertThat(run.errors()).isEmpty();
    }

    @Test
    void aRealApiMiniSimLacksFailsWithTheAlipayShape() {
        TestApp.Run run = alipay("my.startWifi({ fail: (e) => console.log('fail', JSON.stringify(e)) });\n"
                + "my.startWifi().catch((e) => console.log('rejected', e.error, e.errorMessage));\n"
                + "try { my.getBatteryInfoSync(); } catch (e) { console.log('threw', e.message); }");
        assertThat(run.logs()).as("%s", run).containsExactly("threw my.getBatteryInfoSync is not supported in the simulator",
                "fail {\"error\":1,\"errorMessage\":\"not supported in the simulator\"}",
                "rejected 1 not supported in the simulator");
        assertThat(run.of("warning")).extracting(e -> e.str("message")).contains(
                "my.startWifi is not supported in the simulator", "my.getBatteryInfoSync is not supported in the simulator");
    }

    @Test
    void theNamespaceIsAPlainObjectThePageMayWriteTo() {
        // as in the client: wx is an ordinary object; code adds helpers to it and wraps its APIs
        TestApp.Run run = wechat("wx.foo = 1;\nconst real = wx.getStorageSync;\n"
                + "wx.getStorageSync = (k) => 'wrapped ' + real(k);\nwx.setStorageSync('k', 'v');\n"
                + "console.log(wx.foo, 'foo' in wx, Object.keys(wx).includes('foo'), wx.getStorageSync('k'));\n"
                + "delete wx.foo;\nconsole.log(typeof wx.foo);");
        assertThat(run.logs()).as("%s", run).containsExactly("1 true true wrapped v", "undefined");
    }
}
