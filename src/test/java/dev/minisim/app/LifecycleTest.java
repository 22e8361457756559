package dev.minisim.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC.md, "App, pages, lifecycle". */
class LifecycleTest {

    @TempDir
    Path dir;

    private TestApp twoPages() {
        return TestApp.withPages(dir, "pages/a/a", "pages/b/b").wechat()
                .file("app.js", "App({ onLaunch(o) { console.log('launch', o.path); }, onShow() {} });")
                .file("pages/a/a.js", "Page({ go(url) { wx.navigateTo({ url: url || '../b/b?x=1&name=%E4%B8%AD' }); },"
                        + " redirect() { wx.redirectTo({ url: '/pages/b/b' }); },"
                        + " relaunch() { wx.reLaunch({ url: '/pages/b/b' }); } });")
                .file("pages/b/b.js", "Page({ onLoad(q) { console.log('b query', q); }, back() { wx.navigateBack(); },"
                        + " deeper() { wx.navigateTo({ url: 'b' }); } });");
    }

    @Test
    void launchRunsAppThenHomePageHooksInOrder() {
        // "App.onLaunch(options) → App.onShow → home Page.onLoad(query) → onShow → onReady"
        TestApp.Run run = twoPages().launch();
        assertThat(run.hooks()).as("%s", run).containsExactly(
                "app onLaunch", "app onShow", "pages/a/a onLoad", "pages/a/a onShow", "pages/a/a onReady");
        assertThat(run.logs()).contains("launch pages/a/a");
        assertThat(run.last().type()).isEqualTo("end");
        assertThat(run.last().get("status")).isEqualTo("ok");
    }

    @Test
    void navigateToHidesOpenerThenLoadsShowsReadiesNewPageWithRawQuery() {
        // "navigateTo: opener onHide, new page onLoad(query) → onShow → onReady"; relative URLs
        TestApp.Run run = twoPages().calling("go");
        assertThat(run.hooks()).as("%s", run).containsSubsequence(
                "pages/a/a onReady", "pages/a/a onHide", "pages/b/b onLoad", "pages/b/b onShow", "pages/b/b onReady");
        assertThat(run.logs()).contains("b query {x: \"1\", name: \"%E4%B8%AD\"}");
        assertThat(run.last().get("pages")).isEqualTo(java.util.List.of("pages/a/a", "pages/b/b"));
    }

    @Test
    void navigateBackUnloadsTopAndShowsThePageBelow() {
        // "navigateBack: top page onUnload, the page below onShow"
        TestApp.Run run = twoPages().run("{\"steps\": [{\"call\": \"go\"}, {\"call\": \"back\"}]}");
        assertThat(run.hooks()).as("%s", run).endsWith("pages/b/b onUnload", "pages/a/a onShow");
        assertThat(run.last().get("pages")).isEqualTo(java.util.List.of("pages/a/a"));
    }

    @Test
    void redirectToUnloadsCurrentPageBeforeLoadingTheNewOne() {
        // "redirectTo: current page onUnload, then the new page loads"
        TestApp.Run run = twoPages().calling("redirect");
        assertThat(run.hooks()).as("%s", run).endsWith("pages/a/a onUnload", "pages/b/b onLoad", "pages/b/b onShow",
                "pages/b/b onReady");
        assertThat(run.last().get("pages")).isEqualTo(java.util.List.of("pages/b/b"));
    }

    @Test
    void reLaunchUnloadsEveryPage() {
        // "reLaunch: every page unloads, then the new page loads"
        TestApp.Run run = twoPages().run("{\"steps\": [{\"call\": \"go\"}, {\"call\": \"deeper\"}, {\"call\": \"back\"},"
                + " {\"call\": \"back\"}, {\"call\": \"relaunch\"}]}");
        assertThat(run.last().get("pages")).as("%s", run).isEqualTo(java.util.List.of("pages/b/b"));
        assertThat(run.hooks()).endsWith("pages/a/a onUnload", "pages/b/b onLoad", "pages/b/b onShow", "pages/b/b onReady");
    }

