package dev.minisim.paint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Paths that stylesheets and images name, as root-relative paths: relative to the file that names
 * them, or from the mini-program's root with a leading {@code /}; a path that climbs out of the
 * root is refused (empty), so nothing outside the mini-program folder is ever read.
 */
final class StylePaths {

    private StylePaths() {
    }

    static Optional<String> resolve(String fromFile, String spec) {
        if (spec == null || spec.isBlank() || spec.contains("\0") || spec.contains(":")) {
            return Optional.empty();
        }
        String s = spec.replace('\\', '/');
        Deque<String> parts = new ArrayDeque<>();
        if (!s.startsWith("/")) {
            int slash = fromFile.lastIndexOf('/');
            if (slash > 0) {
                for (String p : fromFile.substring(0, slash).split("/")) {
                    parts.addLast(p);
                }
            }
        }
        for (String p : s.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }
}
