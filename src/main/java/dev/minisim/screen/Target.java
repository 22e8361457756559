package dev.minisim.screen;

import dev.minisim.view.VElement;

/**
 * What a step on the rendered page aims at (CONTRACT "TARGET"): a selector, the element's whole
 * text, and which match in document order; any of the three may be absent. The window's clicks
 * aim at one exact {@link #element()} of the tree instead ({@link #exactly}), and go through the
 * same dispatch as a scenario's steps.
 */
public record Target(String selector, String text, int index, VElement element) {

    public Target(String selector, String text, int index) {
        this(selector, text, index, null);
    }

    /** The element itself (a click in the window on what the painter drew for it). */
    public static Target exactly(VElement element) {
        return new Target(null, null, 0, element);
    }

    @Override
    public String toString() {
        if (element != null) {
            return element.toString();
        }
        StringBuilder sb = new StringBuilder();
        if (selector != null) {
            sb.append('"').append(selector).append('"');
        }
        if (text != null) {
            sb.append(sb.isEmpty() ? "" : " ").append("with text \"").append(text).append('"');
        }
        if (index != 0) {
            sb.append(sb.isEmpty() ? "" : " ").append("#").append(index);
        }
        return sb.toString();
    }
}
