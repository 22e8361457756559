package dev.minisim.view;

import java.util.List;

/** Placeholder (being written). */
final class SelectorParser {
    interface Complex {
        boolean matches(VElement e);
    }

    static List<Complex> parse(String s) {
        throw new UnsupportedOperationException("not yet");
    }
}
