package dev.minisim.view;

/**
 * A node of a rendered page: plain data that headless steps, the markup writer, the window and the
 * automation protocol all read. Control syntax ({@code wx:if}, {@code block}, {@code template},
 * {@code import}, {@code include}, {@code wxs}) leaves no node behind.
 */
public sealed interface VNode permits VElement, VText {

    /** The element this node sits in; null for the page's root. */
    VElement parent();

    void parent(VElement parent);
}
