package dev.minisim.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;

/**
 * The Data panel: the page stack as breadcrumbs, the top page's data as a tree, and a button per
 * method of the page (a click calls it as a tap would; ids {@code method-NAME}).
 */
final class DataPanel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FlowPane breadcrumbs;
    private final TreeView<String> dataTree;
    private final FlowPane methodsPane;

    DataPanel(FlowPane breadcrumbs, TreeView<String> dataTree, FlowPane methodsPane) {
        this.breadcrumbs = breadcrumbs;
        this.dataTree = dataTree;
        this.methodsPane = methodsPane;
        dataTree.setRoot(new TreeItem<>("data"));
    }

    void stack(List<String> stack) {
        breadcrumbs.getChildren().clear();
        for (int i = 0; i < stack.size(); i++) {
            if (i > 0) {
                breadcrumbs.getChildren().add(label("›", "crumb-sep"));
            }
            String route = stack.get(i);
            Label crumb = label(route.startsWith("plugin://") ? route.substring("plugin://".length()) : shortRoute(route), "crumb");
            if (route.startsWith("plugin://")) {
                crumb.getStyleClass().add("crumb-plugin");
            }
            if (i == stack.size() - 1) {
                crumb.getStyleClass().add("crumb-top");
            }
            breadcrumbs.getChildren().add(crumb);
        }
    }

    void methods(List<String> methods, boolean clickable, Consumer<String> call) {
        methodsPane.getChildren().clear();
        for (String m : methods) {
            Button b = new Button(m);
            b.setMnemonicParsing(false);
            b.getStyleClass().add("method-button");
            b.setId("method-" + m);
            b.setMouseTransparent(!clickable);
            b.setOnAction(e -> call.accept(m));
            methodsPane.getChildren().add(b);
        }
    }

    void data(String json, boolean plugin) {
        TreeItem<String> root = new TreeItem<>("data");
        try {
            JsonNode node = JSON.readTree(json == null ? "null" : json);
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(f -> root.getChildren().add(item(f.getKey(), f.getValue(), 0)));
            } else if (node != null && !node.isNull()) {
                root.getChildren().add(item("value", node, 0));
            }
        } catch (IOException e) {
            root.getChildren().add(new TreeItem<>(json));
        }
        if (root.getChildren().isEmpty()) {
            root.getChildren().add(new TreeItem<>(plugin ? "(a simulated plugin page: see its prompt)" : "(no data)"));
        }
        root.setExpanded(true);
        dataTree.setRoot(root);
    }

    private static TreeItem<String> item(String key, JsonNode v, int depth) {
        if (v.isContainerNode()) {
            TreeItem<String> t = new TreeItem<>(key + (v.isArray() ? "  [" + v.size() + "]" : "  {" + v.size() + "}"));
            if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    t.getChildren().add(item("[" + i + "]", v.get(i), depth + 1));
                }
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    t.getChildren().add(item(f.getKey(), f.getValue(), depth + 1));
                }
            }
            t.setExpanded(depth < 2);
            return t;
        }
        return new TreeItem<>(key + ": " + (v.isTextual() ? "\"" + v.asText() + "\"" : v.toString()));
    }

    /** {@code pages/index} for {@code pages/index/index}. */
    static String shortRoute(String route) {
        if (route == null) {
            return "";
        }
        String[] parts = route.split("/");
        return parts.length >= 2 && parts[parts.length - 1].equals(parts[parts.length - 2])
                ? String.join("/", java.util.Arrays.copyOf(parts, parts.length - 1)) : route;
    }

    static Label label(String text, String style) {
        Label l = new Label(text);
        l.setMnemonicParsing(false);
        l.getStyleClass().add(style);
        return l;
    }
}
