package dev.minisim.view;

import java.util.Optional;

/** Placeholder (being written). */
final class TargetFinder {
    static Optional<VElement> find(VElement root, Selector selector, String text, int index) {
        throw new UnsupportedOperationException("not yet");
    }
}
