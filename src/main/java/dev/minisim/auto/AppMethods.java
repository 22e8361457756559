package dev.minisim.auto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.api.ApiRegistry;
import dev.minisim.app.Simulation;
import dev.minisim.program.PageInstance;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code App.*}: the page stack, the namespace's APIs (called, mocked, restored), evaluated code,
 * exposed functions, logs, screenshots. An Alipay app's calls go to {@code my}, a WeChat app's
 * to {@code wx}: the method name is the same.
 */
final class AppMethods {

    private AppMethods() {
    }

    static Map<String, Object> page(PageInstance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pageId", p.id());
        m.put("path", p.route());
        m.put("query", p.query());
        return m;
    }

    static void register(Protocol p, AutoSession session, EventsOut events, Duration timeout) {
        p.add("App.getPageStack", params -> session.call(sim -> Map.of("pageStack",
                sim.router().stack().stream().map(AppMethods::page).toList())));
        p.add("App.getCurrentPage", params -> session.call(sim -> {
            PageInstance top = sim.router().top();
            if (top == null) {
                throw new AutoError("no page is showing");
            }
            return page(top);
        }));
        p.add("App.callWxMethod", params -> {
            String method = required(params, "method");
            pluginNotSimulated(params);
            String args = array(params.path("args"));
            return session.call(sim -> sim.program().platform().namespace()).thenCompose(ns ->
                    session.call(sim -> sync(sim, ns, method))
                            .thenCompose(sync -> session.inWorld(ns + "." + method, null, timeout,
                                    id -> world(session).autoCallApi(id, method, sync, args))))
                    .thenApply(result -> Map.of("result", result));
        });
        p.add("App.mockWxMethod", params -> {
            String method = required(params, "method");
            pluginNotSimulated(params);
            String mode;
            String payload;
            if (params.hasNonNull("functionDeclaration")) {
                mode = "function";
                payload = params.get("functionDeclaration").asText();
            } else if (params.has("result")) {
                mode = "result";
                payload = params.get("result").toString();
            } else {
                mode = "restore";
                payload = "";
            }
            String args = array(params.path("args"));
            return session.call(sim -> {
                String ns = sim.program().platform().namespace();
                String problem = sim.guard(null, () -> sim.world().autoMock(method, sync(sim, ns, method), mode, payload, args));
                if (problem == null || !problem.isEmpty()) {
                    throw new AutoError(problem == null ? "mockWxMethod " + method + " failed" : problem);
                }
                return Map.of();
            });
        });
        p.add("App.callFunction", params -> {
            String fn = required(params, "functionDeclaration");
            String args = array(params.path("args"));
            return session.inWorld("evaluate", null, timeout, id -> world(session).autoEvaluate(id, fn, args))
                    .thenApply(result -> Map.of("result", result));
        });
        p.add("App.addBinding", params -> {
            String name = required(params, "name");
            if (!name.matches("[A-Za-z_$][\\w$]*")) {
                throw new AutoError("App.addBinding: \"" + name + "\" is not a JavaScript name");
            }
            return session.call(sim -> {
                sim.guard(null, () -> {
                    sim.world().autoAddBinding(name);
                    return null;
                });
                return Map.of();
            });
        });
        p.add("App.enableLog", params -> {
            events.enableLogs();
            return CompletableFuture.completedFuture(Map.of());
        });
        p.add("App.exit", params -> CompletableFuture.completedFuture(Map.of()));
        p.add("App.captureScreenshot", params -> session.call(sim -> {
            try {
                return Map.of("data", Base64.getEncoder().encodeToString(session.painter().png(sim)));
            } catch (AutoError e) {
                throw e;
            } catch (Exception e) {
                throw new AutoError("the page could not be painted: " + e.getMessage());
            }
        }));
    }

    /** Whether the namespace's {@code method} is synchronous (its return value is the answer). */
    private static boolean sync(Simulation sim, String ns, String method) {
        ApiRegistry.Kind kind = sim.apis().kind(ns, method);
        return kind == ApiRegistry.Kind.SYNC || kind == ApiRegistry.Kind.VALUE || kind == ApiRegistry.Kind.FACTORY
                || method.endsWith("Sync");
    }

    private static dev.minisim.runtime.JsWorld world(AutoSession session) {
        // called on the runtime thread from inside AutoSession.inWorld
        return session.current().world();
    }

    private static void pluginNotSimulated(JsonNode params) {
        if (params.hasNonNull("pluginId")) {
            throw new AutoError("plugin " + params.get("pluginId").asText() + "'s own wx methods are not simulated: "
                    + "MiniSim simulates plugin pages, not their code");
        }
    }

    static String required(JsonNode params, String name) {
        JsonNode v = params.get(name);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new AutoError("missing \"" + name + "\" (a string)");
        }
        return v.asText();
    }

    /** The JSON array of arguments ({@code []} when absent). */
    static String array(JsonNode args) {
        return args.isArray() ? args.toString() : List.of().toString();
    }
}
