package dev.minisim.api.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.ApiRegistry;
import java.util.List;
import java.util.Map;

/**
 * What pages do to the screen around them: the navigation bar ({@link NavigationBarApis}) and the
 * tab bar ({@link TabBarApis}), which the window draws; pull-down refresh, scrolling, the screen
 * staying on, vibration, analytics reports. Each is recorded as a {@code ui} event whose kind is
 * the API's name and succeeds, as in a client; none has a result the page could read.
 */
public final class ScreenApis {

    /** Effects with nothing to simulate beyond being recorded. */
    static final List<String> RECORDED = List.of("setBackgroundColor", "setBackgroundTextStyle",
            "setKeepScreenOn", "stopPullDownRefresh", "pageScrollTo", "vibrateShort",
            "vibrateLong", "reportAnalytics", "reportEvent");

    private ScreenApis() {
    }

    public static void register(ApiRegistry apis, ApiEnv env) {
        for (String name : RECORDED) {
            apis.async(name, call -> {
                env.events().emit("ui", "kind", name, "page", call.page(), "args", plain(call.args()));
                call.ok(Map.of());
            });
        }
        // "starts the pull-down refresh: the animation and the effect of the user's own pull-down"
        apis.async("startPullDownRefresh", call -> {
            env.events().emit("ui", "kind", "startPullDownRefresh", "page", call.page(), "args", plain(call.args()));
            call.ok(Map.of());
            env.startPullDownRefresh();
        });
        NavigationBarApis.register(apis, env);
        TabBarApis.register(apis, env);
    }

    static Object plain(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null
                : new com.fasterxml.jackson.databind.ObjectMapper().convertValue(n, Object.class);
    }
}
