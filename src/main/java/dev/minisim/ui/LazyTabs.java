package dev.minisim.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The developer panels' tabs, put into the scene only when they are first shown (issue #10's
 * start bar: the first page painted within 2.0 s). A tab's content outside the scene has no skin
 * and no CSS pass, so the Console, Events, Transcript, WXML and Explore panels cost nothing
 * before the first page; until {@link #showSelected} even the selected one waits. The panels'
 * controls exist from the start (the controller fills their models), only their drawing waits.
 * FX thread.
 */
final class LazyTabs {

    private final TabPane pane;
    private final Map<Tab, Supplier<Node>> waiting = new LinkedHashMap<>();
    private final Map<Tab, Runnable> onShown = new LinkedHashMap<>();
    private boolean released;

    /** Takes every tab's content out of the scene until it is shown. */
    LazyTabs(TabPane pane) {
        this.pane = pane;
        for (Tab tab : pane.getTabs()) {
            Node content = tab.getContent();
            if (content != null) {
                tab.setContent(null);
                waiting.put(tab, () -> content);
            }
        }
        pane.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (released) {
                fill(b);
            }
        });
    }

    /** {@code tab}'s content, made by {@code content} when the tab is first shown. */
    void later(Tab tab, Supplier<Node> content) {
        if (tab.getContent() == null) {
            waiting.put(tab, content);
        }
    }

    /** Runs {@code action} once {@code tab}'s content is in the scene (at once if it is). */
    void whenShown(Tab tab, Runnable action) {
        if (waiting.containsKey(tab)) {
            onShown.put(tab, action);
        } else {
            action.run();
        }
    }

    /** Whether {@code tab}'s content is in the scene. */
    boolean shown(Tab tab) {
        return !waiting.containsKey(tab);
    }

    /** The selected tab's content now, each other tab's when it is selected. */
    void showSelected() {
        released = true;
        fill(pane.getSelectionModel().getSelectedItem());
    }

    /** Every tab's content now (screenshots and tests see the window as it was always made). */
    void showAll() {
        released = true;
        for (Tab tab : pane.getTabs()) {
            fill(tab);
        }
    }

    /** {@code tab}'s content now, if it waits. */
    void fill(Tab tab) {
        Supplier<Node> content = tab == null ? null : waiting.remove(tab);
        if (content != null) {
            tab.setContent(content.get());
            Runnable action = onShown.remove(tab);
            if (action != null) {
                action.run();
            }
        }
    }
}
