package dev.minisim.plugin;

import java.util.function.Consumer;
import dev.minisim.runtime.EventLoop;
import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.program.NavigationException;
import dev.minisim.program.PageInstance;
import dev.minisim.user.Decision;
import dev.minisim.user.Prompt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated plugin pages and their protocol with the host (seed 003): the user finishes a
 * plugin page, which emits {@code signSuccessCb}, {@code authSuccessCb} or {@code authFailCb} to
 * the opener's {@code events}; the host answers with {@code eventChannel.emit('jumpTo', url?,
 * events?)}: no url returns to the page before the plugin, a page path goes there, a
 * {@code plugin://} url opens the next plugin page (whose {@code events} get the new channel).
 * After {@code sendNavigatePaths} the plugin goes to those paths by itself. Without
 * {@code hasCb=true} the plugin never calls the events and returns by itself.
 *
 * <p>A chain of plugin pages opened from one host page is a session: leaving the plugin leaves
 * none of its pages on the stack.
 */
public final class PluginRuntime {

    /** What the plugin needs from the running mini-program. */
    public interface Host {
        /** A warning of the run (an events map the plugin will never call...). */
        void warning(String message);

        /** Shows a prompt to the simulated user; {@code then} gets the answer. */
        void prompt(Prompt prompt, Consumer<Decision> then);

        /** An answer that cannot answer {@code prompt}: the run reports it. */
        void badDecision(Prompt prompt, Decision decision, String why);

        EventLoop loop();

        /** Emits {@code event} from the plugin page's end of its channel to the opener. */
        void emitToOpener(PageInstance pluginPage, String event);

        /** Unloads {@code pages} and goes to {@code url} (null: the page before them). */
        void leave(List<PageInstance> pages, String url) throws NavigationException;

        /** Opens the next plugin page of a chain from {@code from}; its opener listens with {@code eventsKey}. */
        void openNext(PageInstance from, String url, int eventsKey) throws NavigationException;

        /** The user goes back from the plugin page. */
        void back() throws NavigationException;

        boolean live(PageInstance page);

        void error(String message, String source, String page);
    }

    /** One chain of plugin pages opened from a host page. */
    private static final class Session {
        final List<PageInstance> pages = new ArrayList<>();
        final String host;                // route of the host page that opened the plugin
        final String source;              // file:line of the navigateTo that opened the plugin
        String successPath;               // null: the old behaviour (callbacks and jumpTo)
        String failPath;
        PageInstance awaiting;            // a page that emitted and waits for jumpTo
        String awaitedEvent;

        Session(String host, String source) {
            this.host = host;
            this.source = source;
        }
    }

    private record PluginPage(PageInstance page, PluginTarget target, Session session, boolean eventsGiven) {
    }

    private final Host host;
    private final long jumpToTimeout;
    private final Map<Integer, PluginPage> pages = new HashMap<>();

    public PluginRuntime(Host host, long jumpToTimeoutMs) {
        this.host = host;
        this.jumpToTimeout = jumpToTimeoutMs;
    }

    public boolean isPlugin(PageInstance page) {
        return pages.containsKey(page.id());
    }

    /** The host page whose code listens to a plugin page's events (the page that opened the plugin). */
    public String hostRoute(PageInstance pluginPage) {
        PluginPage p = pages.get(pluginPage.id());
        return p == null ? null : p.session.host;
    }

    /**
     * A plugin page was opened: by the host's navigateTo ({@code from} null: a new session, with
     * the names of the events given), or by a plugin page of the same session.
     */
    public void opened(PageInstance page, PluginTarget target, List<String> eventNames, PageInstance from,
                       String hostRoute, String source) {
        PluginPage parent = from == null ? null : pages.get(from.id());
        Session session = parent != null ? parent.session : new Session(hostRoute, source);
        session.pages.add(page);
        pages.put(page.id(), new PluginPage(page, target, session, !eventNames.isEmpty()));
        if (parent == null && !eventNames.isEmpty() && !target.hasCb()) {
            host.warning(target.route() + " was opened with events (" + String.join(", ", eventNames)
                    + ") but without hasCb=true in its url: the plugin never calls them and returns by itself (seed 003: "
                    + "hasCb 与 events 回调配合使用，events 存在时为必传)");
        }
    }

    public void unloaded(PageInstance page) {
        PluginPage p = pages.remove(page.id());
        if (p != null) {
            p.session.pages.remove(page);
            if (p.session.awaiting == page) {
                p.session.awaiting = null;
            }
        }
    }

    /** The plugin page is showing: the user works in it (a prompt of kind "plugin"). */
    public void shown(PageInstance page) {
        PluginPage p = pages.get(page.id());
        if (p == null || !host.live(page)) {
            return;
        }
        PluginTarget t = p.target;
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("plugin", t.plugin().name());
        shown.put("title", t.plugin().title() + " · " + t.plugin().pages().get(t.page()).title());
        shown.put("pluginPage", t.page());
        shown.put("url", page.route() + (t.query().isEmpty() ? "" : "?" + query(t.query())));
        shown.put("ticket", t.query().get("ticket"));
        shown.put("env", t.query().get("env"));
        if (t.query().containsKey("type")) {
            shown.put("pluginType", t.query().get("type"));
        }
        List<String> answers = new ArrayList<>(t.finishes());
        answers.add("back");
        shown.put("answers", answers);
        Prompt prompt = new Prompt("plugin", "navigateTo", page.route(), p.session.source, shown, false);
        host.prompt(prompt, d -> finish(p, prompt, d));
    }

    private static String query(Map<String, String> q) {
        StringBuilder b = new StringBuilder();
        q.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return b.toString();
    }

    private void finish(PluginPage p, Prompt prompt, Decision d) {
        if (!host.live(p.page)) {
            return;
        }
        String event = d.text();
        if ("back".equals(event)) {
            navigate(() -> host.back(), p);
            return;
        }
        if (event == null || !p.target.finishes().contains(event)) {
            host.badDecision(prompt, d, p.target.plugin().name() + "/" + p.target.page() + " finishes with "
                    + String.join(", ", p.target.finishes()) + ", or back");
            return;
        }
        Session s = p.session;
        boolean success = p.target.plugin().outcome(event).equals("success");
        String path = success ? s.successPath : s.failPath;
        if (path != null) {
            // sendNavigatePaths: the plugin goes there by itself; an empty string does nothing
            if (path.isEmpty()) {
                host.warning(p.page.route() + " finished with " + event + "; sendNavigatePaths gave an empty "
                        + (success ? "success" : "fail") + " path, so the plugin does nothing and stays");
                return;
            }
            navigate(() -> host.leave(List.copyOf(s.pages), path), p);
            return;
        }
        PluginPage first = pages.get(s.pages.get(0).id());
        if (!first.target.hasCb()) {
            // without hasCb the plugin calls no event and returns by itself
            navigate(() -> host.leave(List.copyOf(s.pages), null), p);
            return;
        }
        s.awaiting = p.page;
        s.awaitedEvent = event;
        host.emitToOpener(p.page, event);
        if (s.awaiting == p.page) {
            host.loop().schedule(jumpToTimeout, () -> {
                if (s.awaiting == p.page && host.live(p.page)) {
                    reportMissingJump(s, "within " + jumpToTimeout + " ms");
                }
            });
        }
    }

    private void reportMissingJump(Session s, String when) {
        String page = s.awaiting.route();
        host.error(page + " emitted " + s.awaitedEvent + " but the host did not answer with eventChannel.emit('jumpTo') "
                + when + " (seed 003: 回调存在时必需调用); the plugin waits on its page", s.source, page);
        s.awaiting = null;
    }

    /** The host's {@code emit('jumpTo', url?, events?)} reached a plugin page. */
    public void jumpTo(int pageId, String url, int eventsKey) {
        PluginPage p = pages.get(pageId);
        if (p == null || !host.live(p.page)) {
            return;
        }
        Session s = p.session;
        s.awaiting = null;
        if (url == null || url.isBlank()) {
            navigate(() -> host.leave(List.copyOf(s.pages), null), p);
        } else if (Plugins.isPluginUrl(url)) {
            navigate(() -> host.openNext(p.page, url, eventsKey), p);
        } else if (!url.startsWith("/")) {
            host.error("jumpTo(\"" + url + "\"): the url must be an absolute page path such as /pages/bbb/bbb "
                    + "(seed 003: 必须是绝对路径); the plugin stays", s.source, p.page.route());
        } else {
            navigate(() -> host.leave(List.copyOf(s.pages), url), p);
        }
    }

    /** The host's {@code emit('sendNavigatePaths', {success, fail})} reached a plugin page. */
    public void navigatePaths(int pageId, JsonNode paths) {
        PluginPage p = pages.get(pageId);
        if (p == null || paths == null || !paths.isObject()) {
            return;
        }
        // not given, undefined, null: the old behaviour; a string (even empty) replaces it
        if (paths.path("success").isTextual()) {
            p.session.successPath = paths.get("success").asText();
        }
        if (paths.path("fail").isTextual()) {
            p.session.failPath = paths.get("fail").asText();
        }
    }

    /** At the end of a run: a plugin still waiting for jumpTo is reported. */
    public void finish() {
        for (PluginPage p : List.copyOf(pages.values())) {
            if (p.session.awaiting == p.page) {
                reportMissingJump(p.session, "by the end of the run");
            }
        }
    }

    private interface Step {
        void run() throws NavigationException;
    }

    private void navigate(Step step, PluginPage p) {
        host.loop().post(() -> {
            try {
                step.run();
            } catch (NavigationException e) {
                host.error(p.page.route() + " cannot navigate: " + e.getMessage(), p.session.source, p.page.route());
            }
        });
    }
}
