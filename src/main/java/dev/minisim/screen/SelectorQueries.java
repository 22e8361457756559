package dev.minisim.screen;

import dev.minisim.view.Selector;
import dev.minisim.view.SelectorIndex;
import dev.minisim.view.VElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code createSelectorQuery()...exec()} answered from the rendered page (issue #9, "Layout
 * queries"): {@code id}, {@code dataset}, {@code mark}, {@code properties} and inline
 * {@code computedStyle} come from the tree; rects and scroll offsets are zero-size headless (no
 * layout runs without the window), which a warning says once per page; the viewport has the
 * device's window size.
 */
final class SelectorQueries {

    private SelectorQueries() {
    }

    /**
     * @param root     where to look: the page's tree, or a component's own element for its queries (see Screen.query)
     * @param index    the page tree's {@link SelectorIndex} when {@code root} is the page's tree, else null
     * @param owner    the instance given to {@code .in(component)}, or null for the page
     * @param requests each {@code {selector, all, viewport, fields}}
     * @param window   {@code {windowWidth, windowHeight}}
     */
    static List<Object> answer(VElement root, SelectorIndex index, String owner, List<Map<String, Object>> requests,
            Map<String, Object> window, java.util.function.Function<List<VElement>, List<double[]>> layout) {
        List<Object> results = new ArrayList<>();
        for (Map<String, Object> req : requests) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = req.get("fields") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            if (Boolean.TRUE.equals(req.get("viewport"))) {
                results.add(viewport(fields, window));
                continue;
            }
            List<VElement> found;
            try {
                Selector selector = Selector.parse(String.valueOf(req.get("selector")));
                found = scope(index != null && index.root() == root ? index.selectAll(selector) : selector.selectAll(root), owner);
            } catch (IllegalArgumentException e) {
                found = List.of();
            }
            boolean all = Boolean.TRUE.equals(req.get("all"));
            List<VElement> asked = all || found.isEmpty() ? found : found.subList(0, 1);
            List<double[]> rects = layout == null || asked.isEmpty() ? null : layout.apply(asked);
            List<Object> answers = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                answers.add(fields(asked.get(i), fields, rects == null || i >= rects.size() ? null : rects.get(i)));
            }
            results.add(all ? answers : answers.isEmpty() ? null : answers.get(0));
        }
        return results;
    }

    /**
     * The elements the query's owner wrote (a page query does not look inside components), else
     * every match; a component's query ({@code .in(component)}) also sees the slot content its
     * user put inside it when nothing of its own matches (Alipay's components query their whole
     * subtree, antd-mini's Popover measures its slot content so).
     */
    private static List<VElement> scope(List<VElement> matches, String owner) {
        String who = owner == null ? VElement.PAGE : owner;
        List<VElement> own = matches.stream().filter(e -> e.owner().equals(who)).toList();
        if (!own.isEmpty()) {
            return own;
        }
        return owner == null ? matches : matches.stream().filter(e -> inside(e, owner)).toList();
    }

    /** Whether {@code e} sits inside the element of component instance {@code owner}. */
    private static boolean inside(VElement e, String owner) {
        for (VElement a = e.parent(); a != null; a = a.parent()) {
            if (owner.equals(a.component())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> fields(VElement e, Map<String, Object> fields, double[] rect) {
        double[] r0 = rect == null ? new double[10] : rect;
        Map<String, Object> r = new LinkedHashMap<>();
        if (truthy(fields.get("id"))) {
            r.put("id", e.id());
        }
        if (truthy(fields.get("dataset"))) {
            r.put("dataset", new LinkedHashMap<>(e.dataset()));
        }
        if (truthy(fields.get("mark"))) {
            r.put("mark", EventDispatch.mark(e));
        }
        if (truthy(fields.get("rect"))) {
            r.put("left", px(r0[0]));
            r.put("right", px(r0[2]));
            r.put("top", px(r0[1]));
            r.put("bottom", px(r0[3]));
        }
        if (truthy(fields.get("size"))) {
            r.put("width", px(r0[4]));
            r.put("height", px(r0[5]));
        }
        if (truthy(fields.get("scrollOffset"))) {
            r.put("scrollLeft", px(r0[6]));
            r.put("scrollTop", px(r0[7]));
            r.put("scrollWidth", px(r0[8]));
            r.put("scrollHeight", px(r0[9]));
        }
        if (fields.get("properties") instanceof List<?> names) {
            for (Object n : names) {
                String name = String.valueOf(n);
                r.put(name, e.attrs().get(name.replaceAll("([A-Z])", "-$1").toLowerCase()) != null
                        ? e.attrs().get(name.replaceAll("([A-Z])", "-$1").toLowerCase()) : e.attrs().get(name));
            }
        }
        if (fields.get("computedStyle") instanceof List<?> names) {
            Map<String, String> style = inlineStyle(e.attr("style"));
            for (Object n : names) {
                String name = String.valueOf(n);
                r.put(name, style.getOrDefault(name.replaceAll("([A-Z])", "-$1").toLowerCase(), ""));
            }
        }
        if (truthy(fields.get("node")) || truthy(fields.get("context"))) {
            r.put(truthy(fields.get("node")) ? "node" : "context", null);
        }
        return r;
    }

    /** A length as JSON shows it: whole numbers as integers (0, not 0.0). */
    private static Object px(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? (Object) (long) v : (Object) v;
    }

    private static Map<String, Object> viewport(Map<String, Object> fields, Map<String, Object> window) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", "");
        r.put("dataset", Map.of());
        Object w = window.getOrDefault("windowWidth", 0);
        Object h = window.getOrDefault("windowHeight", 0);
        if (truthy(fields.get("rect")) || truthy(fields.get("size"))) {
            r.put("left", 0);
            r.put("top", 0);
            r.put("right", w);
            r.put("bottom", h);
            r.put("width", w);
            r.put("height", h);
        }
        if (truthy(fields.get("scrollOffset"))) {
            r.put("scrollLeft", 0);
            r.put("scrollTop", 0);
            r.put("scrollWidth", w);
            r.put("scrollHeight", h);
        }
        return r;
    }

    private static Map<String, String> inlineStyle(String style) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String decl : style.split(";")) {
            int c = decl.indexOf(':');
            if (c > 0) {
                m.put(decl.substring(0, c).trim().toLowerCase(), decl.substring(c + 1).trim());
            }
        }
        return m;
    }

    private static boolean truthy(Object v) {
        return Gestures.truthy(v);
    }
}
