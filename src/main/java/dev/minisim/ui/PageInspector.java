package dev.minisim.ui;

import java.util.function.Consumer;

/**
 * How the WXML/AXML panel and the painted page point at the same element, as in the vendor
 * IDEs: the panel asks the painter to highlight the element selected or hovered in the tree, and
 * the painter reports the element under the mouse so the panel can show it. Elements are named by
 * their path in the rendered tree ({@link dev.minisim.app.ViewState.Element#path()}: child
 * indexes from the page root, text nodes counted, "" for the root). The painter implements this;
 * {@link #NONE} stands in until one is attached ({@link MainController#attachPage}).
 */
public interface PageInspector {

    /** Highlights the element at {@code path} on the page; null removes the highlight. FX thread. */
    void highlight(String path);

    /**
     * Registers who hears the element under the mouse: its path, or null when the mouse leaves
     * the page. Called once, when the painter is attached. FX thread.
     */
    void onHover(Consumer<String> listener);

    /** No painter: nothing to highlight, no hover to report. */
    PageInspector NONE = new PageInspector() {
        @Override
        public void highlight(String path) {
        }

        @Override
        public void onHover(Consumer<String> listener) {
        }
    };
}
