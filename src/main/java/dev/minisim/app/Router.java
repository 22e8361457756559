package dev.minisim.app;

import dev.minisim.program.MiniProgram;
import dev.minisim.program.NavigationException;
import dev.minisim.program.PageInstance;
import dev.minisim.program.PageUrl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page stack and the five navigations of both clients, with their lifecycle order
 * (SPEC.md, "App, pages, lifecycle"): navigateTo hides the opener and loads the new page;
 * navigateBack unloads from the top and shows the page below; redirectTo unloads the current page
 * then loads; reLaunch unloads every page; switchTab keeps tab pages alive and unloads the rest.
 *
 * <p>The router only orders things; loading a page and calling its hooks is the {@link Pages}'
 * job. {@code onReady} is left to the caller, which runs it after the navigation's own callbacks.
 */
public final class Router {

    /** At most this many pages on the stack, as both clients allow. */
    public static final int MAX_PAGES = 10;

    /** What the router needs from the running mini-program. */
    public interface Pages {
        /**
         * Loads the page's script if needed and creates an instance; no hook runs yet.
         * {@code by} (may be null) holds the opener's channel end.
         */
        PageInstance create(String route, Map<String, String> query, OpenedBy by) throws NavigationException;

        /** Resolves and opens a simulated plugin page ({@code plugin://ALIAS/PAGE?query}). */
        PageInstance createPlugin(String url, OpenedBy by) throws NavigationException;

        /** Runs a page hook (emitting its lifecycle event); errors are reported, never thrown. */
        void hook(PageInstance page, String hook, Object argument);

        /** Forgets an unloaded page. */
        void destroy(PageInstance page);

        void navigated(String action, PageInstance from, PageInstance to, String url);
    }

    private final MiniProgram program;
    private final Pages pages;
    private final List<PageInstance> stack = new ArrayList<>();
    private final Map<String, PageInstance> tabs = new HashMap<>();

    public Router(MiniProgram program, Pages pages) {
        this.program = program;
        this.pages = pages;
    }

    public List<PageInstance> stack() {
        return Collections.unmodifiableList(stack);
    }

    public PageInstance top() {
        return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }

    public String topRoute() {
        PageInstance top = top();
        return top == null ? null : top.route();
    }

    private PageUrl target(String url) throws NavigationException {
        PageUrl u = PageUrl.parse(url, topRoute());
        if (!program.hasPage(u.route())) {
            throw new NavigationException("page \"" + u.route() + "\" is not found");
        }
        return u;
    }

    /** The first page of a launch. */
    public PageInstance launch(String route, Map<String, String> query) throws NavigationException {
        if (!program.hasPage(route)) {
            throw new NavigationException("page \"" + route + "\" is not found");
        }
        PageInstance page = pages.create(route, query, null);
        push(page);
        pages.navigated("launch", null, page, "/" + route);
        pages.hook(page, "onLoad", query);
        pages.hook(page, "onShow", null);
        return page;
    }

    public PageInstance navigateTo(String url) throws NavigationException {
        return navigateTo(url, null);
    }

    /** navigateTo; {@code by} carries the opener's channel. {@code plugin://} urls open plugin pages. */
    public PageInstance navigateTo(String url, OpenedBy by) throws NavigationException {
        boolean plugin = url != null && url.trim().startsWith("plugin://");
        PageUrl u = plugin ? null : target(url);
        if (!plugin && program.isTabPage(u.route())) {
            throw new NavigationException("can not navigateTo a tabbar page");
        }
        if (stack.size() >= MAX_PAGES) {
            throw new NavigationException("webview count limit exceed");
        }
        PageInstance opener = top();
        PageInstance page = plugin ? pages.createPlugin(url, by) : pages.create(u.route(), u.query(), by);
        if (opener != null) {
            pages.hook(opener, "onHide", null);
        }
        return show(page, "navigateTo", opener, url);
    }

