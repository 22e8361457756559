package dev.minisim.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An element of a rendered page. A custom component appears once, under the tag its user wrote,
 * with its own rendered template as its children and the user's slot content put in place.
 *
 * <p>Values in {@link #attrs()}, {@link #dataset()} and {@link #mark()} are plain JSON-like Java
 * values (String, Double/Integer/Long, Boolean, null, List, Map): an attribute written exactly as
 * {@code "{{expr}}"} keeps the expression's type, mixed text is a String, a valueless attribute
 * is {@code true}.
 */
public final class VElement implements VNode {

    /** The owner id of elements written by the page's own template. */
    public static final String PAGE = "page";

    private final String tag;
    private final Map<String, Object> attrs = new LinkedHashMap<>();
    private final Map<String, Object> dataset = new LinkedHashMap<>();
    private final Map<String, Object> mark = new LinkedHashMap<>();
    private final List<Binding> bindings = new ArrayList<>();
    private final Map<String, String> models = new LinkedHashMap<>();
    private final List<VNode> children = new ArrayList<>();
    private final String file;
    private final int line;
    private final String owner;
    private String component;
    private VElement parent;
    private boolean virtual;

    /**
     * @param tag   the tag as written ({@code view}, {@code van-button}); {@code page} for the root
     * @param file  the template file that wrote it, root-relative ({@code pages/index/index.wxml})
     * @param line  its line in that file
     * @param owner {@link #PAGE} or the component instance id whose template wrote it
     */
    public VElement(String tag, String file, int line, String owner) {
        this.tag = tag;
        this.file = file;
        this.line = line;
        this.owner = owner;
    }

    public String tag() {
        return tag;
    }

    /**
     * A component's virtual host (WeChat {@code options.virtualHost}): the element stands in the
     * tree for its instance, but is no node of the page (the markup shows its children alone).
     */
    public boolean virtual() {
        return virtual;
    }

    void virtual(boolean v) {
        this.virtual = v;
    }

    /** Evaluated attributes in the order written: id, class, style, hidden, a component's props... */
    public Map<String, Object> attrs() {
        return attrs;
    }

    /** {@code data-*} attributes by the platform's naming rule ({@code data-alpha-beta} → alphaBeta). */
    public Map<String, Object> dataset() {
        return dataset;
    }

    /** WeChat's {@code mark:*} attributes of this element alone (the event merges them along the path). */
    public Map<String, Object> mark() {
        return mark;
    }

    public List<Binding> bindings() {
        return bindings;
    }

    /**
     * Two-way bound attributes: {@code model:value="{{form.name}}"} gives {@code value →
     * "form.name"}, the data path (as written inside the braces) to set on the {@link #owner()}
     * when the user edits the field; the attribute itself is in {@link #attrs()} as usual.
     */
    public Map<String, String> models() {
        return models;
    }

    public List<VNode> children() {
        return children;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** Where this element's handlers are looked up: {@link #PAGE} or a component instance id. */
    public String owner() {
        return owner;
    }

    /** For a custom component's element: its instance id; null for built-in elements. */
    public String component() {
        return component;
    }

    public void component(String instanceId) {
        this.component = instanceId;
    }

    @Override
    public VElement parent() {
        return parent;
    }

    @Override
    public void parent(VElement parent) {
        this.parent = parent;
    }

    public VElement append(VNode child) {
        child.parent(this);
        children.add(child);
        return this;
    }

    public String id() {
        Object id = attrs.get("id");
        return id == null ? "" : String.valueOf(id);
    }

    /** The attribute as a string ('' when absent). */
    public String attr(String name) {
        Object v = attrs.get(name);
        return v == null ? "" : v instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                ? String.valueOf(d.longValue()) : String.valueOf(v);
    }

    /** The element's whole text, trimmed, runs of white space as one space (CONTRACT "text"). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        collectText(this, sb);
        return sb.toString().trim().replaceAll("\\s+", " ");
    }

    private static void collectText(VNode node, StringBuilder sb) {
        if (node instanceof VText t) {
            sb.append(t.text());
        } else if (node instanceof VElement e) {
            for (VNode c : e.children()) {
                collectText(c, sb);
            }
        }
    }

    /** This element and every element below it, in document order. */
    public void walk(Consumer<VElement> visitor) {
        visitor.accept(this);
        for (VNode c : children) {
            if (c instanceof VElement e) {
                e.walk(visitor);
            }
        }
    }

    /** Hidden by {@code hidden} or an inline {@code display:none}, itself or an ancestor. */
    public boolean hidden() {
        for (VElement e = this; e != null; e = e.parent()) {
            Object h = e.attrs.get("hidden");
            if (h != null && !Boolean.FALSE.equals(h) && !"false".equals(h) && !"".equals(h)) {
                return true;
            }
            Object style = e.attrs.get("style");
            if (style != null && String.valueOf(style).replace(" ", "").toLowerCase().contains("display:none")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "<" + tag + (id().isEmpty() ? "" : " id=\"" + id() + "\"") + "> at " + file + ":" + line;
    }
}
