package dev.minisim.view;

import java.util.List;
import java.util.Optional;

/**
 * A CSS-like selector over the rendered tree (CONTRACT TARGET): tag, {@code #id}, {@code .class}
 * (several), {@code [attr]}, {@code [attr=value]} (value quoted or not), descendant (space) and
 * child ({@code >}) combinators, comma lists. It searches the whole page, inside custom
 * components too ({@code [attr]} also sees {@code data-*} attributes as written).
 */
public final class Selector {

    private final List<SelectorParser.Complex> alternatives;
    private final String text;

    private Selector(String text, List<SelectorParser.Complex> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /** Parses a selector; throws {@link IllegalArgumentException} naming the problem when it is malformed. */
    public static Selector parse(String selector) {
        return new Selector(selector, SelectorParser.parse(selector));
    }

    /** Whether {@code element} matches. */
    public boolean matches(VElement element) {
        for (SelectorParser.Complex c : alternatives) {
            if (c.matches(element)) {
                return true;
            }
        }
        return false;
    }

    /** Every element at or below {@code root} that matches, in document order, hidden ones included. */
    public List<VElement> selectAll(VElement root) {
        List<VElement> out = new java.util.ArrayList<>();
        root.walk(e -> {
            if (matches(e)) {
                out.add(e);
            }
        });
        return out;
    }

    /**
     * CONTRACT's TARGET: the {@code index}th (0-based, document order) visible element that matches
     * {@code selector} (null: any element) and, when {@code text} is not null, whose whole
     * normalised text equals {@code text} — of nested elements with that text, the deepest.
     * Hidden elements ({@link VElement#hidden()}) do not count. Empty when nothing matches.
     */
    public static Optional<VElement> find(VElement root, String selector, String text, int index) {
        return TargetFinder.find(root, selector == null || selector.isBlank() ? null : parse(selector), text, index);
    }

    /**
     * What {@link SelectorIndex} can look the matches up by: {@code #id}, {@code .class} or a
     * tag that every match has; null when the selector is a list or ends in {@code *} or
     * attributes only (then the tree is walked).
     */
    String indexKey() {
        return alternatives.size() == 1 ? alternatives.get(0).key() : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
