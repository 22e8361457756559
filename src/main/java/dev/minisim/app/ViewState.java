package dev.minisim.app;

import dev.minisim.frame.Frame;
import dev.minisim.view.VElement;
import dev.minisim.view.VNode;
import dev.minisim.view.VText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a face of the simulation (the window, a screenshot) shows of it at one moment, copied on
 * the runtime thread so the UI thread never touches the JS context.
 *
 * @param stack    routes, home first
 * @param data     the top page's data as JSON ("null" for a plugin page)
 * @param methods  the top page's methods, for the buttons that call them
 * @param title    the navigation bar's title
 * @param frame    the navigation bar and tab bar around the top page
 * @param tree     the top page's rendered tree, copied (null when it has none: a plugin page)
 */
public record ViewState(List<String> stack, String data, List<String> methods, String title, Frame frame, Element tree) {

    public static final ViewState EMPTY = new ViewState(List.of(), "null", List.of(), "");

    public ViewState(List<String> stack, String data, List<String> methods, String title) {
        this(stack, data, methods, title, Frame.NONE, null);
    }

    public String top() {
        return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }

    /**
     * One node of the rendered tree, frozen: an element (tag, attributes as text, where in which
     * template it came from) or a text node (tag null, its text). {@code path} is the child
     * indexes from the page root ("" for the root, "0.2.1" for the second child of the third
     * child of the first), counting text nodes: the name the developer panels and the painter use
     * for an element.
     */
    public record Element(String path, String tag, Map<String, String> attrs, String text, String file, int line,
                          List<Element> children) {

        /** Copies {@code root} and everything under it. Runtime thread. */
        public static Element of(VElement root) {
            return copy(root, "");
        }

        private static Element copy(VNode node, String path) {
            if (node instanceof VText t) {
                return new Element(path, null, Map.of(), t.text(), null, 0, List.of());
            }
            VElement e = (VElement) node;
            Map<String, String> attrs = new LinkedHashMap<>();
            e.attrs().forEach((k, v) -> attrs.put(k, v == null ? "" : String.valueOf(v)));
            // event bindings are kept apart from the attributes; a developer looks for them beside them
            for (dev.minisim.view.Binding b : e.bindings()) {
                String kind = b.capture() ? (b.stops() ? "capture-catch" : "capture-bind")
                        : b.stops() ? "catch" : b.mutated() ? "mut-bind" : "bind";
                attrs.putIfAbsent(kind + ":" + b.event(), b.handler());
            }
            List<Element> kids = new ArrayList<>();
            List<VNode> children = e.children();
            for (int i = 0; i < children.size(); i++) {
                kids.add(copy(children.get(i), path.isEmpty() ? String.valueOf(i) : path + "." + i));
            }
            return new Element(path, e.tag(), attrs, null, e.file(), e.line(), List.copyOf(kids));
        }

        public boolean isText() {
            return tag == null;
        }

        /** The element at {@code path} under this one, or null. */
        public Element find(String target) {
            if (target.equals(path)) {
                return this;
            }
            for (Element c : children) {
                if (target.equals(c.path) || target.startsWith(c.path + ".")) {
                    return c.find(target);
                }
            }
            return null;
        }
    }
}
