package dev.minisim.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.minisim.events.Event;
import dev.minisim.events.TranscriptWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code explore} writes: one line per branch and a summary (standard output), the JSON of
 * CONTRACT.md, and a self-contained HTML page. Plain text in, plain text out: thumbnails come
 * from whoever can paint (the window's code), as PNG bytes.
 */
public final class ExploreReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Transcript lines shown before the first problem of a failing branch. */
    static final int EXCERPT = 14;
    private static final int TEXT_IN_LINE = 60;
    private static final int PROBLEM_IN_LINE = 160;

    private ExploreReport() {
    }

    /**
     * One line: status, the answers along the path, the pages at the end, the top page's text, and
     * for a branch that is not ok its outcome and first problem ({@code --json}/{@code --html} have all).
     */
    public static String line(Branch b) {
        StringBuilder s = new StringBuilder(String.format("%-6s  %s", b.status(), b.pathLabel()));
        s.append("  pages: ").append(b.pages().isEmpty() ? "(none)" : String.join(" > ", b.pages()));
        s.append("  text: \"").append(cut(b.text(), TEXT_IN_LINE)).append('"');
        if (!b.ok()) {
            s.append("  ").append(b.outcome());
            if (!b.errors().isEmpty()) {
                s.append(": ").append(cut(b.errors().get(0).toString(), PROBLEM_IN_LINE));
                if (b.errors().size() > 1) {
                    s.append(" (+").append(b.errors().size() - 1).append(" more)");
                }
            }
        }
        return s.toString();
    }

    private static String cut(String s, int n) {
        String one = s.replace('\n', ' ');
        return one.length() > n ? one.substring(0, n) + "…" : one;
    }

    /** {@code 21 branches: 15 ok, 6 failed} and, when --max cut it short, a second sentence saying so. */
    public static String summary(Explorer.Result r) {
        long failed = r.failed();
        String s = r.branches().size() + (r.branches().size() == 1 ? " branch: " : " branches: ")
                + (r.branches().size() - failed) + " ok, " + failed + " failed";
        if (r.stoppedEarly()) {
            s += "\nstopped early after " + r.max() + " branches (--max " + r.max() + "); more branches remain unexplored";
        }
        return s;
    }

    /** CONTRACT.md's shape: {branches: [{path: [{kind, decision, answers}], status, errors, pages}], total, failed}. */
    public static String json(Explorer.Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> branches = new ArrayList<>();
        for (Branch b : r.branches()) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Object> path = new ArrayList<>();
            for (PathStep s : b.path()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("kind", s.kind());
                p.put("decision", s.decision());
                p.put("answers", s.answers());
                path.add(p);
            }
            m.put("path", path);
            m.put("status", b.status());
            List<Object> errors = new ArrayList<>();
            for (Branch.Problem p : b.errors()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("message", p.message());
                e.put("source", p.source());
                errors.add(e);
            }
            m.put("errors", errors);
            m.put("pages", b.pages());
            branches.add(m);
        }
        root.put("branches", branches);
        root.put("total", r.branches().size());
        root.put("failed", r.failed());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The transcript lines that led to a failing branch's first problem (the end line for the rest). */
    public static List<Event> excerpt(Branch b) {
        List<Event> ev = b.events();
        int at = ev.size() - 1;
        for (int i = 0; i < ev.size(); i++) {
            Event e = ev.get(i);
            if (e.type().equals("error") || e.type().equals("expect") && Boolean.FALSE.equals(e.get("ok"))) {
                at = i;
                break;
            }
        }
        return ev.subList(Math.max(0, at - EXCERPT + 1), at + 1);
    }

    /**
     * A self-contained page (no script, no outside file): the summary, the failing branches first,
     * each with its path, errors and the transcript excerpt that led there, then the whole tree;
     * {@code thumbnail} gives a leaf's page as PNG bytes, or null where nothing could be painted.
     */
    public static String html(String title, Explorer.Result r, Function<Branch, byte[]> thumbnail) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n<style>")
                .append("body{font:14px system-ui,sans-serif;margin:24px;color:#222}")
                .append(".b{border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:10px 0;display:flex;gap:16px}")
                .append(".b.ok{border-left:6px solid #2a9d4a}.b.failed,.b.error{border-left:6px solid #d33}")
                .append(".path code{background:#f3f3f3;padding:1px 4px;margin-right:4px}")
                .append("pre{background:#f7f7f7;padding:6px;font-size:12px;overflow:auto;max-height:260px}")
                .append("img{width:160px;border:1px solid #ddd}.err{color:#b00}")
                .append("ul.tree{list-style:none;padding-left:18px}ul.tree li::before{content:'└ ';color:#999}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p>").append(esc(summary(r)).replace("\n", "<br>")).append("</p>\n");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < r.branches().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> r.branches().get(i).ok()));
        h.append("<h2>Branches (failing first)</h2>\n");
        for (int i : order) {
            Branch b = r.branches().get(i);
            h.append("<div class=\"b ").append(b.status()).append("\" id=\"b").append(i + 1).append("\">");
            byte[] png = thumbnail == null ? null : thumbnail.apply(b);
            if (png != null) {
                h.append("<img alt=\"the page at the end of branch ").append(i + 1).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(png)).append("\">");
            }
            h.append("<div><b>#").append(i + 1).append(' ').append(esc(b.outcome())).append("</b><div class=\"path\">");
            if (b.path().isEmpty()) {
                h.append("(no prompt)");
            }
            for (PathStep s : b.path()) {
                h.append("<code>").append(esc(s.label())).append("</code>");
            }
            h.append("</div><div>pages: ").append(esc(String.join(" > ", b.pages()))).append("</div>")
                    .append("<div>text: ").append(esc(b.text())).append("</div>");
            for (Branch.Problem p : b.errors()) {
                h.append("<div class=\"err\">").append(esc(p.toString())).append("</div>");
            }
            if (!b.ok()) {
                h.append("<pre>");
                for (Event e : excerpt(b)) {
                    h.append(esc(TranscriptWriter.toJson(e))).append('\n');
                }
                h.append("</pre>");
            }
            h.append("</div></div>\n");
        }
        h.append("<h2>Tree</h2>\n");
        tree(h, r.branches());
        h.append("</body></html>\n");
        return h.toString();
    }

    /** The branches as nested lists: each level one prompt, each item one answer class. */
    private static void tree(StringBuilder h, List<Branch> branches) {
        List<PathStep> open = new ArrayList<>();
        h.append("<ul class=\"tree\">");
        for (int n = 0; n < branches.size(); n++) {
            Branch b = branches.get(n);
            int common = 0;
            while (common < open.size() && common < b.path().size()
                    && open.get(common).label().equals(b.path().get(common).label())) {
                common++;
            }
            for (int k = open.size(); k > common; k--) {
                h.append("</ul></li>");
            }
            open = new ArrayList<>(open.subList(0, common));
            for (int k = common; k < b.path().size(); k++) {
                h.append("<li>").append(esc(b.path().get(k).label())).append("<ul class=\"tree\">");
                open.add(b.path().get(k));
            }
            h.append("<li><a href=\"#b").append(n + 1).append("\">#").append(n + 1).append(' ').append(esc(b.outcome()))
                    .append("</a></li>");
        }
        for (int k = open.size(); k > 0; k--) {
            h.append("</ul></li>");
        }
        h.append("</ul>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
