package dev.minisim.app;

import static dev.minisim.app.Json.json;
import static dev.minisim.app.Json.plain;
import static dev.minisim.app.Json.tree;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiRegistry;
import dev.minisim.api.JsApi;
import dev.minisim.api.SyncApi;
import dev.minisim.program.PageInstance;
import dev.minisim.runtime.JsRuntime;
import dev.minisim.runtime.ScriptError;
import dev.minisim.runtime.modules.ModuleTransform;
import dev.minisim.view.VElement;
import dev.minisim.runtime.CallerFrames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The only Java object the mini-program's context can reach, through MiniSim's bootstrap
 * (which keeps it in a closure). Every method takes and returns strings, numbers and JS values,
 * and hands the work to the part of the simulation that owns it: the event stream, the event loop
 * (timers, deferred calls), module files, the screen, the JSAPIs, the plugins.
 */
public final class HostBridge {

    private final Simulation sim;
    private final long epoch;
    private final Map<Integer, Long> timers = new HashMap<>();
    private JsRuntime js;

    HostBridge(Simulation sim, long epoch) {
        this.sim = sim;
        this.epoch = epoch;
    }

    /** The context this bridge serves, once made (module compilation needs it). */
    void attach(JsRuntime js) {
        this.js = js;
    }

    private ScriptGuard guard() {
        return sim.guard();
    }

    private String activePage() {
        return sim.guard().activePage();
    }

    @HostAccess.Export
    public void console(String level, String text, String source) {
        sim.events().emit("console", "level", level, "text", text, "page", activePage(), "source", source);
    }

    @HostAccess.Export
    public void warning(String message, String source) {
        guard().warning(message, source);
    }

    @HostAccess.Export
    public void setTimer(int id, double ms) {
        String page = activePage();
        Long old = timers.put(id, sim.loop().schedule((long) ms, () -> {
            timers.remove(id);
            guard().guard(page, () -> js.world().fireTimer(id));
        }));
        if (old != null) {
            sim.loop().cancel(old);
        }
    }

    @HostAccess.Export
    public void clearTimer(int id) {
        Long t = timers.remove(id);
        if (t != null) {
            sim.loop().cancel(t);
        }
    }

    @HostAccess.Export
    public double epochNow() {
        return epoch + sim.loop().now();
    }

    /** A root-relative module path, or "!" and a message when there is none. */
    @HostAccess.Export
    public String resolveModule(String from, String spec) {
        return sim.files().resolve(from, spec).orElseGet(() -> "!" + ComponentFiles.notFound(spec, from));
    }

    @HostAccess.Export
    public String readText(String path) {
        return sim.files().read(path).orElse("");
    }

    /** The module's wrapper function, or a message string when it cannot be compiled. */
    @HostAccess.Export
    public Object compileModule(String path) {
        Optional<String> code = sim.files().read(path);
        if (code.isEmpty()) {
            return "Cannot read module " + path;
        }
        String cjs;
        try {
            cjs = ModuleTransform.toCommonJs(path, code.get());
        } catch (ModuleTransform.SyntaxProblem p) {
            return path + ":" + p.line() + " " + p.getMessage();
        }
        return js.compileModule(path, cjs);
    }

    @HostAccess.Export
    public void setData(int pageId, String route, String dataJson) {
        sim.events().emit("setData", "page", route, "data", plain(dataJson));
        sim.screen().dataChanged(pageId, VElement.PAGE, dataJson);
    }

    /** A component's setData: only its subtree renders again. */
    @HostAccess.Export
    public void componentSetData(String instanceId, String dataJson) {
        Integer pageId = sim.screen().pageIdOf(instanceId);
        PageInstance page = pageId == null ? null : sim.pages().live(pageId);
        sim.events().emit("setData", "page", page == null ? activePage() : page.route(), "component",
                sim.screen().componentPath(instanceId), "data", plain(dataJson));
        if (pageId != null) {
            sim.screen().dataChanged(pageId, instanceId, dataJson);
        }
    }

    @HostAccess.Export
    public void triggerEvent(String instanceId, String name, String detailJson, String optionsJson) {
        sim.screen().triggerEvent(instanceId, name, detailJson, optionsJson);
    }

    /** An Alipay component called a handler its parent gave as an onXxx prop. */
    @HostAccess.Export
    public void propHandler(String instanceId, String prop, String handler, String argsJson) {
        sim.screen().propHandler(instanceId, prop, handler, plain(argsJson));
    }

    @HostAccess.Export
    public int topPageId() {
        PageInstance top = sim.router().top();
        return top == null ? -1 : top.id();
    }

    @HostAccess.Export
    @SuppressWarnings("unchecked")
    public String selectorQuery(int pageId, String queryJson, String source) {
        Map<String, Object> q = (Map<String, Object>) plain(queryJson);
        String owner = q == null ? null : (String) q.get("owner");
        List<Map<String, Object>> requests = q == null ? List.of() : (List<Map<String, Object>>) q.get("requests");
        if (owner != null) {
            Integer p = sim.screen().pageIdOf(owner);
            pageId = p == null ? pageId : p;
        }
        return json(sim.screen().query(pageId, owner, requests, source));
    }

    @HostAccess.Export
    public String selectComponents(int pageId, String owner, String selector) {
        return json(sim.screen().selectComponents(pageId, owner, selector));
    }

    @HostAccess.Export
    public void defer(Value fn) {
        String page = activePage();
        sim.loop().post(() -> guard().guard(page, () -> fn.executeVoid()));
    }

    @HostAccess.Export
    public String pageStack() {
        return json(sim.router().stack().stream().map(PageInstance::id).toList());
    }

    /** The one namespace this app's scripts see: {@code wx} (WeChat) or {@code my} (Alipay). */
    @HostAccess.Export
    public String namespace() {
        return sim.program().platform().namespace();
    }

