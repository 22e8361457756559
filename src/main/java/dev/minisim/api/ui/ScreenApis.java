package dev.minisim.api.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.ApiRegistry;
import java.util.List;
import java.util.Map;

/**
 * What pages do to the screen around them: the navigation bar's title (which the window shows),
 * its colour and loading indicator, pull-down refresh, scrolling, the screen staying on,
 * vibration, analytics reports. Each is recorded as a {@code ui} event whose kind is the API's
 * name and succeeds, as in a client; none has a result the page could read.
 */
public final class ScreenApis {

    /** Effects with nothing to simulate beyond being recorded. */
    static final List<String> RECORDED = List.of("setNavigationBarColor", "showNavigationBarLoading",
            "hideNavigationBarLoading", "setBackgroundColor", "setBackgroundTextStyle", "hideHomeButton",
            "setKeepScreenOn", "startPullDownRefresh", "stopPullDownRefresh", "pageScrollTo", "vibrateShort",
            "vibrateLong", "reportAnalytics", "reportEvent", "setTabBarBadge", "removeTabBarBadge", "showTabBarRedDot",
            "hideTabBarRedDot", "showTabBar", "hideTabBar");

    private ScreenApis() {
    }

    public static void register(ApiRegistry apis, ApiEnv env) {
        for (String name : RECORDED) {
            apis.async(name, call -> {
                env.events().emit("ui", "kind", name, "page", call.page(), "args", plain(call.args()));
                call.ok(Map.of());
            });
        }
        // wx.setNavigationBarTitle({title}) and my.setNavigationBar({title}): the top page's title
        apis.async("setNavigationBarTitle", call -> title(env, call));
        apis.async("setNavigationBar", call -> title(env, call));
    }

    private static void title(ApiEnv env, ApiCall call) {
        JsonNode t = call.args().path("title");
        if (!t.isMissingNode() && !t.isTextual()) {
            call.fail(2, "parameter error: title must be a string");
            return;
        }
        if (t.isTextual()) {
            env.setPageTitle(t.asText());
        }
        env.events().emit("ui", "kind", "navigationBar", "title", t.isTextual() ? t.asText() : null, "page", call.page());
        call.ok(Map.of());
    }

    private static Object plain(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null
                : new com.fasterxml.jackson.databind.ObjectMapper().convertValue(n, Object.class);
    }
}
