package dev.minisim.view;

/**
 * The rendered tree as HTML (CONTRACT "Rendered markup"): the mini-program's tag names, evaluated
 * attributes (id, class, style, hidden, data-*, components' own attributes), text as shown; no
 * control syntax, no bindings; every element closed, every value escaped; two-space indentation,
 * one element per line, an element whose only child is short text on one line.
 */
public final class Markup {

    private Markup() {
    }

    /** The tree below and including {@code root}, ending with a newline. */
    public static String write(VElement root) {
        return MarkupWriter.write(root);
    }
}
