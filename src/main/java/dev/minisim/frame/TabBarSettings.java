package dev.minisim.frame;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.program.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * app.json's {@code tabBar}. WeChat: {@code list} of {@code {pagePath, text, iconPath,
 * selectedIconPath}}, {@code color}, {@code selectedColor}, {@code backgroundColor},
 * {@code borderStyle} ({@code black} or {@code white}), {@code position} ({@code bottom} or
 * {@code top}: no icons on top), {@code custom} (the app's custom-tab-bar component draws it).
 * Alipay: {@code items} of {@code {pagePath, name, icon, activeIcon}}, {@code textColor},
 * {@code selectedColor}, {@code backgroundColor}. Both key sets are read in either app.
 *
 * @param items         the tabs in order (empty when the app has no tab bar)
 * @param color         text colour of the tabs not selected
 * @param selectedColor text colour of the selected tab
 * @param background    the bar's colour
 * @param borderStyle   {@code black} or {@code white}: the line between the page and the bar
 * @param top           {@code position: top}
 * @param custom        {@code custom: true}: no native bar
 */
public record TabBarSettings(List<Item> items, String color, String selectedColor, String background,
                             String borderStyle, boolean top, boolean custom) {

    /** A tab: its page (route, no leading slash, no extension), text and icon paths from the app root. */
    public record Item(String pagePath, String text, String iconPath, String selectedIconPath) {
    }

    public static final TabBarSettings NONE = new TabBarSettings(List.of(), "#7a7e83", "#3cc51f", "#ffffff", "black", false, false);

    public static TabBarSettings read(Platform platform, JsonNode appJson) {
        JsonNode bar = appJson == null ? null : appJson.get("tabBar");
        if (bar == null || !bar.isObject()) {
            return NONE;
        }
        boolean alipay = platform == Platform.ALIPAY;
        List<Item> items = new ArrayList<>();
        JsonNode list = bar.path(alipay ? "items" : "list");
        if (!list.isArray()) {
            list = bar.path(alipay ? "list" : "items");
        }
        for (JsonNode i : list) {
            String page = route(i.path("pagePath").asText(""));
            if (!page.isEmpty()) {
                items.add(new Item(page, i.path("text").asText(i.path("name").asText("")),
                        path(i, "iconPath", "icon"), path(i, "selectedIconPath", "activeIcon")));
            }
        }
        String color = Colors.normalise(bar.has("color") ? bar.get("color") : bar.get("textColor"));
        String selected = Colors.normalise(bar.get("selectedColor"));
        String background = Colors.normalise(bar.get("backgroundColor"));
        String border = bar.path("borderStyle").asText("black");
        return new TabBarSettings(List.copyOf(items), color != null ? color : alipay ? "#404040" : NONE.color,
                selected != null ? selected : alipay ? "#108ee9" : NONE.selectedColor,
                background != null ? background : "#ffffff", border.equals("white") ? "white" : "black",
                "top".equals(bar.path("position").asText("")), bar.path("custom").asBoolean(false));
    }

    /** The index of {@code route}'s tab, or -1. */
    public int indexOf(String route) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).pagePath().equals(route)) {
                return i;
            }
        }
        return -1;
    }

    /** A tab bar page's route as MiniProgram keeps routes: no leading slash, no file extension. */
    static String route(String pagePath) {
        String p = pagePath.startsWith("/") ? pagePath.substring(1) : pagePath;
        return p.replaceAll("\\.(js|ts|wxml|axml)$", "");
    }

    private static String path(JsonNode item, String wechat, String alipay) {
        String p = item.path(wechat).asText(item.path(alipay).asText(""));
        return p.isBlank() ? null : p.startsWith("/") ? p.substring(1) : p;
    }
}
