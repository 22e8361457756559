package dev.minisim.auto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.app.Simulation;
import dev.minisim.program.PageInstance;
import dev.minisim.screen.Target;
import dev.minisim.view.Markup;
import dev.minisim.view.VElement;
import dev.minisim.view.VNode;
import dev.minisim.view.VText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Element.*}: an element of a rendered page by its {@code elementId}. Taps, typing and
 * control changes go through the same dispatch as a scenario's {@code tap}, {@code input} and
 * {@code change} steps; a custom component's element ({@code nodeId}) also has the instance's
 * data, setData and methods.
 */
final class ElementMethods {

    /** Per element: the scroll offsets (scroll-view) or position (movable-view) the client last set. */
    private final Map<String, double[]> positions = new HashMap<>();
    private final AutoSession session;
    private final ElementHandles handles;

    private ElementMethods(AutoSession session, ElementHandles handles) {
        this.session = session;
        this.handles = handles;
    }

    /** The element a request names, as rendered now. */
    private record At(PageInstance page, VElement element, String id) {
    }

    private At at(Simulation sim, JsonNode params) {
        PageInstance page = PageMethods.page(sim, params);
        String id = params.path("elementId").asText("");
        return new At(page, handles.resolve(sim, page.id(), id), id);
    }

    private CompletableFuture<Object> on(JsonNode params, java.util.function.BiFunction<Simulation, At, Object> body) {
        return session.call(sim -> body.apply(sim, at(sim, params)));
    }

    /** A gesture on the element: answered once what it queued has run ({@link AutoSession#gesture}). */
    private CompletableFuture<Object> gesture(JsonNode params, java.util.function.BiFunction<Simulation, At, Object> body) {
        return session.gesture(sim -> body.apply(sim, at(sim, params)));
    }