    /**
     * The namespace's names and what each is, as JSON (see {@link ApiRegistry#surface}): asked only
     * when a page lists or changes the namespace object; a read asks {@link #apiKind}.
     */
    @HostAccess.Export
    public String apiTable(String ns) {
        return json(sim.apis().surface(ns));
    }

    /** What one name of the namespace is, as JSON ({@link ApiRegistry#surfaceOf}), or null when the client lacks it. */
    @HostAccess.Export
    public String apiKind(String ns, String name) {
        Object kind = sim.apis().surfaceOf(ns, name);
        return kind == null ? null : json(kind);
    }

    /** The namespace's names whose value is an object the bootstrap builds, as a JSON array. */
    @HostAccess.Export
    public String apiObjectNames(String ns) {
        return json(sim.apis().objectNames(ns));
    }

    @HostAccess.Export
    public void invoke(String ns, String api, int id, String argsJson, String source) {
        JsonNode args = tree(argsJson);
        String page = activePage();
        sim.events().emit("api", "ns", ns, "api", api, "args", plain(argsJson), "page", page, "source", source);
        ApiCall call = new ApiCall(id, ns, api, args, page, source, outcome -> sim.loop().post(() -> guard().guard(page, () ->
                js.world().settle(id, outcome.ok(), json(outcome.payload())))));
        JsApi impl = sim.apis().async(ns, api);
        if (impl == null) {
            guard().warning(ns + "." + api + " is " + ApiRegistry.UNSUPPORTED, null);
            call.fail(1, ApiRegistry.UNSUPPORTED);
            return;
        }
        try {
            impl.invoke(call);
        } catch (RuntimeException e) {
            guard().warning("internal simulator error in " + ns + "." + api + ": " + e, source);
            if (!call.done()) {
                call.fail(3, "internal simulator error: " + e.getMessage());
            }
        }
    }

    /** {"value": ...} or {"error": message}. */
    @HostAccess.Export
    public String invokeSync(String ns, String api, String argsJson, String source) {
        JsonNode args = tree(argsJson);
        sim.events().emit("api", "ns", ns, "api", api, "args", plain(argsJson), "page", activePage(), "source", source);
        SyncApi impl = sim.apis().sync(ns, api);
        Map<String, Object> result = new LinkedHashMap<>();
        if (impl == null && sim.apis().kind(ns, api) == ApiRegistry.Kind.LISTENER) {
            // an event the simulator never raises (theme, network, memory...): nothing to hear
            result.put("value", null);
            return json(result);
        }
        if (impl == null) {
            guard().warning(ns + "." + api + " is " + ApiRegistry.UNSUPPORTED, null);
            result.put("error", ns + "." + api + " is " + ApiRegistry.UNSUPPORTED);
            return json(result);
        }
        try {
            result.put("value", impl.call(ns, args));
        } catch (SyncApi.ApiException e) {
            result.put("error", e.getMessage());
        } catch (RuntimeException e) {
            result.put("error", "internal simulator error in " + ns + "." + api + ": " + e.getMessage());
        }
        return json(result);
    }

    /** The caller's {@code file:line} in a JavaScript stack (see {@link CallerFrames}), or null. */
    @HostAccess.Export
    public String callerOf(String stack) {
        return CallerFrames.callerOf(stack);
    }

    @HostAccess.Export
    public void callback(String api, String name, String payloadJson) {
        sim.events().emit("callback", "api", api, "callback", name, "payload", plain(payloadJson), "page", activePage());
    }

    @HostAccess.Export
    public void promise(String api, String state, String payloadJson) {
        sim.events().emit("promise", "api", api, "state", state, "payload", plain(payloadJson), "page", activePage());
    }

    /** An emit on an EventChannel; {@code state}: null, "queued", "replayed" or "closed". */
    @HostAccess.Export
    public void channel(String from, String to, String event, String argsJson, int delivered, String state,
                        String source) {
        sim.events().emit("channel", "event", event, "args", plain(argsJson), "from", from, "to", to,
                "delivered", delivered, "queued", "queued".equals(state) ? Boolean.TRUE : null,
                "replayed", "replayed".equals(state) ? Boolean.TRUE : null,
                "closed", "closed".equals(state) ? Boolean.TRUE : null, "source", source);
        if ("closed".equals(state)) {
            guard().error("emit(\"" + event + "\") on a closed EventChannel: " + to + " has left the stack", source,
                    activePage());
        }
    }

    /** Runs what follows as code of {@code route}'s page; returns the page it replaced. */
    @HostAccess.Export
    public String enterPage(String route) {
        return guard().enter(route);
    }

    @HostAccess.Export
    public void leavePage(String saved) {
        guard().leave(saved);
    }

    @HostAccess.Export
    public void pluginJump(int pageId, String url, int eventsKey) {
        sim.pluginRuntime().jumpTo(pageId, url, eventsKey);
    }

    @HostAccess.Export
    public void pluginPaths(int pageId, String pathsJson) {
        sim.pluginRuntime().navigatePaths(pageId, tree(pathsJson));
    }

    @HostAccess.Export
    public void scriptError(Value error, String where) {
        ScriptError e = ScriptError.ofThrown(error);
        guard().report(new ScriptError(e.message() + " (in " + where + ")", e.source(), e.stack()), activePage());
    }

    /** An automation request made through an {@code auto*} entry point is done (automation.js). */
    @HostAccess.Export
    public void autoAnswer(int id, boolean ok, String text) {
        sim.automation().answered(id, ok, text);
    }

    /** The app called a function the automation client exposed (automation.js). */
    @HostAccess.Export
    public void autoBinding(String name, String argsJson) {
        sim.automation().bindingCalled(name, argsJson);
    }
}
