package dev.minisim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #3: "my.alert, my.confirm, my.showToast ... recorded as ui events (a confirm or modal answer is a decision too)" and storage. */
class UiAndStorageTest {

    @TempDir
    Path dir;

    /** {@code body} in a WeChat app (namespace {@code wx}). */
    private TestApp.Run run(String body, String decisions) {
        return app("w", body).wechat().run("{\"decisions\": " + decisions + ", \"steps\": [{\"call\": \"go\"}]}");
    }

    /** {@code body} in an Alipay app (namespace {@code my}). */
    private TestApp.Run runAlipay(String body, String decisions) {
        return app("a", body).alipay().run("{\"decisions\": " + decisions + ", \"steps\": [{\"call\": \"go\"}]}");
    }

    private TestApp app(String folder, String body) {
        return TestApp.withPages(dir.resolve(folder), "pages/a/a").file("pages/a/a.js", "Page({ go() {\n" + body + "\n} });");
    }

    @Test
    void noticesAreUiEventsAndDialogsAreDecisions() {
        TestApp.Run run = runAlipay("my.alert({ title: 'T', content: 'hello' });\n"
                + "my.showToast({ content: '成功', type: 'success' });\n"
                + "my.confirm({ content: '确定吗?', success: (r) => console.log('confirm', r.confirm) });",
                "{\"confirm\": [\"cancel\"]}");
        assertThat(run.of("ui")).as("%s", run).extracting(e -> e.str("kind") + ":" + e.str("title") + ":" + e.str("content"))
                .containsExactly("alert:T:hello", "toast:null:成功", "confirm:null:确定吗?");
        assertThat(run.logs()).containsExactly("confirm false");
        assertThat(run.of("decision")).extracting(e -> e.str("kind")).containsExactly("confirm");
        run = run("wx.showLoading({ title: '加载中' });\nwx.hideLoading();\n"
                + "wx.showModal({ title: '提示', content: '删除?', success: (r) => console.log('modal', r.confirm, r.cancel, r.errMsg) });\n"
                + "wx.showActionSheet({ itemList: ['A', 'B'], success: (r) => console.log('sheet', r.tapIndex) });",
                "{\"modal\": [\"confirm\"], \"actionSheet\": [1]}");
        assertThat(run.of("ui")).as("%s", run).extracting(e -> e.str("kind") + ":" + e.str("title") + ":" + e.str("content"))
                .containsExactly("loading:加载中:null", "loading:null:null", "modal:提示:删除?", "actionSheet:null:A | B");
        assertThat(run.logs()).containsExactly("modal true false showModal:ok", "sheet 1");
        assertThat(run.of("decision")).extracting(e -> e.str("kind")).containsExactly("modal", "actionSheet");
    }

    @Test
    void screenEffectsAreRecordedAndTheTitleChangesForTheWindow() throws Exception {
        TestApp.Run run = run("wx.setNavigationBarTitle({ title: '订单详情' });\nwx.showNavigationBarLoading();\n"
                + "wx.stopPullDownRefresh();\nwx.vibrateShort({ type: 'light' });\n"
                + "wx.nextTick(() => console.log('tick'));\nconsole.log('sync');", "{}");
        assertThat(run.logs()).as("%s", run).containsExactly("sync", "tick");
        assertThat(run.of("ui")).extracting(e -> e.str("kind")).containsExactly("navigationBar",
                "showNavigationBarLoading", "stopPullDownRefresh", "vibrateShort");
        assertThat(run.of("ui").get(0).get("title")).isEqualTo("订单详情");
        assertThat(run.of("warning")).isEmpty();
        TestApp.Run alipay = runAlipay("my.setNavigationBar({ title: 42, fail: (e) => console.log(e.error, e.errorMessage) });", "{}");
        assertThat(alipay.logs()).as("%s", alipay).containsExactly("2 parameter error: title must be a string");
    }

