package dev.minisim.paint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.minisim.view.VElement;

/**
 * One paint of a page: the stylesheet, the body's HTML, and which painted element stands for which
 * element of the rendered tree (each painted element carries {@code ms-id="N"}). Plain data, made
 * on the runtime thread and handed to the window as is.
 *
 * @param route    the page's route
 * @param pageKey  the page instance it was painted from (a new page is a new document)
 * @param css      the page's whole stylesheet (base, components, app, page)
 * @param body     the page's painted elements (the root {@code wx-page} and everything in it)
 * @param elements painted id → the tree's element
 * @param spans    painted id → where its element is in {@link #body} ({@code [start, end]}) and its children's ids
 * @param ids      the tree's element → its painted id (by identity)
 * @param warnings problems of the page's stylesheets ({@code file:line: message})
 */
public record PaintedPage(String route, int pageKey, String css, String body, Map<Integer, VElement> elements,
                          Map<Integer, Span> spans, Map<VElement, Integer> ids, List<String> warnings) {

    /** Where one painted element is in the body, and its painted children in order. */
    public record Span(int start, int end, List<Integer> children) {
    }

    /**
     * One patch: replace the painted element {@code id} with {@code html}; or, when {@code attrsOnly},
     * {@code html} is the element emptied (its start and end tag) and only its attributes change to
     * those, its children being patched on their own.
     */
    public record Patch(int id, String html, boolean attrsOnly) {
        public Patch(int id, String html) {
            this(id, html, false);
        }
    }

    /** The whole HTML document: the base of the platform, the page's styles, the body, our event plumbing. */
    public String document() {
        return document("");
    }

    /** The same, with {@code lastCss} after the page's own styles (it wins where it says !important). */
    public String document(String lastCss) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<style id=\"ms-style\">\n" + css
                + "</style>\n" + (lastCss.isEmpty() ? "" : "<style id=\"ms-last\">\n" + lastCss + "\n</style>\n")
                + "</head>\n<body>" + body + "\n<script>" + PagePainter.resource("page.js") + "</script>\n</body></html>\n";
    }

    /** The painted element {@code id}'s HTML. */
    public String html(int id) {
        Span s = spans.get(id);
        return s == null ? "" : body.substring(s.start(), s.end());
    }

    /** The painted id of a tree element, if it was painted. */
    public Optional<Integer> idOf(VElement element) {
        return Optional.ofNullable(ids.get(element));
    }

    /**
     * The smallest replacements that turn {@code before}'s painted body into this one's: elements
     * whose HTML is unchanged are kept (so a one-row setData replaces that row), an element whose
     * own text or generated parts changed is replaced whole, and one whose attributes alone changed
     * (a class toggled) keeps its place in the document and takes the new attributes. A replaced
     * element is laid out and repainted with what holds it (a block replaced under a component's
     * host repainted the whole page, in software, on every tap); new attributes on the same element
     * repaint only what they change. Empty when the whole document must load again (a new page, new
     * styles, a new root).
     */
    public Optional<List<Patch>> patchesFrom(PaintedPage before) {
        if (before == null || before.pageKey != pageKey || !before.css.equals(css) || spans.isEmpty()) {
            return Optional.empty();
        }
        int root = rootId();
        if (before.spans.get(root) == null || before.rootId() != root) {
            return Optional.empty();
        }
        List<Patch> patches = new ArrayList<>();
        diff(before, root, patches);
        return Optional.of(patches);
    }

    private int rootId() {
        int best = -1;
        int start = Integer.MAX_VALUE;
        for (Map.Entry<Integer, Span> e : spans.entrySet()) {
            if (e.getValue().start() < start) {
                start = e.getValue().start();
                best = e.getKey();
            }
        }
        return best;
    }

    private void diff(PaintedPage before, int id, List<Patch> out) {
        String now = html(id);
        if (now.equals(before.html(id))) {
            return;
        }
        Span a = spans.get(id);
        Span b = before.spans.get(id);
        if (b != null && a.children().equals(b.children())) {
            String shellNow = shell(this, a);
            String shellBefore = shell(before, b);
            boolean same = shellNow.equals(shellBefore);
            if (!same) {
                int tagNow = startTagEnd(this, a) - a.start();
                int tagBefore = startTagEnd(before, b) - b.start();
                if (tagNow > 0 && tagBefore > 0 && shellNow.substring(tagNow).equals(shellBefore.substring(tagBefore))
                        && tagName(shellNow).equals(tagName(shellBefore))) {
                    String tag = tagName(shellNow);
                    out.add(new Patch(id, shellNow.substring(0, tagNow) + "</" + tag.substring(1) + ">", true));
                    same = true;
                }
            }
            if (same) {
                for (int child : a.children()) {
                    diff(before, child, out);
                }
                return;
            }
        }
        out.add(new Patch(id, now));
    }

    /** Where the start tag of the element at {@code s} ends (after its {@code >}; attribute values never hold one), or -1. */
    private static int startTagEnd(PaintedPage p, Span s) {
        int end = p.body.indexOf('>', s.start());
        return end < 0 || end >= s.end() ? -1 : end + 1;
    }

    /** {@code "<wx-view"} of {@code "<wx-view ms-id=...>..."}. */
    private static String tagName(String html) {
        int i = 1;
        while (i < html.length() && html.charAt(i) != ' ' && html.charAt(i) != '>') {
            i++;
        }
        return html.substring(0, i);
    }

    /** The element's HTML with each painted child cut out (its own tag, text and generated parts). */
    private static String shell(PaintedPage p, Span s) {
        StringBuilder sb = new StringBuilder();
        int at = s.start();
        for (int c : s.children()) {
            Span cs = p.spans.get(c);
            sb.append(p.body, at, cs.start()).append('\u0000');
            at = cs.end();
        }
        sb.append(p.body, at, s.end());
        return sb.toString();
    }
}
