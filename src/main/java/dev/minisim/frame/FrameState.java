package dev.minisim.frame;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.program.MiniProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What pages changed of the frame while the run goes: per page, the navigation bar's title and
 * colours (setNavigationBarTitle, setNavigationBarColor, my.setNavigationBar), its loading
 * spinner, hideHomeButton; for the app, the tab bar's badges, red dots, visibility, style and
 * items (setTabBarBadge, showTabBarRedDot, hideTabBar, setTabBarStyle, setTabBarItem). The JSAPIs
 * write it and {@link #frame} combines it with the json settings. Runtime thread only.
 */
public final class FrameState {

    private static final class PageBar {
        String title;
        String background;
        String textColor;
        boolean loading;
        boolean noHome;
    }

    private final MiniProgram program;
    private final Map<Integer, PageBar> pages = new HashMap<>();
    private final List<Item> items = new ArrayList<>();
    private TabBarSettings tabBar;
    private boolean tabBarHidden;

    /** A tab's changes: item overrides, badge, red dot. */
    private static final class Item {
        String text;
        String iconPath;
        String selectedIconPath;
        String badge;
        boolean redDot;
    }

    public FrameState(MiniProgram program) {
        this.program = program;
        this.tabBar = TabBarSettings.read(program.platform(), program.appJson());
        for (int i = 0; i < tabBar.items().size(); i++) {
            items.add(new Item());
        }
    }

    public TabBarSettings tabBar() {
        return tabBar;
    }

    private PageBar page(int pageId) {
        return pages.computeIfAbsent(pageId, k -> new PageBar());
    }

    public void setTitle(int pageId, String title) {
        page(pageId).title = title;
    }

    /** The title setNavigationBarTitle gave page {@code pageId}, or null. */
    public String title(int pageId) {
        PageBar p = pages.get(pageId);
        return p == null ? null : p.title;
    }

    /** setNavigationBarColor / my.setNavigationBar: either may be null (unchanged). */
    public void setBarColors(int pageId, String textColor, String background) {
        PageBar p = page(pageId);
        if (textColor != null) {
            p.textColor = textColor;
        }
        if (background != null) {
            p.background = background;
        }
    }

    /** my.setNavigationBar({reset: true}): back to the json's title and colours. */
    public void resetBar(int pageId) {
        PageBar p = page(pageId);
        p.title = null;
        p.background = null;
        p.textColor = null;
    }

    public void setLoading(int pageId, boolean loading) {
        page(pageId).loading = loading;
    }

    public void hideHomeButton(int pageId) {
        page(pageId).noHome = true;
    }

    public void pageGone(int pageId) {
        pages.remove(pageId);
    }

    /** Whether tab {@code index} exists. */
    public boolean hasTab(int index) {
        return index >= 0 && index < items.size();
    }

    public int tabCount() {
        return items.size();
    }

    public void setBadge(int index, String text) {
        Item i = items.get(index);
        i.badge = text;
        if (text != null) {
            i.redDot = false;
        }
    }

    public void setRedDot(int index, boolean on) {
        Item i = items.get(index);
        i.redDot = on;
        if (on) {
            i.badge = null;
        }
    }

    public void setTabBarHidden(boolean hidden) {
        tabBarHidden = hidden;
    }

    /** setTabBarStyle: null arguments keep the value. */
    public void setTabBarStyle(String color, String selectedColor, String background, String borderStyle) {
        tabBar = new TabBarSettings(tabBar.items(), color != null ? color : tabBar.color(),
                selectedColor != null ? selectedColor : tabBar.selectedColor(),
                background != null ? background : tabBar.background(),
                borderStyle != null ? borderStyle : tabBar.borderStyle(), tabBar.top(), tabBar.custom());
    }

    /** setTabBarItem: null arguments keep the value. */
    public void setTabBarItem(int index, String text, String iconPath, String selectedIconPath) {
        Item i = items.get(index);
        if (text != null) {
            i.text = text;
        }
        if (iconPath != null) {
            i.iconPath = iconPath;
        }
        if (selectedIconPath != null) {
            i.selectedIconPath = selectedIconPath;
        }
    }

    /**
     * The frame of the top page.
     *
     * @param pageJson the page's json (null when it has none)
     * @param depth    pages on the stack
     */
    public Frame frame(int pageId, String route, JsonNode pageJson, int depth) {
        NavigationBarSettings s = NavigationBarSettings.read(program.platform(), program.appJson().path("window"), pageJson);
        PageBar p = pages.getOrDefault(pageId, new PageBar());
        Frame.Bar bar = new Frame.Bar(p.title != null ? p.title : s.title(), p.background != null ? p.background : s.background(),
                p.textColor != null ? p.textColor : s.textColor(), s.custom(), p.loading);
        int selected = tabBar.indexOf(route);
        boolean tabPage = selected >= 0;
        Frame.TabBar tabs = null;
        if (tabPage && !tabBar.custom() && !tabBarHidden) {
            List<Frame.Tab> list = new ArrayList<>();
            for (int k = 0; k < tabBar.items().size(); k++) {
                TabBarSettings.Item item = tabBar.items().get(k);
                Item o = items.get(k);
                list.add(new Frame.Tab(item.pagePath(), o.text != null ? o.text : item.text(),
                        file(o.iconPath != null ? o.iconPath : item.iconPath()),
                        file(o.selectedIconPath != null ? o.selectedIconPath : item.selectedIconPath()), o.badge, o.redDot));
            }
            tabs = new Frame.TabBar(List.copyOf(list), selected, tabBar.color(), tabBar.selectedColor(), tabBar.background(),
                    tabBar.borderStyle(), tabBar.top());
        }
        boolean home = depth == 1 && !tabPage && !route.equals(program.homePage()) && !p.noHome
                && !route.startsWith("plugin://");
        return new Frame(bar, tabs, depth > 1, home);
    }

    /** An icon path from the app root as a file inside the folder; null when absent or outside. */
    private Path file(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        try {
            Path root = program.root();
            Path f = root.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
            if (!f.startsWith(root) || !Files.isRegularFile(f) || !f.toRealPath().startsWith(root.toRealPath())) {
                return null;
            }
            return f;
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }
}