    @Test
    void listenersOfEventsTheSimulatorNeverRaisesAreAcceptedWithoutAWarning() {
        TestApp.Run run = run("const f = (t) => console.log('theme', t);\nwx.onThemeChange(f);\nwx.offThemeChange(f);\n"
                + "wx.onNetworkStatusChange(() => {});\n"
                + "wx.getNetworkType({ success: (r) => console.log(r.networkType) });\n"
                + "wx.setClipboardData({ data: 'copied', success() { wx.getClipboardData({ success: (r) => console.log(r.data) }); } });",
                "{}");
        assertThat(run.logs()).as("%s", run).containsExactly("wifi", "copied");
        assertThat(run.of("warning")).isEmpty();
        assertThat(run.of("api")).extracting(e -> e.str("api")).contains("onThemeChange", "offThemeChange", "onNetworkStatusChange");
    }

    @Test
    void storageKeepsValuesForTheRunInBothNamespacesConventions() {
        TestApp.Run run = run("wx.setStorageSync('k', { n: 1 });\n"
                + "console.log(JSON.stringify(wx.getStorageSync('k')), JSON.stringify(wx.getStorageSync('none')));\n"
                + "wx.setStorageSync('m', 2);\n"
                + "console.log(wx.getStorageInfoSync().keys.join());\n"
                + "wx.removeStorageSync('k');\nconsole.log(JSON.stringify(wx.getStorageSync('k')));\n"
                + "wx.getStorage({ key: 'none', fail: (e) => console.log(e.errMsg) });\n"
                + "try { wx.getStorageSync(); } catch (e) { console.log(e.message); }", "{}");
        assertThat(run.logs()).as("%s", run).containsExactly("{\"n\":1} \"\"", "k,m", "\"\"",
                "wx.xxxStorageSync: key must be a string, e.g. wx.getStorageSync('token')", "getStorage:fail data not found");
        run = runAlipay("my.setStorageSync({ key: 'm', data: [1, 'x'] });\n"
                + "console.log(JSON.stringify(my.getStorageSync({ key: 'm' })), JSON.stringify(my.getStorageSync({ key: 'none' })));\n"
                + "my.getStorage({ key: 'm', success: (r) => console.log('async', JSON.stringify(r.data)) });", "{}");
        assertThat(run.logs()).as("%s", run).containsExactly("{\"data\":[1,\"x\"]} {\"data\":null}", "async [1,\"x\"]");
    }
    /**
     * WeChat's startPullDownRefresh: "starts the pull-down refresh; after the call it triggers the
     * pull-down animation, the same effect as the user's manual pull-down" — so the page's
     * onPullDownRefresh runs (after the call, as a task of its own) where the page enables it, and
     * not where it does not (the user's pull does nothing there either).
     */
    @Test
    void startPullDownRefreshRunsOnPullDownRefreshAsTheUsersPullWould() {
        String page = "Page({\n  go() {\n    wx.startPullDownRefresh({ success: () => console.log('started') });\n"
                + "    console.log('called');\n  },\n  onPullDownRefresh() {\n    console.log('refreshing');\n"
                + "    wx.stopPullDownRefresh();\n  },\n});";
        TestApp.Run on = TestApp.withPages(dir.resolve("on"), "pages/a/a").wechat().file("pages/a/a.js", page)
                .file("pages/a/a.json", "{\"enablePullDownRefresh\": true}").run("{\"steps\": [{\"call\": \"go\"}]}");
        assertThat(on.logs()).as("%s", on).containsExactly("called", "started", "refreshing");
        assertThat(on.of("ui")).extracting(e -> e.str("kind")).containsExactly("startPullDownRefresh", "stopPullDownRefresh");
        TestApp.Run off = TestApp.withPages(dir.resolve("off"), "pages/a/a").wechat().file("pages/a/a.js", page)
                .run("{\"steps\": [{\"call\": \"go\"}]}");
        assertThat(off.logs()).as("%s", off).containsExactly("called", "started");
        assertThat(off.of("warning")).extracting(e -> e.str("message")).anyMatch(m -> m.contains("does not enable pull-down refresh"));
    }
}