    /** A gesture's problem (an element no longer on the top page, a disabled input) is the answer's error. */
    private static Map<String, Object> done(Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new AutoError(p);
        });
        return Map.of();
    }

    static void register(Protocol p, AutoSession session, ElementHandles handles, Duration timeout) {
        new ElementMethods(session, handles).register(p, timeout);
    }

    private void register(Protocol p, Duration timeout) {
        p.add("Element.getElement", params -> {
            String selector = AppMethods.required(params, "selector");
            return on(params, (sim, at) -> {
                List<VElement> found = PageMethods.select(at.element(), selector, false);
                if (found.isEmpty()) {
                    throw new AutoError("no element matches \"" + selector + "\" inside " + at.element());
                }
                return handles.describe(at.page().id(), found.get(0));
            });
        });
        p.add("Element.getElements", params -> {
            String selector = AppMethods.required(params, "selector");
            return on(params, (sim, at) -> Map.of("elements", PageMethods.select(at.element(), selector, false).stream()
                    .map(e -> handles.describe(at.page().id(), e)).toList()));
        });
        p.add("Element.tap", params -> gesture(params, (sim, at) -> done(sim.screen().tap(Target.exactly(at.element())))));
        p.add("Element.longpress", params -> gesture(params, (sim, at) ->
                done(sim.screen().trigger(Target.exactly(at.element()), "longpress", point(params), true))));
        for (String touch : List.of("touchstart", "touchmove", "touchend", "touchcancel")) {
            p.add("Element." + touch, params -> gesture(params, (sim, at) ->
                    done(sim.screen().trigger(Target.exactly(at.element()), touch, point(params), true))));
        }
        p.add("Element.triggerEvent", params -> {
            String type = AppMethods.required(params, "type");
            Object detail = params.has("detail") ? Protocol.JSON.convertValue(params.get("detail"), Object.class) : Map.of();
            return gesture(params, (sim, at) -> done(sim.screen().trigger(Target.exactly(at.element()), type, detail, false)));
        });
        p.add("Element.dispatchEvent", params -> {
            String type = params.path("eventName").asText(params.path("type").asText(""));
            if (type.isEmpty()) {
                throw new AutoError("missing \"eventName\"");
            }
            Object detail = params.has("eventData") ? Protocol.JSON.convertValue(params.get("eventData"), Object.class) : Map.of();
            return gesture(params, (sim, at) -> done(sim.screen().trigger(Target.exactly(at.element()), type, detail, false)));
        });
        p.add("Element.getAttributes", params -> on(params, (sim, at) -> Map.of("attributes",
                names(params).stream().map(n -> attribute(at.element(), n)).toList())));
        p.add("Element.getDOMProperties", params -> on(params, (sim, at) -> Map.of("properties",
                domProperties(sim, at, names(params)))));
        p.add("Element.getProperties", params -> on(params, (sim, at) -> Map.of("properties",
                names(params).stream().map(n -> property(sim, at, n)).toList())));
        p.add("Element.getStyles", params -> on(params, (sim, at) -> Map.of("styles", styles(sim, at, names(params)))));
        p.add("Element.getWXML", params -> on(params, (sim, at) -> Map.of("wxml",
                "outer".equals(params.path("type").asText("inner")) ? Markup.write(at.element()).trim() : inner(at.element()))));
        p.add("Element.getOffset", params -> on(params, (sim, at) -> {
            // the painted page is never scrolled, so its box's viewport position is its page position
            double[] r = sim.screen().rect(at.page().id(), at.element()).orElse(new double[10]);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("left", r[0]);
            m.put("top", r[1]);
            return m;
        }));
        p.add("Element.callFunction", params -> {
            String name = AppMethods.required(params, "functionName");
            JsonNode args = params.path("args");
            return gesture(params, (sim, at) -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("result", callFunction(sim, at, name, args));
                return out;
            });
        });
        p.add("Element.getData", params -> on(params, (sim, at) -> {
            String owner = component(at);
            JsonNode data = DataPaths.parse(sim.guard(at.page().route(), () -> sim.world().componentData(owner)));
            return Map.of("data", DataPaths.at(data, params.path("path").asText("")));
        }));
        p.add("Element.setData", params -> {
            JsonNode data = params.path("data");
            if (!data.isObject()) {
                throw new AutoError("\"data\" must be an object");
            }
            return on(params, (sim, at) -> {
                String owner = component(at);
                String problem = sim.guard(at.page().route(), () -> sim.world().autoSetData(at.page().id(), owner, data.toString()));
                if (problem == null || !problem.isEmpty()) {
                    throw new AutoError(problem == null ? "setData threw (see App.exceptionThrown)" : problem);
                }
                return Map.of();
            });
        });
        p.add("Element.callMethod", params -> {
            String method = AppMethods.required(params, "method");
            String args = AppMethods.array(params.path("args"));
            return session.call(sim -> at(sim, params)).thenCompose(at -> {
                String owner = component(at);
                return session.inWorld(at.element().tag() + " " + method + "()", at.page().route(), timeout,
                        id -> session.current().world().autoCallMethod(id, at.page().id(), owner, method, args));
            }).thenApply(result -> Map.of("result", result));
        });
    }

    private static String component(At at) {
        String owner = at.element().component();
        if (owner == null) {
            throw new AutoError(at.element() + " is not a custom component (data, setData and callMethod are theirs)");
        }
        return owner;
    }

    private static List<String> names(JsonNode params) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : params.path("names")) {
            out.add(n.asText());
        }
        return out;
    }

    private static Map<String, Object> point(JsonNode params) {
        Map<String, Object> point = new LinkedHashMap<>();
        JsonNode touches = params.path("touches").isArray() && !params.path("touches").isEmpty() ? params.path("touches")
                : params.path("changedTouches");
        JsonNode first = touches.isArray() && !touches.isEmpty() ? touches.get(0) : Protocol.JSON.createObjectNode();
        point.put("x", first.path("clientX").asDouble(first.path("pageX").asDouble(0)));
        point.put("y", first.path("clientY").asDouble(first.path("pageY").asDouble(0)));
        return point;
    }

    private static Object attribute(VElement e, String name) {
        Object v = e.attrs().get(name);
        if (v == null) {
            return null;
        }
        return e.attr(name);
    }

    /** Which DOM properties are read from the painted page's layout (the rest from the tree). */
    private static final java.util.Set<String> LAYOUT = java.util.Set.of("offsetLeft", "offsetTop", "offsetWidth",
            "clientWidth", "offsetHeight", "clientHeight");

    private List<Object> domProperties(Simulation sim, At at, List<String> names) {
        // the layout once per request (size() asks width and height together), and only when asked:
        // text() must not start the painter
        Optional<double[]> rect = names.stream().anyMatch(LAYOUT::contains)
                ? sim.screen().rect(at.page().id(), at.element()) : Optional.empty();
        List<Object> out = new ArrayList<>();
        for (String n : names) {
            out.add(domProperty(sim, at, n, rect));
        }
        return out;
    }

    /**
     * Computed styles, as the IDE reads them from its rendering (the stylesheets' values, in the
     * engine's spelling: {@code rgb(255, 0, 0)}); without a painter, the inline ones.
     */
    private List<String> styles(Simulation sim, At at, List<String> names) {
        List<String> css = names.stream().map(ElementValues::cssName).toList();
        Optional<List<String>> computed = session.painter().styles(sim, at.page().id(), at.element(), css);
        if (computed.isPresent()) {
            return computed.get();
        }
        Map<String, String> inline = ElementValues.inlineStyle(at.element().attr("style"));
        return css.stream().map(inline::get).toList();
    }

    private Object domProperty(Simulation sim, At at, String name, Optional<double[]> rect) {
        VElement e = at.element();
        return switch (name) {
            case "innerText", "textContent" -> ElementValues.innerText(e);
            case "innerHTML" -> inner(e);
            case "outerHTML" -> Markup.write(e).trim();
            case "tagName" -> e.tag().toUpperCase();
            case "id" -> e.id();
            case "className" -> e.attr("class");
            case "offsetLeft" -> rect.map(r -> r[0]).orElse(0.0);
            case "offsetTop" -> rect.map(r -> r[1]).orElse(0.0);
            case "offsetWidth", "clientWidth" -> rect.map(r -> r[4]).orElse(0.0);
            case "offsetHeight", "clientHeight" -> rect.map(r -> r[5]).orElse(0.0);
            case "value", "checked", "disabled" -> ElementValues.asProperty(e, name, sim.screen().current(at.page().id(), e, name));
            default -> e.attrs().get(name);
        };
    }

    private Object property(Simulation sim, At at, String name) {
        VElement e = at.element();
        if (e.component() != null) {
            JsonNode data = DataPaths.parse(sim.guard(at.page().route(), () -> sim.world().componentData(e.component())));
            if (name.equals("__propPublic")) {
                Map<String, Object> pub = new LinkedHashMap<>();
                data.fieldNames().forEachRemaining(k -> pub.put(k, true));
                return pub;
            }
            return data.get(name);
        }
        if (name.equals("__propPublic")) {
            Map<String, Object> pub = new LinkedHashMap<>();
            for (String k : ElementValues.publicProperties(e)) {
                pub.put(k, true);
            }
            return pub;
        }
        double[] pos = positions.get(at.id());
        return switch (name) {
            case "_translateX" -> pos == null ? number(e, "x") : pos[0];
            case "_translateY" -> pos == null ? number(e, "y") : pos[1];
            default -> {
                Object v = sim.screen().current(at.page().id(), e, ElementValues.attrName(e, name));
                yield ElementValues.asProperty(e, name, v);
            }
        };
    }

    private static double number(VElement e, String attr) {
        try {
            return Double.parseDouble(e.attr(attr));
        } catch (NumberFormatException x) {
            return 0;
        }
    }

    /** The component-specific functions the SDK's element classes send. */
    private Object callFunction(Simulation sim, At at, String name, JsonNode args) {
        VElement e = at.element();
        Target target = Target.exactly(e);
        JsonNode a0 = args.path(0);
        JsonNode a1 = args.path(1);
        String expected = name.contains(".") ? name.substring(0, name.indexOf('.')) : "";
        if (!expected.isEmpty() && !expected.equals(e.tag())) {
            throw new AutoError(name + ": " + e + " is not a " + expected);
        }
        switch (name) {
            case "input.input", "textarea.input" -> done(sim.screen().input(target, a0.isTextual() ? a0.asText() : a0.toString()));
            case "switch.tap" -> done(sim.screen().tap(target));
            case "slider.slideTo" -> done(sim.screen().change(target, a0.isNumber() ? a0.numberValue() : a0.asDouble()));
            case "swiper.swipeTo" -> done(sim.screen().change(target, a0.asInt()));
            case "scroll-view.scrollTo" -> {
                double[] pos = positions.computeIfAbsent(at.id(), k -> new double[2]);
                pos[0] = a0.asDouble(pos[0]);
                pos[1] = a1.asDouble(pos[1]);
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("scrollLeft", pos[0]);
                detail.put("scrollTop", pos[1]);
                detail.put("scrollWidth", scrollSize(sim, at, 8));
                detail.put("scrollHeight", scrollSize(sim, at, 9));
                detail.put("deltaX", 0);
                detail.put("deltaY", 0);
                done(sim.screen().trigger(target, "scroll", detail, false));
            }
            case "scroll-view.scrollTop" -> {
                return positions.getOrDefault(at.id(), new double[2])[1];
            }
            case "scroll-view.scrollLeft" -> {
                return positions.getOrDefault(at.id(), new double[2])[0];
            }
            case "scroll-view.scrollWidth" -> {
                return scrollSize(sim, at, 8);
            }
            case "scroll-view.scrollHeight" -> {
                return scrollSize(sim, at, 9);
            }
            case "movable-view.moveTo" -> {
                double[] pos = positions.computeIfAbsent(at.id(), k -> new double[] {number(e, "x"), number(e, "y")});
                pos[0] = a0.asDouble(pos[0]);
                pos[1] = a1.asDouble(pos[1]);
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("x", pos[0]);
                detail.put("y", pos[1]);
                detail.put("source", "");
                done(sim.screen().trigger(target, "change", detail, false));
            }
            default -> throw new AutoError("MiniSim does not implement the element function " + name);
        }
        return null;
    }

    private static double scrollSize(Simulation sim, At at, int index) {
        return sim.screen().rect(at.page().id(), at.element()).map(r -> r[index]).orElse(0.0);
    }

    /** The element's content as markup (innerHTML / inner WXML). */
    private static String inner(VElement e) {
        StringBuilder sb = new StringBuilder();
        for (VNode n : e.children()) {
            if (n instanceof VElement c) {
                sb.append(Markup.write(c).trim());
            } else if (n instanceof VText t) {
                sb.append(ElementValues.escape(t.text()));
            }
        }
        return sb.toString();
    }
}
