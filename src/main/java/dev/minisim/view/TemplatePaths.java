package dev.minisim.view;

import java.util.ArrayDeque;
import java.util.Deque;

/** Paths in templates: relative to the including file, or from the root with a leading {@code /}. */
final class TemplatePaths {

    private TemplatePaths() {
    }

    /**
     * The root-relative path {@code spec} names from file {@code from}. A {@code ..} above the root
     * stays at the root, as the WeChat compiler resolves it (the official demo's pages import
     * {@code ../../../../common/head.wxml} from three levels deep).
     */
    static String resolve(String from, String spec) {
        String s = spec.trim();
        String joined;
        if (s.startsWith("/")) {
            joined = s.substring(1);
        } else {
            int slash = from.lastIndexOf('/');
            joined = (slash >= 0 ? from.substring(0, slash + 1) : "") + s;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /** {@code spec} resolved, with the dialect's extension added when it has none. */
    static String template(String from, String spec, Dialect dialect) {
        String p = resolve(from, spec);
        if (p == null) {
            return null;
        }
        String last = p.substring(p.lastIndexOf('/') + 1);
        return last.contains(".") ? p : p + dialect.extension();
    }
}
