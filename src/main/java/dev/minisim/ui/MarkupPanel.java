package dev.minisim.ui;

import dev.minisim.app.ViewState;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The WXML (WeChat) or AXML (Alipay) panel: the top page's rendered tree as the vendor IDEs show
 * it, one row per element ({@code <view class="card">}) or text, expandable; the selected
 * element's attributes and template position below. Hovering or selecting a row asks the
 * {@link PageInspector} to highlight that element on the page; the element the painter reports
 * under the mouse is selected here. The tree keeps what was expanded and selected across
 * re-renders, by element path.
 */
final class MarkupPanel {

    private final TreeView<ViewState.Element> tree;
    private final ListView<String> attributes;
    private final Map<String, TreeItem<ViewState.Element>> byPath = new HashMap<>();
    private PageInspector inspector = PageInspector.NONE;
    private ViewState.Element shown;

    MarkupPanel(TreeView<ViewState.Element> tree, ListView<String> attributes) {
        this.tree = tree;
        this.attributes = attributes;
        tree.setCellFactory(v -> new ElementCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selected(b == null ? null : b.getValue()));
        tree.setOnMouseExited(e -> inspector.highlight(selectedPath()));
        attributes.setPlaceholder(new javafx.scene.control.Label("select an element to see its attributes"));
    }

    void inspector(PageInspector inspector) {
        this.inspector = Objects.requireNonNull(inspector);
        inspector.onHover(path -> {
            TreeItem<ViewState.Element> item = path == null ? null : byPath.get(path);
            if (item != null) {
                reveal(item);
                tree.getSelectionModel().select(item);
                tree.scrollTo(Math.max(0, tree.getRow(item) - 3));
            }
        });
    }

    /** Shows {@code root} (null: the page has no rendered tree), keeping expansion and selection. */
    void show(ViewState.Element root) {
        if (Objects.equals(root, shown)) {
            return;
        }
        shown = root;
        String selected = selectedPath();
        Map<String, Boolean> expanded = new HashMap<>();
        byPath.forEach((p, item) -> expanded.put(p, item.isExpanded()));
        byPath.clear();
        if (root == null) {
            tree.setRoot(null);
            attributes.getItems().setAll();
            return;
        }
        tree.setRoot(item(root, expanded, 0));
        TreeItem<ViewState.Element> again = selected == null ? null : byPath.get(selected);
        if (again != null) {
            tree.getSelectionModel().select(again);
        } else {
            attributes.getItems().setAll();
        }
    }

    private TreeItem<ViewState.Element> item(ViewState.Element e, Map<String, Boolean> expanded, int depth) {
        TreeItem<ViewState.Element> item = new TreeItem<>(e);
        byPath.put(e.path(), item);
        for (ViewState.Element c : e.children()) {
            // whitespace between tags is no node a developer looks for
            if (!c.isText() || !c.text().isBlank()) {
                item.getChildren().add(item(c, expanded, depth + 1));
            }
        }
        item.setExpanded(expanded.getOrDefault(e.path(), depth < 3));
        return item;
    }

    private static void reveal(TreeItem<?> item) {
        for (TreeItem<?> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
    }

    private String selectedPath() {
        TreeItem<ViewState.Element> s = tree.getSelectionModel().getSelectedItem();
        return s == null ? null : s.getValue().path();
    }

    private void selected(ViewState.Element e) {
        if (e == null) {
            attributes.getItems().setAll();
            inspector.highlight(null);
            return;
        }
        java.util.List<String> rows = new java.util.ArrayList<>();
        if (e.isText()) {
            rows.add("text: " + e.text());
        } else {
            e.attrs().forEach((k, v) -> rows.add(k + " = \"" + v + "\""));
            if (rows.isEmpty()) {
                rows.add("(no attributes)");
            }
            if (e.file() != null) {
                rows.add("from " + e.file() + (e.line() > 0 ? ":" + e.line() : ""));
            }
        }
        attributes.getItems().setAll(rows);
        inspector.highlight(e.path());
    }

    /** {@code <view class="card" id="x">} for an element, its text in quotes for a text node. */
    static String label(ViewState.Element e) {
        if (e.isText()) {
            String t = e.text().strip();
            return "\"" + (t.length() > 60 ? t.substring(0, 57) + "…" : t) + "\"";
        }
        StringBuilder b = new StringBuilder("<").append(e.tag());
        for (String key : new String[] {"id", "class"}) {
            String v = e.attrs().get(key);
            if (v != null && !v.isBlank()) {
                b.append(' ').append(key).append("=\"").append(v).append('"');
            }
        }
        return b.append('>').toString();
    }

    private final class ElementCell extends TreeCell<ViewState.Element> {
        ElementCell() {
            setOnMouseEntered(e -> {
                if (getItem() != null) {
                    inspector.highlight(getItem().path());
                }
            });
        }

        @Override
        protected void updateItem(ViewState.Element e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().removeAll("markup-text");
            setMnemonicParsing(false);
            if (empty || e == null) {
                setText(null);
                return;
            }
            setText(label(e));
            if (e.isText()) {
                getStyleClass().add("markup-text");
            }
        }
    }
}
