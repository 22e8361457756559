package dev.minisim.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed template file: its nodes, the {@code <template name>} definitions found anywhere in it,
 * and the problems met while parsing (syntax and broken expressions, each with file:line).
 * Obtained from {@link TemplateParser#parse}.
 */
public final class Template {

    /** An element as written, for checks: tag, line and raw attribute values (valueless: ""). */
    public record Tag(String name, int line, Map<String, String> attrs) {
    }

    /**
     * An event binding as written, for checks: {@code handler} is the raw value (a method name,
     * or {@code {{expr}}} when computed).
     */
    public record Handler(String tag, int line, String attribute, String event, String handler) {
    }

    private final String file;
    private final Dialect dialect;
    final List<TNode> nodes;
    final Map<String, TNode.Element> definitions = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics;

    Template(String file, Dialect dialect, List<TNode> nodes, List<Diagnostic> diagnostics) {
        this.file = file;
        this.dialect = dialect;
        this.nodes = nodes;
        this.diagnostics = diagnostics;
        collectDefinitions(nodes);
    }

    private void collectDefinitions(List<TNode> list) {
        for (TNode n : list) {
            if (n instanceof TNode.Element e) {
                if (e.tag.equals("template") && e.attr("name") != null) {
                    definitions.putIfAbsent(e.raw("name").trim(), e);
                } else {
                    collectDefinitions(e.children);
                }
            }
        }
    }

    public String file() {
        return file;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Problems found while parsing, in file order. */
    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /** Names of the {@code <template name>} definitions in this file. */
    public List<String> templateNames() {
        return new ArrayList<>(definitions.keySet());
    }

    /** Every element of the file in document order (for {@code check}: handlers, components, srcs). */
    public List<Tag> tags() {
        List<Tag> out = new ArrayList<>();
        collectTags(nodes, out);
        return out;
    }

    /** Every event binding of the file in document order (for {@code check}: handlers the page lacks). */
    public List<Handler> handlers() {
        List<Handler> out = new ArrayList<>();
        for (Tag t : tags()) {
            for (Map.Entry<String, String> a : t.attrs().entrySet()) {
                BindingSyntax.Parsed b = BindingSyntax.parse(a.getKey(), dialect);
                if (b != null) {
                    out.add(new Handler(t.name(), t.line(), a.getKey(), b.event(), a.getValue().trim()));
                }
            }
        }
        return out;
    }

    private static void collectTags(List<TNode> list, List<Tag> out) {
        for (TNode n : list) {
            if (n instanceof TNode.Element e) {
                Map<String, String> attrs = new LinkedHashMap<>();
                for (TNode.Attr a : e.attrs) {
                    attrs.put(a.name, a.value == null ? "" : a.value);
                }
                out.add(new Tag(e.tag, e.line, attrs));
                collectTags(e.children, out);
            }
        }
    }
}
