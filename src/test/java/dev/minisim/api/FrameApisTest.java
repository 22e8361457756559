package dev.minisim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import dev.minisim.app.Simulation;
import dev.minisim.app.ViewState;
import dev.minisim.frame.Frame;
import dev.minisim.program.MiniProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, part 2: "setNavigationBarTitle/setNavigationBarColor ... badges and red dots from
 * setTabBarBadge/showTabBarRedDot/removeTabBarBadge/hideTabBar ... as the platforms' docs say":
 * what the JSAPIs change of the frame the window draws, and their failures off a tab page.
 */
class FrameApisTest {

    @TempDir
    Path dir;

    private static final String TABS = "{\"pages\": [\"pages/a/a\", \"pages/b/b\", \"pages/c/c\"],"
            + " \"window\": {\"navigationBarTitleText\": \"应用\", \"navigationBarBackgroundColor\": \"#ffffff\","
            + " \"navigationBarTextStyle\": \"black\"},"
            + " \"tabBar\": {\"selectedColor\": \"#07c160\", \"list\": [{\"pagePath\": \"pages/a/a\", \"text\": \"首页\","
            + " \"iconPath\": \"img/a.png\"}, {\"pagePath\": \"pages/b/b\", \"text\": \"我的\", \"iconPath\": \"../outside.png\"}]}}";

    /** Launches the home page, calls each method of the top page in turn, and keeps the view after each. */
    private List<ViewState> views(String... methods) throws Exception {
        Simulation sim = new Simulation(MiniProgram.load(dir), Simulation.Options.headless());
        List<ViewState> views = new ArrayList<>();
        Thread t = new Thread(() -> {
            sim.start();
            sim.launch(sim.program().homePage(), Map.of());
            sim.loop().settle();
            views.add(sim.viewState());
            for (String m : methods) {
                sim.callMethod(m, List.of());
                sim.loop().settle();
                views.add(sim.viewState());
            }
            sim.close();
        });
        t.start();
        t.join(60_000);
        return views;
    }

    private TestApp wechatTabs(String aJs) throws Exception {
        TestApp app = TestApp.withAppJson(dir, TABS).wechat().file("pages/a/a.js", aJs)
                .file("pages/b/b.js", "Page({});").file("pages/c/c.js", "Page({});")
                .file("pages/a/a.json", "{\"navigationBarTitleText\": \"首页\"}");
        Files.createDirectories(dir.resolve("img"));
        Files.write(dir.resolve("img/a.png"), new byte[] {1});
        return app;
    }

