package dev.minisim.frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.minisim.program.Platform;

/**
 * A page's navigation bar as its json declares it: the page's json over app.json's
 * {@code window}. WeChat: {@code navigationBarTitleText}, {@code navigationBarBackgroundColor}
 * (default {@code #000000}), {@code navigationBarTextStyle} ({@code white} default, or
 * {@code black}), {@code navigationStyle: custom} (no bar, only the capsule). Alipay:
 * {@code defaultTitle}, {@code titleBarColor} (default white; the text is black or white to
 * contrast with it), {@code transparentTitle: always} (the page draws under a transparent bar).
 * Either platform's keys are read in either app, its own platform's first.
 *
 * @param title      the title text ("" when none)
 * @param background {@code #rrggbb}
 * @param textColor  {@code #000000} or {@code #ffffff}
 * @param custom     no bar: the page draws its own (only the capsule stays)
 */
public record NavigationBarSettings(String title, String background, String textColor, boolean custom) {

    public static final String BLACK = "#000000";
    public static final String WHITE = "#ffffff";

    /** Reads the bar of a page from app.json's {@code window} and the page's json (either may be null). */
    public static NavigationBarSettings read(Platform platform, JsonNode appWindow, JsonNode pageJson) {
        JsonNode app = appWindow == null ? MissingNode.getInstance() : appWindow;
        JsonNode page = pageJson == null ? MissingNode.getInstance() : pageJson;
        boolean alipay = platform == Platform.ALIPAY;
        String title = text(page, app, alipay ? "defaultTitle" : "navigationBarTitleText",
                alipay ? "navigationBarTitleText" : "defaultTitle");
        String wxBackground = Colors.normalise(pick(page, app, "navigationBarBackgroundColor"));
        String myBackground = Colors.normalise(pick(page, app, "titleBarColor"));
        String background = alipay ? first(myBackground, wxBackground, WHITE) : first(wxBackground, myBackground, BLACK);
        String style = pick(page, app, "navigationBarTextStyle").asText("");
        String textColor = style.equals("black") ? BLACK : style.equals("white") ? WHITE
                : alipay || wxBackground == null && myBackground != null ? (Colors.isDark(background) ? WHITE : BLACK) : WHITE;
        boolean custom = "custom".equals(pick(page, app, "navigationStyle").asText(""))
                || "always".equals(pick(page, app, "transparentTitle").asText(""));
        return new NavigationBarSettings(title, background, textColor, custom);
    }

    /** The page's value of {@code key}, else the app's. */
    private static JsonNode pick(JsonNode page, JsonNode app, String key) {
        JsonNode v = page.path(key);
        return v.isMissingNode() || v.isNull() ? app.path(key) : v;
    }

    private static String text(JsonNode page, JsonNode app, String own, String other) {
        for (JsonNode n : new JsonNode[] {page.path(own), page.path(other), app.path(own), app.path(other)}) {
            if (n.isTextual()) {
                return n.asText();
            }
        }
        return "";
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
