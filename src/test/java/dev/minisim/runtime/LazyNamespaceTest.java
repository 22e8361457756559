package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11: "lazy API namespace: build my/wx members on first access ... that stays
 * sandbox-safe". The page must not be able to tell: the names, their order, `in`, typeof,
 * adding, deleting, freezing, and a poisoned Object.prototype all behave as with a plain object.
 */
class LazyNamespaceTest {

    @TempDir
    Path dir;

    private List<String> logs(String platform, String script) {
        TestApp app = TestApp.withPages(dir.resolve(platform + Integer.toHexString(script.hashCode())), "pages/a/a");
        app = platform.equals("my") ? app.alipay() : app.wechat();
        TestApp.Run run = app.file("pages/a/a.js", script + "\nPage({});").run("{}");
        assertThat(run.errors()).as("%s", run).isEmpty();
        return run.logs();
    }

    @Test
    void theNamesAndTheirOrderDoNotDependOnWhatWasTouchedFirst() {
        for (String ns : List.of("wx", "my")) {
            List<String> untouched = logs(ns, "console.log(JSON.stringify(Object.keys(" + ns + ")));");
            List<String> touched = logs(ns, "const a = typeof " + ns + ".request, b = typeof " + ns + ".getSystemInfoSync, c = "
                    + ns + ".showToast;\nconsole.log(JSON.stringify(Object.keys(" + ns + ")));");
            assertThat(untouched.get(0)).startsWith("[\"").contains("\"request\"", "\"showToast\"");
            assertThat(touched).isEqualTo(untouched);
            List<String> forIn = logs(ns, "const k = []; for (const n in " + ns + ") k.push(n); console.log(JSON.stringify(k));");
            assertThat(forIn).isEqualTo(untouched);
        }
    }

    @Test
    void inTypeofAddingDeletingAndFreezingAreThoseOfAPlainObject() {
        List<String> out = logs("wx", String.join("\n",
                "console.log('request' in wx, typeof wx.request, 'nope' in wx, wx.nope, typeof wx, Object.prototype.toString.call(wx));",
                "console.log(Object.getOwnPropertyDescriptor(wx, 'showToast').writable, Object.getOwnPropertyDescriptor(wx, 'showToast').enumerable);",
                "wx.custom = 1;",
                "delete wx.request;",
                "const keys = Object.keys(wx);",
                "console.log(keys[keys.length - 1], 'request' in wx, typeof wx.request, keys.includes('request'));",
                "const mine = () => 'mine'; wx.showModal = mine;",
                "console.log(wx.showModal === mine, wx.showModal());",
                "Object.freeze(wx);",
                "console.log(Object.isFrozen(wx), Object.keys(wx).length === keys.length);",
                "wx.later = 1; console.log('later' in wx);"));
        assertThat(out).containsExactly(
                "true function false undefined object [object Object]",
                "true true",
                "custom false undefined false",
                "true mine",
                "true true",
                "false");
    }

    @Test
    void aSetterOrGetterThePagePutOnObjectPrototypeChangesNothing() {
        List<String> out = logs("my", String.join("\n",
                "Object.defineProperty(Object.prototype, 'alert', { get() { return 'poisoned'; }, set(v) { throw new Error('setter ran'); }, configurable: true });",
                "console.log(typeof my.alert, Object.getOwnPropertyNames(my).includes('alert'));",
                "Reflect.defineProperty = () => false; Reflect.get = () => 'poisoned';",
                "console.log(typeof my.confirm, typeof my.showToast);"));
        assertThat(out).containsExactly("function true", "function function");
    }

    @Test
    void theFunctionsStillCallTheApi() {
        List<String> out = logs("wx", "wx.setStorageSync('k', 'v'); console.log(wx.getStorageSync('k'), wx.getStorageSync === wx.getStorageSync);");
        assertThat(out).containsExactly("v true");
    }

    /**
     * Issue #11: a name is asked of Java when first touched (no whole table per run); the objects
     * the bootstrap builds (wx.cloud) and the values (my.SDKVersion) read first, one by one, are
     * the same as those a listing gives.
     */
    @Test
    void objectsAndValuesTouchedOneByOneAreThoseOfTheListing() {
        List<String> wx = logs("wx", String.join("\n",
                "const cloud = wx.cloud, perf = wx.getPerformance;",
                "console.log(typeof cloud, typeof cloud.init, 'cloud' in wx, 'noSuchApi' in wx, wx.noSuchApi, typeof wx.env);",
                "wx.cloud.marker = 1;",
                "console.log(Object.keys(wx).includes('cloud'), wx.cloud === cloud, wx.cloud.marker, wx.getPerformance === perf);"));
        assertThat(wx).containsExactly("object function true false undefined object", "true true 1 true");
        List<String> my = logs("my", "const v = my.SDKVersion; console.log(typeof v, v === my.SDKVersion, Object.keys(my).includes('SDKVersion'), my.SDKVersion === v);");
        assertThat(my).containsExactly("string true true true");
    }
}