    @Test
    void badgesRedDotsAndHidingChangeTheTabBarTheWindowDraws() throws Exception {
        wechatTabs("Page({\n"
                + " badge() { wx.setTabBarBadge({ index: 1, text: '12' }); wx.showTabBarRedDot({ index: 0 }); },\n"
                + " long() { wx.setTabBarBadge({ index: 1, text: '1000' }); },\n"
                + " clear() { wx.removeTabBarBadge({ index: 1 }); wx.hideTabBarRedDot({ index: 0 }); },\n"
                + " hide() { wx.hideTabBar(); },\n"
                + " style() { wx.showTabBar(); wx.setTabBarStyle({ color: '#333333', backgroundColor: '#000000', borderStyle: 'white' });"
                + " wx.setTabBarItem({ index: 0, text: '主页' }); },\n"
                + "});");
        List<ViewState> v = views("badge", "long", "clear", "hide", "style");
        Frame.TabBar launch = v.get(0).frame().tabBar();
        assertThat(launch.tabs()).extracting(Frame.Tab::text).containsExactly("首页", "我的");
        assertThat(launch.selected()).isEqualTo(0);
        assertThat(launch.selectedColor()).isEqualTo("#07c160");
        assertThat(launch.tabs().get(0).icon()).as("an icon inside the folder").isEqualTo(dir.toRealPath().resolve("img/a.png"));
        assertThat(launch.tabs().get(1).icon()).as("an icon path that leaves the folder is not read").isNull();
        assertThat(v.get(1).frame().tabBar().tabs()).extracting(Frame.Tab::badge, Frame.Tab::redDot)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, true), org.assertj.core.groups.Tuple.tuple("12", false));
        assertThat(v.get(2).frame().tabBar().tabs().get(1).badge()).as("more than 3 characters show as …").isEqualTo("…");
        assertThat(v.get(3).frame().tabBar().tabs()).extracting(Frame.Tab::badge, Frame.Tab::redDot)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(null, false));
        assertThat(v.get(4).frame().tabBar()).as("hideTabBar").isNull();
        Frame.TabBar styled = v.get(5).frame().tabBar();
        assertThat(styled).extracting(Frame.TabBar::color, Frame.TabBar::background, Frame.TabBar::borderStyle)
                .containsExactly("#333333", "#000000", "white");
        assertThat(styled.tabs().get(0).text()).isEqualTo("主页");
    }

    @Test
    void tabBarCallsOffATabPageFailAsInTheClient() throws Exception {
        TestApp app = wechatTabs("Page({ go() { wx.navigateTo({ url: '/pages/c/c' }); } });")
                .file("pages/c/c.js", "Page({ onLoad() {\n"
                        + " wx.setTabBarBadge({ index: 0, text: '1', fail: (e) => console.log(e.errMsg) });\n"
                        + " wx.hideTabBar({ fail: (e) => console.log(e.errMsg) }); } });");
        TestApp.Run run = app.calling("go");
        assertThat(run.logs()).as("%s", run).containsExactly("setTabBarBadge:fail not TabBar page", "hideTabBar:fail not TabBar page");
        TestApp.Run bad = wechatTabs("Page({ go() { wx.setTabBarBadge({ index: 5, text: '1', fail: (e) => console.log(e.errMsg) }); } });")
                .calling("go");
        assertThat(bad.logs()).as("%s", bad).containsExactly("setTabBarBadge:fail tabbar item not found: index 5 is not between 0 and 1");
    }

    @Test
    void theNavigationBarFollowsTheJsonThenSetNavigationBarTitleAndColorAndShowsBackOrHome() throws Exception {
        wechatTabs("Page({\n"
                + " title() { wx.setNavigationBarTitle({ title: '改名' }); wx.setNavigationBarColor({ frontColor: '#ffffff', backgroundColor: '#ff0000' });"
                + " wx.setNavigationBarColor({ frontColor: 'red', backgroundColor: '#000', fail: (e) => console.log(e.errMsg) }); },\n"
                + " open() { wx.navigateTo({ url: '/pages/c/c' }); },\n"
                + " relaunch() { wx.reLaunch({ url: '/pages/c/c' }); },\n"
                + "});").file("pages/c/c.json", "{\"navigationStyle\": \"custom\"}");
        List<ViewState> v = views("title", "open");
        assertThat(v.get(0).frame().nav()).isEqualTo(new Frame.Bar("首页", "#ffffff", "#000000", false, false));
        assertThat(v.get(0).frame().back()).isFalse();
        assertThat(v.get(0).frame().home()).as("a tab page has no home button").isFalse();
        assertThat(v.get(1).frame().nav()).isEqualTo(new Frame.Bar("改名", "#ff0000", "#ffffff", false, false));
        Frame opened = v.get(2).frame();
        assertThat(opened.nav().custom()).as("navigationStyle custom").isTrue();
        assertThat(opened.tabBar()).as("no tab bar on a page that is not a tab").isNull();
        assertThat(opened.back()).isTrue();
        List<ViewState> relaunched = views("relaunch");
        assertThat(relaunched.get(1).stack()).containsExactly("pages/c/c");
        assertThat(relaunched.get(1).frame().home()).as("a lone page that is not home: the home button").isTrue();
        assertThat(relaunched.get(1).frame().back()).isFalse();
    }

    @Test
    void aCustomTabBarGetsNoNativeBar() throws Exception {
        TestApp.withAppJson(dir, "{\"pages\": [\"pages/a/a\", \"pages/b/b\"], \"tabBar\": {\"custom\": true, \"list\": ["
                + "{\"pagePath\": \"pages/a/a\", \"text\": \"A\"}, {\"pagePath\": \"pages/b/b\", \"text\": \"B\"}]}}").wechat()
                .file("pages/a/a.js", "Page({});").file("pages/b/b.js", "Page({});");
        assertThat(views().get(0).frame().tabBar()).as("tabBar.custom: the custom-tab-bar component draws it").isNull();
    }

    @Test
    void alipayTabBarItemsAndSetNavigationBarWork() throws Exception {
        TestApp app = TestApp.withAppJson(dir, "{\"pages\": [\"pages/a/a\", \"pages/b/b\"], \"window\": {\"defaultTitle\": \"支付宝\"},"
                + " \"tabBar\": {\"textColor\": \"#404040\", \"items\": [{\"pagePath\": \"pages/a/a\", \"name\": \"首页\"},"
                + " {\"pagePath\": \"pages/b/b\", \"name\": \"我的\"}]}}").alipay()
                .file("pages/a/a.js", "Page({ bar() { my.setNavigationBar({ title: '新', backgroundColor: '#108ee9' });"
                        + " my.setTabBarBadge({ index: 1, text: 'N' }); }, tab() { my.switchTab({ url: '/pages/b/b' }); } });")
                .file("pages/b/b.js", "Page({});");
        List<ViewState> v = views("bar", "tab");
        assertThat(v.get(0).frame().nav()).isEqualTo(new Frame.Bar("支付宝", "#ffffff", "#000000", false, false));
        assertThat(v.get(1).frame().nav()).isEqualTo(new Frame.Bar("新", "#108ee9", "#ffffff", false, false));
        assertThat(v.get(1).frame().tabBar().tabs()).extracting(Frame.Tab::text, Frame.Tab::badge)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("首页", null), org.assertj.core.groups.Tuple.tuple("我的", "N"));
        assertThat(v.get(2).stack()).as("switchTab to an Alipay tab (tabBar.items)").containsExactly("pages/b/b");
        assertThat(v.get(2).frame().tabBar().selected()).isEqualTo(1);
        assertThat(app.dir()).isEqualTo(dir);
    }
}
