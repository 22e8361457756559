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

    private TestApp.Run run(String body, String decisions) {
        return TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js", "Page({ go() {\n" + body + "\n} });")
                .run("{\"decisions\": " + decisions + ", \"steps\": [{\"call\": \"go\"}]}");
    }

    @Test
    void noticesAreUiEventsAndDialogsAreDecisions() {
        TestApp.Run run = run("my.alert({ title: 'T', content: 'hello' });\n"
                + "my.showToast({ content: '成功', type: 'success' });\nwx.showLoading({ title: '加载中' });\nwx.hideLoading();\n"
                + "my.confirm({ content: '确定吗?', success: (r) => console.log('confirm', r.confirm) });\n"
                + "wx.showModal({ title: '提示', content: '删除?', success: (r) => console.log('modal', r.confirm, r.cancel, r.errMsg) });\n"
                + "wx.showActionSheet({ itemList: ['A', 'B'], success: (r) => console.log('sheet', r.tapIndex) });",
                "{\"confirm\": [\"cancel\"], \"modal\": [\"confirm\"], \"actionSheet\": [1]}");
        assertThat(run.of("ui")).as("%s", run).extracting(e -> e.str("kind") + ":" + e.str("title") + ":" + e.str("content"))
                .containsExactly("alert:T:hello", "toast:null:成功", "loading:加载中:null", "loading:null:null",
                        "confirm:null:确定吗?", "modal:提示:删除?", "actionSheet:null:A | B");
        assertThat(run.logs()).containsExactly("confirm false", "modal true false showModal:ok", "sheet 1");
        assertThat(run.of("decision")).extracting(e -> e.str("kind")).containsExactly("confirm", "modal", "actionSheet");
    }

    @Test
    void screenEffectsAreRecordedAndTheTitleChangesForTheWindow() throws Exception {
        TestApp.Run run = run("wx.setNavigationBarTitle({ title: '订单详情' });\nwx.showNavigationBarLoading();\n"
                + "wx.stopPullDownRefresh();\nwx.vibrateShort({ type: 'light' });\n"
                + "my.setNavigationBar({ title: 42, fail: (e) => console.log(e.error, e.errorMessage) });\n"
                + "wx.nextTick(() => console.log('tick'));\nconsole.log('sync');", "{}");
        assertThat(run.logs()).as("%s", run).containsExactly("sync", "tick", "2 parameter error: title must be a string");
        assertThat(run.of("ui")).extracting(e -> e.str("kind")).containsExactly("navigationBar",
                "showNavigationBarLoading", "stopPullDownRefresh", "vibrateShort");
        assertThat(run.of("ui").get(0).get("title")).isEqualTo("订单详情");
        assertThat(run.of("warning")).isEmpty();
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
                + "my.setStorageSync({ key: 'm', data: [1, 'x'] });\n"
                + "console.log(JSON.stringify(my.getStorageSync({ key: 'm' })), JSON.stringify(my.getStorageSync({ key: 'none' })));\n"
                + "console.log(wx.getStorageInfoSync().keys.join());\n"
                + "wx.removeStorageSync('k');\nconsole.log(JSON.stringify(wx.getStorageSync('k')));\n"
                + "wx.getStorage({ key: 'none', fail: (e) => console.log(e.errMsg) });\n"
                + "my.getStorage({ key: 'm', success: (r) => console.log('async', JSON.stringify(r.data)) });\n"
                + "try { wx.getStorageSync(); } catch (e) { console.log(e.message); }", "{}");
        assertThat(run.logs()).as("%s", run).containsExactly("{\"n\":1} \"\"", "{\"data\":[1,\"x\"]} {\"data\":null}",
                "k,m", "\"\"", "wx.xxxStorageSync: key must be a string, e.g. wx.getStorageSync('token')",
                "getStorage:fail data not found", "async [1,\"x\"]");
    }
}
