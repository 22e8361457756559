package dev.minisim.app;

import java.util.Map;

/** A page on the stack: one instance per navigation to its route. The JS object lives in the context. */
public record PageInstance(int id, String route, Map<String, String> query) {
}
