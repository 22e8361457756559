package dev.minisim.auto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.app.Simulation;
import dev.minisim.program.PageInstance;
import dev.minisim.view.Selector;
import dev.minisim.view.VElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Page.*}: a page of the stack by its {@code pageId}: its elements by selector (the whole
 * rendered page, inside custom components too), its data, setData, its methods, and the few
 * window properties the SDK reads.
 */
final class PageMethods {

    private PageMethods() {
    }

    static PageInstance page(Simulation sim, JsonNode params) {
        int id = params.path("pageId").asInt(-1);
        for (PageInstance p : sim.router().stack()) {
            if (p.id() == id) {
                return p;
            }
        }
        throw new AutoError("page " + (id < 0 ? "(no pageId)" : id) + " is not on the page stack"
                + " (the stack: " + sim.router().stack().stream().map(p -> p.id() + " " + p.route()).toList() + ")");
    }

    static VElement root(Simulation sim, PageInstance page) {
        return sim.screen().tree(page.id()).orElseThrow(() -> new AutoError("page " + page.route()
                + " has no rendered template"));
    }

    /** Every element at or below {@code root} (not {@code root} itself) that {@code selector} matches. */
    static List<VElement> select(VElement root, String selector, boolean includeRoot) {
        Selector sel;
        try {
            sel = Selector.parse(tagCase(selector, root));
        } catch (IllegalArgumentException e) {
            throw new AutoError("\"" + selector + "\" is not a selector MiniSim understands (" + e.getMessage() + ")");
        }
        List<VElement> out = new ArrayList<>(sel.selectAll(root));
        if (!includeRoot) {
            out.remove(root);
        }
        return out;
    }

    /** windowWidth and windowHeight, as getWindowInfo gives them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> windowSize(Simulation sim) {
        dev.minisim.api.SyncApi info = sim.apis().sync("wx", "getWindowInfo");
        try {
            Object v = info == null ? null : info.call("wx", com.fasterxml.jackson.databind.node.NullNode.getInstance());
            return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (dev.minisim.api.SyncApi.ApiException e) {
            return Map.of();
        }
    }

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("(^|[\\s>+~,(])([A-Za-z][\\w-]*)");

    /**
     * The selector with its tag names spelled as the page's template spells them: tag names are
     * case-insensitive in the client's DOM ({@code page.$('mp-actionsheet')} finds
     * {@code <mp-actionSheet>}), MiniSim's tree keeps the template's spelling.
     */
    static String tagCase(String selector, VElement root) {
        java.util.Map<String, String> tags = new java.util.HashMap<>();
        root.walk(e -> tags.putIfAbsent(e.tag().toLowerCase(java.util.Locale.ROOT), e.tag()));
        java.util.regex.Matcher m = TAG.matcher(selector);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String tag = m.group(2);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1)
                    + tags.getOrDefault(tag.toLowerCase(java.util.Locale.ROOT), tag)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static void register(Protocol p, AutoSession session, ElementHandles handles, Duration timeout) {
        p.add("Page.getElement", params -> {
            String selector = AppMethods.required(params, "selector");
            return session.call(sim -> {
                PageInstance page = page(sim, params);
                List<VElement> found = select(root(sim, page), selector, true);
                if (found.isEmpty()) {
                    throw new AutoError("no element matches \"" + selector + "\" on page " + page.route());
                }
                return handles.describe(page.id(), found.get(0));
            });
        });
        p.add("Page.getElements", params -> {
            String selector = AppMethods.required(params, "selector");
            return session.call(sim -> {
                PageInstance page = page(sim, params);
                return Map.of("elements", select(root(sim, page), selector, true).stream()
                        .map(e -> handles.describe(page.id(), e)).toList());
            });
        });
        p.add("Page.getElementByXpath", params -> {
            String xpath = AppMethods.required(params, "selector");
            return session.call(sim -> {
                PageInstance page = page(sim, params);
                List<VElement> found = XpathQueries.select(root(sim, page), xpath);
                if (found.isEmpty()) {
                    throw new AutoError("no element matches the XPath \"" + xpath + "\" on page " + page.route());
                }
                return handles.describe(page.id(), found.get(0));
            });
        });
        p.add("Page.getElementsByXpath", params -> {
            String xpath = AppMethods.required(params, "selector");
            return session.call(sim -> {
                PageInstance page = page(sim, params);
                return Map.of("elements", XpathQueries.select(root(sim, page), xpath).stream()
                        .map(e -> handles.describe(page.id(), e)).toList());
            });
        });
        p.add("Page.getData", params -> session.call(sim -> {
            PageInstance page = page(sim, params);
            JsonNode data = DataPaths.parse(sim.pageData(page));
            return Map.of("data", DataPaths.at(data, params.path("path").asText("")));
        }));
        p.add("Page.setData", params -> {
            JsonNode data = params.path("data");
            if (!data.isObject()) {
                throw new AutoError("\"data\" must be an object");
            }
            return session.call(sim -> {
                PageInstance page = page(sim, params);
                String problem = sim.guard(page.route(), () -> sim.world().autoSetData(page.id(), "page", data.toString()));
                if (problem == null || !problem.isEmpty()) {
                    throw new AutoError(problem == null ? "setData threw (see App.exceptionThrown)" : problem);
                }
                return Map.of();
            });
        });
        p.add("Page.callMethod", params -> {
            String method = AppMethods.required(params, "method");
            String args = AppMethods.array(params.path("args"));
            return session.call(sim -> page(sim, params)).thenCompose(page -> session.inWorld("page " + page.route() + " "
                    + method + "()", page.route(), timeout,
                    id -> session.current().world().autoCallMethod(id, page.id(), "page", method, args)))
                    .thenApply(result -> Map.of("result", result));
        });
        p.add("Page.getWindowProperties", params -> session.call(sim -> {
            PageInstance page = page(sim, params);
            Map<String, Object> size = windowSize(sim);
            List<Object> out = new ArrayList<>();
            for (JsonNode n : params.path("names")) {
                out.add(switch (n.asText()) {
                    case "document.documentElement.scrollWidth", "innerWidth", "document.body.scrollWidth" -> size.get("windowWidth");
                    case "document.documentElement.scrollHeight", "innerHeight", "document.body.scrollHeight" -> size.get("windowHeight");
                    case "document.body.scrollTop", "document.documentElement.scrollTop", "scrollY", "pageYOffset" -> 0;
                    case "document.title" -> sim.env().frame().title(page.id());
                    default -> null;
                });
            }
            return Map.of("properties", out);
        }));
    }
}
