package dev.minisim.frame;

import java.nio.file.Path;
import java.util.List;

/**
 * What the client draws around the top page at one moment, copied on the runtime thread for
 * the window: the navigation bar, the tab bar (null when the page has none) and which button the
 * bar's left side holds.
 *
 * @param nav    the navigation bar
 * @param tabBar the native tab bar, or null (not a tab page, {@code custom}, hidden, no tabBar)
 * @param back   a back button: more than one page on the stack
 * @param home   a home button: a lone page that is neither the home page nor a tab page (as
 *               after reLaunch or redirectTo), unless the page called hideHomeButton
 */
public record Frame(Bar nav, TabBar tabBar, boolean back, boolean home) {

    /** The navigation bar: title, colours, {@code custom} (no bar, the capsule only), loading spinner. */
    public record Bar(String title, String background, String textColor, boolean custom, boolean loading) {
    }

    /**
     * The tab bar as drawn.
     *
     * @param selected index of the top page's tab
     */
    public record TabBar(List<Tab> tabs, int selected, String color, String selectedColor, String background,
                         String borderStyle, boolean top) {
    }

    /**
     * A tab. Icons are files inside the mini-program folder (null when none or outside it).
     *
     * @param badge  the badge text (setTabBarBadge), or null
     * @param redDot a red dot (showTabBarRedDot)
     */
    public record Tab(String pagePath, String text, Path icon, Path selectedIcon, String badge, boolean redDot) {
    }

    public static final Frame NONE = new Frame(new Bar("", NavigationBarSettings.WHITE, NavigationBarSettings.BLACK,
            false, false), null, false, false);
}
