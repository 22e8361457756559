package dev.minisim.ui;

import dev.minisim.frame.Frame;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Draws the native tab bar from a {@link Frame.TabBar}: at the bottom each tab is its icon (the
 * selected icon on the selected tab) over its text in {@code color} or {@code selectedColor},
 * with a badge or a red dot at the icon's corner; {@code position: top} bars have text only and
 * underline the selected tab. A click on a tab hands its index to {@code onTap}.
 */
final class TabBarView {

    private final HBox bottom;
    private final HBox top;
    private final IntConsumer onTap;
    private final Map<Path, Image> icons = new HashMap<>();

    TabBarView(HBox bottom, HBox top, IntConsumer onTap) {
        this.bottom = bottom;
        this.top = top;
        this.onTap = onTap;
        show(null);
    }

    void show(Frame.TabBar bar) {
        bottom.getChildren().clear();
        top.getChildren().clear();
        boolean onTop = bar != null && bar.top();
        visible(bottom, bar != null && !onTop);
        visible(top, onTop);
        if (bar == null) {
            return;
        }
        HBox target = onTop ? top : bottom;
        target.setStyle("-fx-background-color: " + bar.background() + "; -fx-border-color: "
                + (bar.borderStyle().equals("white") ? "#f2f2f2" : "rgba(0,0,0,0.16)") + "; -fx-border-width: "
                + (onTop ? "0 0 1 0" : "1 0 0 0") + ";");
        // no tab has an icon: the client draws the texts alone, as on a top bar
        boolean textOnly = onTop || bar.tabs().stream().allMatch(t -> t.icon() == null && t.selectedIcon() == null);
        target.getStyleClass().removeAll("tab-bar-text-only");
        if (textOnly) {
            target.getStyleClass().add("tab-bar-text-only");
        }
        for (int i = 0; i < bar.tabs().size(); i++) {
            target.getChildren().add(tab(bar, i, onTop, textOnly));
        }
    }

    private Node tab(Frame.TabBar bar, int i, boolean onTop, boolean textOnly) {
        Frame.Tab t = bar.tabs().get(i);
        boolean selected = i == bar.selected();
        Label text = new Label(t.text());
        text.setMnemonicParsing(false);
        text.getStyleClass().add("tab-text");
        text.setStyle("-fx-text-fill: " + (selected ? bar.selectedColor() : bar.color()) + ";");
        VBox box = new VBox(2);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("tab-item");
        box.setId("tab-" + i);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        if (textOnly) {
            box.getChildren().add(marked(text, t));
            if (selected && onTop) {
                box.setStyle("-fx-border-color: " + bar.selectedColor() + "; -fx-border-width: 0 0 2 0;");
            }
        } else {
            Path iconFile = selected && t.selectedIcon() != null ? t.selectedIcon() : t.icon();
            Node icon;
            if (iconFile != null) {
                ImageView view = new ImageView(icons.computeIfAbsent(iconFile,
                        f -> new Image(f.toUri().toString(), 48, 48, true, true, false)));
                view.setFitWidth(24);
                view.setFitHeight(24);
                view.setPreserveRatio(true);
                icon = view;
            } else {
                // no icon file: the client leaves the space; a dot keeps the tab readable
                Label none = new Label("●");
                none.getStyleClass().add("tab-no-icon");
                none.setStyle("-fx-text-fill: " + (selected ? bar.selectedColor() : bar.color()) + ";");
                icon = none;
            }
            box.getChildren().addAll(marked(icon, t), text);
        }
        if (selected) {
            box.getStyleClass().add("tab-selected");
        }
        final int index = i;
        box.setOnMouseClicked(e -> onTap.accept(index));
        return box;
    }

    /** {@code node} with the tab's badge or red dot at its top-right corner. */
    private static Node marked(Node node, Frame.Tab t) {
        if (t.badge() == null && !t.redDot()) {
            return node;
        }
        StackPane stack = new StackPane(node);
        stack.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        Label mark = new Label(t.badge() != null ? t.badge() : "");
        mark.getStyleClass().add(t.badge() != null ? "tab-badge" : "tab-red-dot");
        mark.setMouseTransparent(true);
        StackPane.setAlignment(mark, Pos.TOP_RIGHT);
        mark.setTranslateX(t.badge() != null ? 14 : 6);
        mark.setTranslateY(-4);
        stack.getChildren().add(mark);
        return stack;
    }

    private static void visible(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
