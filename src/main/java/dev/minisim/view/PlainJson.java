package dev.minisim.view;

import java.util.List;
import java.util.Map;

/**
 * JSON text of template data that holds only what JSON can tell (maps, lists, strings, finite
 * numbers, booleans, null), as {@link ScriptModules} would build it member by member: an integral
 * number below 1e15 as an integer, other numbers as doubles. Anything else (a function, undefined,
 * a JS value, NaN or an infinity) makes {@link #write} answer false, and the caller converts the
 * slow way.
 */
final class PlainJson {

    private PlainJson() {
    }

    /** Appends {@code v} as JSON to {@code out}; false (and {@code out} half written) if it cannot. */
    static boolean write(Object v, StringBuilder out) {
        return write(v, out, 0);
    }

    private static final int MAX_DEPTH = 500;

    private static boolean write(Object v, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return false;
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                out.append((long) d);
            } else {
                out.append(d);
            }
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (!write(list.get(i), out, depth + 1)) {
                    return false;
                }
            }
            out.append(']');
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                if (!write(e.getValue(), out, depth + 1)) {
                    return false;
                }
            }
            out.append('}');
        } else {
            return false;
        }
        return true;
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
