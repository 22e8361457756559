package dev.minisim.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes the tree as pretty HTML for {@link Markup}. */
final class MarkupWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z_:][-A-Za-z0-9_:.]*");
    private static final int INLINE_TEXT = 60;

    private MarkupWriter() {
    }

    static String write(VElement root) {
        StringBuilder sb = new StringBuilder();
        element(root, 0, sb);
        return sb.toString();
    }

    private static void element(VElement e, int depth, StringBuilder sb) {
        String pad = "  ".repeat(depth);
        if (e.virtual()) {
            children(e, depth - 1, pad.length() >= 2 ? pad.substring(2) : "", sb);   // no node of its own
            return;
        }
        sb.append(pad).append('<').append(e.tag());
        for (Map.Entry<String, Object> a : e.attrs().entrySet()) {
            attribute(a.getKey(), a.getValue(), sb);
        }
        sb.append('>');
        List<VNode> kids = e.children();
        if (kids.isEmpty()) {
            sb.append("</").append(e.tag()).append(">\n");
            return;
        }
        if (kids.stream().allMatch(k -> k instanceof VText)) {
            StringBuilder text = new StringBuilder();
            kids.forEach(k -> text.append(((VText) k).text()));
            String t = normalise(text.toString());
            if (t.length() <= INLINE_TEXT) {
                sb.append(escapeText(t)).append("</").append(e.tag()).append(">\n");
                return;
            }
        }
        sb.append('\n');
        children(e, depth, pad, sb);
        sb.append(pad).append("</").append(e.tag()).append(">\n");
    }

    private static void children(VElement e, int depth, String pad, StringBuilder sb) {
        for (VNode k : e.children()) {
            if (k instanceof VElement c) {
                element(c, depth + 1, sb);
            } else {
                String t = normalise(((VText) k).text());
                if (!t.isEmpty()) {
                    sb.append(pad).append("  ").append(escapeText(t)).append('\n');
                }
            }
        }
    }

    private static void attribute(String name, Object value, StringBuilder sb) {
        if (!NAME.matcher(name).matches() || value == null) {
            return;
        }
        boolean data = name.startsWith("data-");
        if (value instanceof Boolean b && !data) {
            if (b) {
                sb.append(' ').append(name);
            }
            return;
        }
        sb.append(' ').append(name).append("=\"").append(escapeAttr(valueText(value))).append('"');
    }

    private static String valueText(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return JsValues.toStr(value);
    }

    private static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    static String escapeText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String escapeAttr(String s) {
        return escapeText(s).replace("\"", "&quot;");
    }
}
