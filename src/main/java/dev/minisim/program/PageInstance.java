package dev.minisim.program;

import java.util.Map;

/**
 * A page on the stack: one instance per navigation to its route. The JS object lives in the
 * context. The query keeps the order of the URL.
 */
public record PageInstance(int id, String route, Map<String, String> query) {

    public PageInstance {
        query = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(query));
    }
}
