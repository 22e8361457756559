package dev.minisim.api.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.ApiRegistry;
import dev.minisim.frame.Colors;
import dev.minisim.frame.FrameState;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The native tab bar, as both platforms document it: {@code setTabBarBadge({index, text})},
 * {@code removeTabBarBadge({index})}, {@code showTabBarRedDot({index})},
 * {@code hideTabBarRedDot({index})}, {@code showTabBar()}, {@code hideTabBar()},
 * {@code setTabBarStyle({color, selectedColor, backgroundColor, borderStyle})},
 * {@code setTabBarItem({index, text, iconPath, selectedIconPath})}. They fail, as in the client,
 * when the app has no tab bar or the top page is not one of its tabs ("not TabBar page"), and when
 * {@code index} names no tab. Each success is recorded as a {@code ui} event; the window draws
 * the result.
 */
final class TabBarApis {

    private TabBarApis() {
    }

    static void register(ApiRegistry apis, ApiEnv env) {
        apis.async("setTabBarBadge", call -> indexed(env, call, (f, i) -> {
            JsonNode text = call.args().path("text");
            if (!text.isTextual()) {
                call.fail(2, "parameter error: text must be a string");
                return;
            }
            // WeChat's doc: more than 3 characters show as "…"
            String t = text.asText();
            f.setBadge(i, t.codePointCount(0, t.length()) > 3 ? "…" : t);
            done(env, call);
        }));
        apis.async("removeTabBarBadge", call -> indexed(env, call, (f, i) -> {
            f.setBadge(i, null);
            done(env, call);
        }));
        apis.async("showTabBarRedDot", call -> indexed(env, call, (f, i) -> {
            f.setRedDot(i, true);
            done(env, call);
        }));
        apis.async("hideTabBarRedDot", call -> indexed(env, call, (f, i) -> {
            f.setRedDot(i, false);
            done(env, call);
        }));
        apis.async("showTabBar", call -> onTabPage(env, call, f -> {
            f.setTabBarHidden(false);
            done(env, call);
        }));
        apis.async("hideTabBar", call -> onTabPage(env, call, f -> {
            f.setTabBarHidden(true);
            done(env, call);
        }));
        apis.async("setTabBarStyle", call -> onTabPage(env, call, f -> style(env, call, f)));
        apis.async("setTabBarItem", call -> indexed(env, call, (f, i) -> {
            f.setTabBarItem(i, text(call, "text"), text(call, "iconPath"), text(call, "selectedIconPath"));
            done(env, call);
        }));
    }

    private static void style(ApiEnv env, ApiCall call, FrameState f) {
        String[] colors = new String[3];
        String[] keys = {"color", "selectedColor", "backgroundColor"};
        for (int k = 0; k < keys.length; k++) {
            JsonNode v = call.args().path(keys[k]);
            colors[k] = Colors.normalise(v);
            if (!v.isMissingNode() && colors[k] == null) {
                call.fail(2, "parameter error: " + keys[k] + " must be a colour like #ff0000, found " + v);
                return;
            }
        }
        String border = text(call, "borderStyle");
        if (border != null && !border.equals("black") && !border.equals("white")) {
            call.fail(2, "parameter error: borderStyle must be \"black\" or \"white\"");
            return;
        }
        f.setTabBarStyle(colors[0], colors[1], colors[2], border);
        done(env, call);
    }

    private static String text(ApiCall call, String key) {
        JsonNode v = call.args().path(key);
        return v.isTextual() ? v.asText() : null;
    }

    /** Runs {@code then} when the top page is a tab of the app's tab bar; else the client's failure. */
    private static void onTabPage(ApiEnv env, ApiCall call, java.util.function.Consumer<FrameState> then) {
        FrameState f = env.frame();
        String top = env.topRoute();
        if (f.tabCount() == 0 || top == null || f.tabBar().indexOf(top) < 0) {
            call.fail(1, "not TabBar page");
            return;
        }
        then.accept(f);
    }

    private static void indexed(ApiEnv env, ApiCall call, BiConsumer<FrameState, Integer> then) {
        onTabPage(env, call, f -> {
            JsonNode index = call.args().path("index");
            if (!index.canConvertToInt() || !index.isIntegralNumber() || !f.hasTab(index.asInt())) {
                call.fail(2, "tabbar item not found: index " + (index.isMissingNode() ? "is missing" : index
                        + " is not between 0 and " + (f.tabCount() - 1)));
                return;
            }
            then.accept(f, index.asInt());
        });
    }

    private static void done(ApiEnv env, ApiCall call) {
        NavigationBarApis.record(env, call);
        call.ok(Map.of());
    }
}
