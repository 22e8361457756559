package dev.minisim.api.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.ApiRegistry;
import dev.minisim.frame.Colors;
import dev.minisim.frame.FrameState;
import java.util.Map;

/**
 * The top page's navigation bar, as the window draws it: {@code wx.setNavigationBarTitle({title})},
 * {@code wx.setNavigationBarColor({frontColor, backgroundColor})} (frontColor only
 * {@code #ffffff} or {@code #000000}, as WeChat's doc says), {@code my.setNavigationBar({title,
 * backgroundColor, reset})}, show/hideNavigationBarLoading and {@code wx.hideHomeButton}. Each is
 * also recorded as a {@code ui} event.
 */
final class NavigationBarApis {

    private NavigationBarApis() {
    }

    static void register(ApiRegistry apis, ApiEnv env) {
        apis.async("setNavigationBarTitle", call -> title(env, call));
        apis.async("setNavigationBar", call -> alipayBar(env, call));
        apis.async("setNavigationBarColor", call -> color(env, call));
        apis.async("showNavigationBarLoading", call -> loading(env, call, true));
        apis.async("hideNavigationBarLoading", call -> loading(env, call, false));
        apis.async("hideHomeButton", call -> {
            if (env.topPageId() >= 0) {
                env.frame().hideHomeButton(env.topPageId());
            }
            record(env, call);
            call.ok(Map.of());
        });
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

    /** my.setNavigationBar: title, backgroundColor (the text colour follows it), reset. */
    private static void alipayBar(ApiEnv env, ApiCall call) {
        JsonNode t = call.args().path("title");
        if (!t.isMissingNode() && !t.isTextual()) {
            call.fail(2, "parameter error: title must be a string");
            return;
        }
        JsonNode bg = call.args().path("backgroundColor");
        String background = Colors.normalise(bg);
        if (!bg.isMissingNode() && background == null) {
            call.fail(2, "parameter error: backgroundColor must be a colour like #108ee9");
            return;
        }
        int page = env.topPageId();
        FrameState frame = env.frame();
        if (page >= 0 && call.args().path("reset").asBoolean(false)) {
            frame.resetBar(page);
        }
        if (t.isTextual()) {
            env.setPageTitle(t.asText());
        }
        if (page >= 0 && background != null) {
            frame.setBarColors(page, Colors.isDark(background) ? "#ffffff" : "#000000", background);
        }
        env.events().emit("ui", "kind", "navigationBar", "title", t.isTextual() ? t.asText() : null,
                "backgroundColor", background, "page", call.page());
        call.ok(Map.of());
    }

    private static void color(ApiEnv env, ApiCall call) {
        String front = call.args().path("frontColor").asText("").toLowerCase(java.util.Locale.ROOT);
        String background = Colors.normalise(call.args().path("backgroundColor"));
        if (!front.equals("#ffffff") && !front.equals("#000000")) {
            call.fail(2, "invalid frontColor \"" + call.args().path("frontColor").asText("")
                    + "\": only #ffffff and #000000 are supported");
            return;
        }
        if (background == null) {
            call.fail(2, "invalid backgroundColor \"" + call.args().path("backgroundColor").asText("") + "\"");
            return;
        }
        if (env.topPageId() >= 0) {
            env.frame().setBarColors(env.topPageId(), front, background);
        }
        record(env, call);
        call.ok(Map.of());
    }

    private static void loading(ApiEnv env, ApiCall call, boolean on) {
        if (env.topPageId() >= 0) {
            env.frame().setLoading(env.topPageId(), on);
        }
        record(env, call);
        call.ok(Map.of());
    }

    static void record(ApiEnv env, ApiCall call) {
        env.events().emit("ui", "kind", call.api(), "page", call.page(), "args", ScreenApis.plain(call.args()));
    }
}
