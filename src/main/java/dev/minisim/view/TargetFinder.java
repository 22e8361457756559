package dev.minisim.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CONTRACT's TARGET: selector, text and index over the visible elements (see {@link Selector#find}). */
final class TargetFinder {

    private TargetFinder() {
    }

    static Optional<VElement> find(VElement root, Selector selector, String text, int index) {
        String wanted = text == null ? null : text.strip().replaceAll("\\s+", " ");
        List<VElement> matches = new ArrayList<>();
        root.walk(e -> {
            if (qualifies(e, selector, wanted) && (wanted == null || !deeperMatch(e, selector, wanted))) {
                matches.add(e);
            }
        });
        return index >= 0 && index < matches.size() ? Optional.of(matches.get(index)) : Optional.empty();
    }

    private static boolean qualifies(VElement e, Selector selector, String wanted) {
        return (selector == null || selector.matches(e)) && (wanted == null || e.text().equals(wanted)) && !e.hidden();
    }

    /** Whether an element below {@code e} also qualifies (then {@code e} is not the deepest). */
    private static boolean deeperMatch(VElement e, Selector selector, String wanted) {
        for (VNode c : e.children()) {
            if (c instanceof VElement child && (qualifies(child, selector, wanted) || deeperMatch(child, selector, wanted))) {
                return true;
            }
        }
        return false;
    }
}