    @Test
    void theEleventhPageIsRefusedAndTheStackIsUnchanged() {
        // "At most 10 pages on the stack: the navigateTo that would make an 11th page fails"
        TestApp app = TestApp.withPages(dir, "pages/a/a").wechat()
                .file("pages/a/a.js", "Page({ more() { wx.navigateTo({ url: '/pages/a/a',"
                        + " fail: (e) => console.log(e.errMsg) }); } });");
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            steps.append(i == 0 ? "" : ",").append("{\"call\": \"more\"}");
        }
        TestApp.Run run = app.run("{\"steps\": [" + steps + "]}");
        assertThat(run.logs()).as("%s", run).containsExactly("navigateTo:fail webview count limit exceed");
        assertThat((java.util.List<?>) run.last().get("pages")).hasSize(10);
    }

    @Test
    void anUnknownPageFailsCleanlyInBothNamespaces() {
        // "Unknown page: fail, stack unchanged"; wx: errMsg, my: {error, errorMessage}
        String page = "Page({ go() { const ns = typeof wx === 'object' ? wx : my;"
                + " ns.navigateTo({ url: '/pages/zz/zz', fail: (e) => console.log(JSON.stringify(e)) }); } });";
        TestApp.Run run = TestApp.withPages(dir.resolve("w"), "pages/a/a").wechat().file("pages/a/a.js", page).calling("go");
        assertThat(run.logs()).as("%s", run).containsExactly(
                "{\"errMsg\":\"navigateTo:fail page \\\"pages/zz/zz\\\" is not found\"}");
        assertThat(run.last().get("status")).isEqualTo("ok");
        assertThat(run.last().get("pages")).isEqualTo(java.util.List.of("pages/a/a"));
        run = TestApp.withPages(dir.resolve("a"), "pages/a/a").alipay().file("pages/a/a.js", page).calling("go");
        assertThat(run.logs()).as("%s", run).containsExactly(
                "{\"error\":3,\"errorMessage\":\"page \\\"pages/zz/zz\\\" is not found\"}");
        assertThat(run.last().get("pages")).isEqualTo(java.util.List.of("pages/a/a"));
    }

    @Test
    void aListedPageWhoseFileIsMissingIsAnErrorOfTheNavigationThatReachesIt() {
        // "a page listed but absent is an error of that navigation only"
        TestApp app = TestApp.withPages(dir, "pages/a/a", "pages/gone/gone").wechat()
                .file("pages/a/a.js", "Page({ go() { wx.navigateTo({ url: '/pages/gone/gone' }).catch(e => console.log(e.errMsg)); } });");
        TestApp.Run launched = app.launch();
        assertThat(launched.last().get("status")).isEqualTo("ok");
        TestApp.Run run = app.calling("go");
        assertThat(run.errors()).as("%s", run).containsExactly(
                "page \"pages/gone/gone\" is listed in app.json but pages/gone/gone.js does not exist");
        assertThat(run.logs()).containsExactly("navigateTo:fail page \"pages/gone/gone\" is not found");
        assertThat(run.result().exitCode()).isEqualTo(1);
    }

    @Test
    void switchTabKeepsTabPagesAliveAndRefusesOtherPages() {
        TestApp app = TestApp.withAppJson(dir, "{\"pages\": [\"pages/a/a\", \"pages/b/b\", \"pages/c/c\"], \"tabBar\": {\"list\": ["
                        + "{\"pagePath\": \"pages/a/a\"}, {\"pagePath\": \"pages/b/b\"}]}}").wechat()
                .file("pages/a/a.js", "Page({ toB() { wx.switchTab({ url: '/pages/b/b' }); },"
                        + " toC() { wx.switchTab({ url: '/pages/c/c', fail: e => console.log(e.errMsg) }); },"
                        + " navB() { wx.navigateTo({ url: '/pages/b/b', fail: e => console.log(e.errMsg) }); } });")
                .file("pages/b/b.js", "Page({ toA() { wx.switchTab({ url: '/pages/a/a' }); } });")
                .file("pages/c/c.js", "Page({});");
        TestApp.Run run = app.run("{\"steps\": [{\"call\": \"toC\"}, {\"call\": \"navB\"}, {\"call\": \"toB\"}, {\"call\": \"toA\"}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("switchTab:fail can not switch to no-tabBar page",
                "navigateTo:fail can not navigateTo a tabbar page");
        assertThat(run.hooks().stream().filter(h -> h.equals("pages/a/a onLoad"))).hasSize(1);
        assertThat(run.hooks()).endsWith("pages/b/b onHide", "pages/a/a onShow");
        assertThat(run.hooks()).doesNotContain("pages/a/a onUnload", "pages/b/b onUnload");
    }

    @Test
    void aComponentBuiltPageRunsItsMethodsAndLifetimes() {
        // "Component({...}) used as a page: methods under methods, lifetimes, pageLifetimes"
        TestApp app = TestApp.withPages(dir, "pages/c/c").wechat()
                .file("behaviors/b.js", "module.exports = Behavior({ data: { fromBehavior: true },"
                        + " attached() { console.log('behavior attached'); } });")
                .file("pages/c/c.js", "const b = require('../../behaviors/b');"
                        + "Component({ behaviors: [b], properties: { id: Number }, data: { n: 1 },"
                        + " lifetimes: { created() { console.log('created'); }, attached() { console.log('attached', this.data.id); },"
                        + "   ready() { console.log('ready'); } },"
                        + " pageLifetimes: { show() { console.log('show'); } },"
                        + " methods: { onLoad(q) { console.log('onLoad', q.id, this.data.fromBehavior, this.properties.id); },"
                        + "   inc() { this.setData({ n: this.data.n + 1 }); console.log('n', this.data.n); } } });");
        TestApp.Run run = app.run("{\"page\": \"pages/c/c?id=7\", \"steps\": [{\"call\": \"inc\"}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("created", "behavior attached", "attached 7",
                "onLoad 7 true 7", "show", "ready", "n 2");
    }

    @Test
    void setDataTakesPathKeysUpdatesDataAndCallsBackAfterwards() {
        // "this.setData(obj, callback) with path keys ('a.b[0].c')"
        TestApp app = TestApp.withPages(dir, "pages/a/a").wechat()
                .file("pages/a/a.js", "Page({ data: { a: { b: [{ c: 1 }] }, list: [] },"
                        + " onLoad() { this.setData({ 'a.b[0].c': 2, 'list[1]': 'x', 'new.deep': 3 }, () => console.log('cb', JSON.stringify(this.data)));"
                        + " console.log('after', this.data.a.b[0].c); } });");
        TestApp.Run run = app.launch();
        assertThat(run.logs()).as("%s", run).containsExactly("after 2",
                "cb {\"a\":{\"b\":[{\"c\":2}]},\"list\":[null,\"x\"],\"new\":{\"deep\":3}}");
        assertThat(run.of("setData").get(0).get("data")).isEqualTo(
                java.util.Map.of("a.b[0].c", 2, "list[1]", "x", "new.deep", 3));
    }

    @Test
    void getCurrentPagesListsHomeFirstAndEachPageKnowsItsRoute() {
        // "getApp(), getCurrentPages() (home first, current last), this.route"
        TestApp app = TestApp.withPages(dir, "pages/a/a", "pages/b/b").wechat()
                .file("app.js", "App({ globalData: { who: 'app' } });")
                .file("pages/a/a.js", "Page({ go() { wx.navigateTo({ url: '/pages/b/b' }); } });")
                .file("pages/b/b.js", "Page({ onLoad() { console.log(getCurrentPages().map(p => p.route).join(','),"
                        + " this.route, getApp().globalData.who); } });");
        TestApp.Run run = app.calling("go");
        assertThat(run.logs()).as("%s", run).containsExactly("pages/a/a,pages/b/b pages/b/b app");
    }

    @Test
    void theWindowsTitleIsThePagesJsonTitleUntilSetNavigationBarTitleChangesIt() throws Exception {
        TestApp app = TestApp.withPages(dir, "pages/a/a").wechat()
                .file("pages/a/a.json", "{\"navigationBarTitleText\": \"首页\"}")
                .file("pages/a/a.js", "Page({ rename() { wx.setNavigationBarTitle({ title: '改名了' }); } });");
        dev.minisim.app.Simulation sim = new dev.minisim.app.Simulation(dev.minisim.program.MiniProgram.load(dir), dev.minisim.app.Simulation.Options.headless());
        java.util.List<String> titles = new java.util.ArrayList<>();
        Thread t = new Thread(() -> {
            sim.start();
            sim.launch("pages/a/a", java.util.Map.of());
            sim.loop().settle();
            titles.add(sim.viewState().title());
            sim.callMethod("rename", java.util.List.of());
            sim.loop().settle();
            titles.add(sim.viewState().title());
            sim.close();
        });
        t.start();
        t.join(30_000);
        assertThat(titles).containsExactly("首页", "改名了");
    }

    @Test
    void launchOnAMissingPageGoesToOnPageNotFoundOrIsAnError() {
        TestApp app = TestApp.withPages(dir, "pages/a/a").wechat().file("pages/a/a.js", "Page({});");
        TestApp.Run run = app.run("{\"page\": \"pages/none/none\"}");
        assertThat(run.errors()).as("%s", run).containsExactly("cannot launch: page \"pages/none/none\" is not found");
        app.file("app.js", "App({ onPageNotFound(r) { console.log('not found', r.path); wx.redirectTo({ url: '/pages/a/a' }); } });");
        TestApp.Run handled = app.run("{\"page\": \"pages/none/none\"}");
        assertThat(handled.errors()).as("%s", handled).isEmpty();
        assertThat(handled.last().get("pages")).isEqualTo(java.util.List.of("pages/a/a"));
    }
}