    /**
     * Leaves a plugin: {@code leaving} (its pages) unload, then {@code url} (null: the page below
     * them shows again; a tab page: as switchTab; another page: it loads in their place).
     */
    public PageInstance leave(List<PageInstance> leaving, String url) throws NavigationException {
        PageInstance from = top();
        PageUrl u = url == null ? null : target(url);
        boolean tab = u != null && program.isTabPage(u.route());
        PageInstance page = u == null || tab ? null : pages.create(u.route(), u.query(), null);
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (leaving.contains(stack.get(i))) {
                unload(stack.remove(i));
            }
        }
        if (u == null) {
            PageInstance to = top();
            pages.navigated("jumpTo", from, to, null);
            if (to != null) {
                pages.hook(to, "onShow", null);
            }
            return to;
        }
        if (tab) {
            return switchTab(url, "jumpTo");
        }
        return show(page, "jumpTo", from, url);
    }

    /** Unloads {@code delta} pages (at least one, at most all but the first) and shows the one below. */
    public PageInstance navigateBack(int delta) throws NavigationException {
        if (stack.size() <= 1) {
            throw new NavigationException("cannot navigate back at first page.");
        }
        int n = Math.min(Math.max(delta, 1), stack.size() - 1);
        PageInstance from = top();
        for (int i = 0; i < n; i++) {
            unload(stack.remove(stack.size() - 1));
        }
        PageInstance to = top();
        pages.navigated("navigateBack", from, to, null);
        pages.hook(to, "onShow", null);
        return to;
    }

    public PageInstance redirectTo(String url) throws NavigationException {
        PageUrl u = target(url);
        if (program.isTabPage(u.route())) {
            throw new NavigationException("can not redirectTo a tabbar page");
        }
        PageInstance page = pages.create(u.route(), u.query(), null);
        PageInstance from = top();
        if (from != null) {
            stack.remove(stack.size() - 1);
            unload(from);
        }
        return show(page, "redirectTo", from, url);
    }

    public PageInstance reLaunch(String url) throws NavigationException {
        PageUrl u = target(url);
        PageInstance page = pages.create(u.route(), u.query(), null);
        PageInstance from = top();
        while (!stack.isEmpty()) {
            unload(stack.remove(stack.size() - 1));
        }
        for (PageInstance hidden : List.copyOf(tabs.values())) {
            unload(hidden);
        }
        tabs.clear();
        return show(page, "reLaunch", from, url);
    }

    /**
     * Shows a tab page: the other pages on the stack unload, the tab page that was showing is
     * hidden but kept alive, and shown again (without a new onLoad) when the user comes back.
     */
    public PageInstance switchTab(String url) throws NavigationException {
        return switchTab(url, "switchTab");
    }

    private PageInstance switchTab(String url, String action) throws NavigationException {
        PageUrl u = target(url);
        if (!program.isTabPage(u.route())) {
            throw new NavigationException("can not switch to no-tabBar page");
        }
        PageInstance from = top();
        PageInstance existing = tabs.get(u.route());
        PageInstance page = existing != null ? existing : pages.create(u.route(), Map.of(), null);
        while (!stack.isEmpty()) {
            PageInstance p = stack.remove(stack.size() - 1);
            if (p == page) {
                continue;
            }
            if (tabs.get(p.route()) == p) {
                pages.hook(p, "onHide", null);
            } else {
                unload(p);
            }
        }
        push(page);
        pages.navigated(action, from, page, url);
        if (existing == null) {
            pages.hook(page, "onLoad", Map.of());
        }
        if (existing == null || from != page) {
            pages.hook(page, "onShow", null);
        }
        return page;
    }

    /** Puts a new page on top: the navigation, then its onLoad(query) and onShow. */
    private PageInstance show(PageInstance page, String action, PageInstance from, String url) {
        push(page);
        pages.navigated(action, from, page, url);
        pages.hook(page, "onLoad", page.query());
        pages.hook(page, "onShow", null);
        return page;
    }

    private void push(PageInstance page) {
        stack.add(page);
        if (program.isTabPage(page.route())) {
            tabs.put(page.route(), page);
        }
    }

    private void unload(PageInstance page) {
        pages.hook(page, "onUnload", null);
        tabs.remove(page.route(), page);
        pages.destroy(page);
    }
}
