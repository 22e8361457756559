package dev.minisim.view;

/** Placeholder (being written). */
final class MarkupWriter {
    static String write(VElement root) {
        throw new UnsupportedOperationException("not yet");
    }
}
