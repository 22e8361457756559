package dev.minisim.app;

import static dev.minisim.app.Json.json;

import dev.minisim.plugin.PluginRuntime;
import dev.minisim.plugin.PluginTarget;
import dev.minisim.program.NavigationException;
import dev.minisim.program.PageInstance;
import dev.minisim.runtime.JsWorld;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the router's pages come from and go: a page's script runs (and the scripts of the
 * components it uses), its instance is made in JS and drawn on the screen, its hooks are called,
 * and it is dropped when it leaves the stack. A {@code plugin://} page is made by the simulated
 * plugin instead. Knows which pages are live (made and not yet destroyed).
 */
final class PageFactory implements Router.Pages {

    private final Simulation sim;
    private final Map<Integer, PageInstance> live = new HashMap<>();
    /** Alipay pages made but not yet rendered: their first render comes after onLoad and onShow. */
    private final java.util.Set<Integer> renderAfterShow = new java.util.HashSet<>();
    private int nextPageId;

    PageFactory(Simulation sim) {
        this.sim = sim;
    }

    /** True while {@code page} is made and not destroyed. */
    boolean live(PageInstance page) {
        return live.containsKey(page.id());
    }

    /** The live page with id {@code pageId}, or null. */
    PageInstance live(int pageId) {
        return live.get(pageId);
    }

    private ScriptGuard guard() {
        return sim.guard();
    }

    private JsWorld js() {
        return sim.guard().world();
    }

    private PluginRuntime plugins() {
        return sim.pluginRuntime();
    }

    @Override
    public PageInstance create(String route, Map<String, String> query, OpenedBy by) throws NavigationException {
        String file = sim.files().script(route).orElse(route + ".js");
        if (sim.files().inside(file).isEmpty()) {
            guard().error("page \"" + route + "\" is listed in app.json but " + file + " does not exist", "app.json", route);
            throw new NavigationException("page \"" + route + "\" is not found");
        }
        int before = guard().errors();
        guard().guard(route, () -> js().require(file));
        if (guard().errors() > before) {
            throw new NavigationException("page \"" + route + "\" failed to load (see the error above)");
        }
        String kind = guard().guard(route, () -> js().pageKind(route));
        if (kind == null) {
            guard().error(file + " did not call Page() or Component()", file, route);
            throw new NavigationException("page \"" + route + "\" did not register itself");
        }
        sim.components().loadFor(route);
        int id = ++nextPageId;
        PageInstance page = new PageInstance(id, route, query);
        Boolean made = guard().guard(route, () -> {
            js().createPage(id, route, json(query));
            return true;
        });
        if (made == null) {
            throw new NavigationException("page \"" + route + "\" failed to load (see the error above)");
        }
        live.put(id, page);
        if (by instanceof OpenedBy.Navigate n) {
            String opener = sim.router().topRoute();
            guard().guard(route, () -> js().attachOpened(n.callId(), id, route, opener));
        }
        if (sim.alipay()) {
            // Alipay: "app.onLaunch and app.onShow, then page.onLoad and page.onShow complete the
            // Page; then the view thread renders the initial data" (the framework's page
            // lifecycle), so components' onInit/didMount come after the page's onLoad and onShow
            renderAfterShow.add(id);
        } else {
            // WeChat: the first render builds the page's components (created, attached) before its onLoad
            sim.screen().pageCreated(id, route);
        }
        return page;
    }

    @Override
    public PageInstance createPlugin(String url, OpenedBy by) throws NavigationException {
        PluginTarget target = sim.plugins().resolve(url, sim.program());
        int id = ++nextPageId;
        PageInstance page = new PageInstance(id, target.route(), target.query());
        live.put(id, page);
        String opener = sim.router().topRoute();
        if (by instanceof OpenedBy.Navigate n) {
            guard().guard(opener, () -> js().attachPlugin(n.callId(), id, target.route(), opener));
            plugins().opened(page, target, n.events(), null, opener, n.source());
        } else if (by instanceof OpenedBy.Plugin p) {
            // the events given with jumpTo are the host page's functions: its end of the new link
            String host = plugins().hostRoute(p.from());
            guard().guard(host, () -> js().chainPlugin(host, p.eventsKey(), id, target.route()));
            plugins().opened(page, target, List.of(), p.from(), host, null);
        } else {
            plugins().opened(page, target, List.of(), null, opener, null);
        }
        return page;
    }

    @Override
    public void hook(PageInstance page, String hook, Object arg) {
        sim.events().emit("lifecycle", "target", "page", "page", page.route(), "hook", hook,
                "query", hook.equals("onLoad") ? arg : null);
        if (!plugins().isPlugin(page)) {
            if (hook.equals("onReady")) {
                sim.screen().pageReady(page.id());       // components are ready before their page
            }
            guard().guard(page.route(), () -> js().callHook(page.id(), hook, arg == null ? null : json(arg)));
            if (hook.equals("onShow") && renderAfterShow.remove(page.id())) {
                sim.screen().pageCreated(page.id(), page.route());
            } else if (hook.equals("onShow") || hook.equals("onHide")) {
                sim.screen().pageShown(page.id(), hook.equals("onShow"));
            }
        }
    }

    @Override
    public void destroy(PageInstance page) {
        live.remove(page.id());
        renderAfterShow.remove(page.id());
        guard().guard(page.route(), () -> js().closeChannelOf(page.id()));
        if (plugins().isPlugin(page)) {
            plugins().unloaded(page);
        } else {
            sim.screen().pageDestroyed(page.id());
            guard().guard(page.route(), () -> js().dropPage(page.id()));
        }
    }

    @Override
    public void navigated(String action, PageInstance from, PageInstance to, String url) {
        sim.events().emit("navigate", "action", action, "from", from == null ? null : from.route(),
                "to", to == null ? null : to.route(), "url", url);
    }
}
