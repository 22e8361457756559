package dev.minisim.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.program.Platform;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, part 2, "the frame as the client draws it": the navigation bar from app.json
 * {@code window} and the page's json, the tab bar from app.json {@code tabBar}, with both
 * platforms' keys (WeChat's window/tabBar reference; Alipay's app.json reference).
 */
class FrameSettingsTest {

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void wechatBarTakesThePageJsonOverTheAppWindowAndDefaultsToWhiteOnBlack() throws Exception {
        JsonNode window = json("{\"navigationBarTitleText\": \"应用\", \"navigationBarBackgroundColor\": \"#F8F8F8\","
                + " \"navigationBarTextStyle\": \"black\"}");
        NavigationBarSettings page = NavigationBarSettings.read(Platform.WECHAT, window,
                json("{\"navigationBarTitleText\": \"详情\", \"navigationBarBackgroundColor\": \"#07c160\", \"navigationBarTextStyle\": \"white\"}"));
        assertThat(page).isEqualTo(new NavigationBarSettings("详情", "#07c160", "#ffffff", false));
        assertThat(NavigationBarSettings.read(Platform.WECHAT, window, null))
                .isEqualTo(new NavigationBarSettings("应用", "#f8f8f8", "#000000", false));
        // WeChat's documented defaults: #000000 background, white text
        assertThat(NavigationBarSettings.read(Platform.WECHAT, null, null))
                .isEqualTo(new NavigationBarSettings("", "#000000", "#ffffff", false));
        assertThat(NavigationBarSettings.read(Platform.WECHAT, window, json("{\"navigationStyle\": \"custom\"}")).custom()).isTrue();
    }

    @Test
    void alipayBarReadsDefaultTitleAndTitleBarColorAndPicksAContrastingText() throws Exception {
        NavigationBarSettings dark = NavigationBarSettings.read(Platform.ALIPAY,
                json("{\"defaultTitle\": \"支付宝\", \"titleBarColor\": \"#1677FF\"}"), null);
        assertThat(dark).isEqualTo(new NavigationBarSettings("支付宝", "#1677ff", "#ffffff", false));
        // the older decimal form of titleBarColor, and the default white bar with black text
        assertThat(NavigationBarSettings.read(Platform.ALIPAY, json("{\"titleBarColor\": 16777215}"), null))
                .isEqualTo(new NavigationBarSettings("", "#ffffff", "#000000", false));
        assertThat(NavigationBarSettings.read(Platform.ALIPAY, json("{\"defaultTitle\": \"a\"}"),
                json("{\"defaultTitle\": \"b\", \"transparentTitle\": \"always\"}"))).isEqualTo(
                new NavigationBarSettings("b", "#ffffff", "#000000", true));
        // a colour the client would reject does not break the bar: the default stays
        assertThat(NavigationBarSettings.read(Platform.ALIPAY, json("{\"titleBarColor\": \"blue-ish\"}"), null).background())
                .isEqualTo("#ffffff");
    }

    @Test
    void wechatTabBarListsItsTabsColoursAndPosition() throws Exception {
        TabBarSettings bar = TabBarSettings.read(Platform.WECHAT, json("{\"tabBar\": {\"color\": \"#999\","
                + " \"selectedColor\": \"#FF0000\", \"backgroundColor\": \"#fafafa\", \"borderStyle\": \"white\", \"position\": \"top\","
                + " \"list\": [{\"pagePath\": \"pages/index/index\", \"text\": \"首页\", \"iconPath\": \"/img/home.png\","
                + " \"selectedIconPath\": \"img/home-on.png\"}, {\"pagePath\": \"/pages/me/me.wxml\", \"text\": \"我的\"}]}}"));
        assertThat(bar.items()).containsExactly(
                new TabBarSettings.Item("pages/index/index", "首页", "img/home.png", "img/home-on.png"),
                new TabBarSettings.Item("pages/me/me", "我的", null, null));
        assertThat(bar).extracting(TabBarSettings::color, TabBarSettings::selectedColor, TabBarSettings::background,
                TabBarSettings::borderStyle, TabBarSettings::top, TabBarSettings::custom)
                .containsExactly("#999999", "#ff0000", "#fafafa", "white", true, false);
        assertThat(bar.indexOf("pages/me/me")).isEqualTo(1);
        assertThat(bar.indexOf("pages/other/other")).isEqualTo(-1);
        assertThat(TabBarSettings.read(Platform.WECHAT, json("{\"tabBar\": {\"custom\": true, \"list\": []}}")).custom()).isTrue();
        assertThat(TabBarSettings.read(Platform.WECHAT, json("{}"))).isEqualTo(TabBarSettings.NONE);
    }

    @Test
    void alipayTabBarReadsItemsWithNameIconActiveIconAndTextColor() throws Exception {
        TabBarSettings bar = TabBarSettings.read(Platform.ALIPAY, json("{\"tabBar\": {\"textColor\": \"#404040\","
                + " \"selectedColor\": \"#108ee9\", \"backgroundColor\": \"#F5F5F9\", \"items\": ["
                + "{\"pagePath\": \"pages/index/index\", \"name\": \"首页\", \"icon\": \"a.png\", \"activeIcon\": \"b.png\"},"
                + "{\"pagePath\": \"pages/mine/mine\", \"name\": \"我的\"}]}}"));
        assertThat(bar.items()).containsExactly(new TabBarSettings.Item("pages/index/index", "首页", "a.png", "b.png"),
                new TabBarSettings.Item("pages/mine/mine", "我的", null, null));
        assertThat(bar.color()).isEqualTo("#404040");
        assertThat(bar.background()).isEqualTo("#f5f5f9");
    }
}
