package dev.minisim.auto;

import dev.minisim.view.VElement;
import dev.minisim.view.VNode;
import dev.minisim.view.VText;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How an element's attributes read as the SDK's properties and styles (camelCase names, inline style). */
final class ElementValues {

    /** Properties each built-in component has even where its template leaves them out. */
    private static final Map<String, List<String>> BUILT_IN = Map.of(
            "input", List.of("value", "type", "password", "placeholder", "disabled", "maxlength", "focus"),
            "textarea", List.of("value", "placeholder", "disabled", "maxlength", "focus"),
            "switch", List.of("checked", "disabled", "type", "color"),
            "checkbox", List.of("value", "checked", "disabled", "color"),
            "radio", List.of("value", "checked", "disabled", "color"),
            "slider", List.of("min", "max", "step", "value", "disabled"),
            "swiper", List.of("current", "autoplay", "interval", "duration", "circular", "vertical"),
            "button", List.of("size", "type", "plain", "disabled", "loading", "openType"),
            "image", List.of("src", "mode", "lazyLoad"),
            "scroll-view", List.of("scrollX", "scrollY", "scrollTop", "scrollLeft"));

    private ElementValues() {
    }

    /**
     * The element's innerText as the client's DOM gives it: white space collapsed, except inside
     * a {@code <text>}, which keeps its line breaks and turns a {@code \n} written in its content
     * into one (WeChat's text component; food-diary's suite reads
     * {@code <text>体重：{{w}}kg\n</text>} and a record's multi-line value so).
     */
    static String innerText(VElement e) {
        StringBuilder sb = new StringBuilder();
        collect(e, insideText(e), sb);
        return sb.toString().replaceAll(" {2,}", " ").replaceAll("^[ \\t\\r\\n]+|[ \\t\\r\\n]+$", "");
    }

    /**
     * An attribute's value as the component's property: an input's or textarea's {@code value}
     * is a String property in WeChat, so {@code value="{{50}}"} reads {@code "50"}.
     */
    static Object asProperty(VElement e, String name, Object v) {
        if (!name.equals("value") || v == null || v instanceof String
                || !(e.tag().equals("input") || e.tag().equals("textarea"))) {
            return v;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : n.toString();
        }
        return v.toString();
    }

    private static boolean insideText(VElement e) {
        for (VElement p = e; p != null; p = p.parent()) {
            if (p.tag().equals("text")) {
                return true;
            }
        }
        return false;
    }

    private static void collect(VNode node, boolean pre, StringBuilder sb) {
        if (node instanceof VText t) {
            if (pre) {
                sb.append(t.text().replace("\\n", "\n").replaceAll("[ \\t\\r]+", " "));
            } else {
                sb.append(t.text().replaceAll("\\s+", " "));
            }
        } else if (node instanceof VElement c) {
            boolean inner = pre || c.tag().equals("text");
            for (VNode n : c.children()) {
                collect(n, inner, sb);
            }
        }
    }

    /** The element's public properties: its attributes (camelCase) and its component's usual ones. */
    static Set<String> publicProperties(VElement e) {
        Set<String> out = new LinkedHashSet<>(BUILT_IN.getOrDefault(e.tag(), List.of()));
        for (String a : e.attrs().keySet()) {
            if (!a.startsWith("data-") && !a.equals("class") && !a.equals("style")) {
                out.add(camel(a));
            }
        }
        return out;
    }

    /** The attribute a camelCase property reads ({@code openType} is {@code open-type} when written so). */
    static String attrName(VElement e, String property) {
        if (e.attrs().containsKey(property)) {
            return property;
        }
        String dashed = cssName(property);
        return e.attrs().containsKey(dashed) ? dashed : property;
    }

    static String camel(String dashed) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : dashed.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** {@code backgroundColor} as CSS writes it: {@code background-color}. */
    static String cssName(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The declarations of an inline {@code style} attribute, by property name. */
    static Map<String, String> inlineStyle(String style) {
        Map<String, String> out = new LinkedHashMap<>();
        if (style == null) {
            return out;
        }
        for (String decl : style.split(";")) {
            int colon = decl.indexOf(':');
            if (colon > 0) {
                out.put(decl.substring(0, colon).trim().toLowerCase(), decl.substring(colon + 1).trim());
            }
        }
        return out;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
