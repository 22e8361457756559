package dev.minisim.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The tolerant template parser, for both dialects (SPEC "Pages on screen": 46 % of real templates
 * are not XML). It accepts what the vendors' compilers accept — valueless attributes (value
 * true), unquoted values, attributes with no space between them, {@code &&} and {@code <} inside
 * values and inside {@code {{ }}}, self-closing custom tags, entities, comments, void elements
 * closed or not — and reports duplicate attributes and stray or missing end tags as warnings with
 * file:line. It never throws: the worst template still gives a (possibly empty) tree.
 */
public final class TemplateParser {

    /** Elements that never have content, whether written {@code <x>}, {@code <x/>} or {@code <x></x>}. */
    static final Set<String> VOID = Set.of("input", "image", "icon", "import", "include", "import-sjs",
            "img", "br", "hr", "meta", "link", "col", "source", "wbr", "area", "base", "embed", "param", "track");
    /** Elements whose content is script, read verbatim up to their end tag. */
    private static final Set<String> RAW = Set.of("wxs", "sjs", "script", "style");

    private final String file;
    private final String src;
    private final int n;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int pos;
    private int line = 1;

    private TemplateParser(String file, String src) {
        this.file = file;
        this.src = src == null ? "" : src;
        this.n = this.src.length();
    }

    /** Parses {@code text} as the template {@code file} (root-relative; its extension gives the dialect). */
    public static Template parse(String file, String text) {
        TemplateParser p = new TemplateParser(file, text);
        List<TNode> nodes = p.parseNodes();
        Template t = new Template(file, Dialect.ofFile(file), nodes, p.diagnostics);
        p.compileExpressions(nodes);
        return t;
    }

    private record Open(TNode.Element element, List<TNode> parentList) {
    }

    private List<TNode> parseNodes() {
        List<TNode> top = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        List<TNode> current = top;
        StringBuilder text = new StringBuilder();
        int textLine = line;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '{' && startsWith("{{")) {
                if (text.isEmpty()) {
                    textLine = line;
                }
                int end = findExpressionEnd(pos + 2);
                if (end < 0) {
                    text.append(src, pos, n);
                    advanceTo(n);
                } else {
                    text.append(src, pos, end + 2);
                    advanceTo(end + 2);
                }
                continue;
            }
            if (c == '<' && pos + 1 < n) {
                char d = src.charAt(pos + 1);
                if (startsWith("<!--")) {
                    current = flushText(text, textLine, current);
                    int startLine = line;
                    int end = src.indexOf("-->", pos + 4);
                    if (end < 0) {
                        warn(startLine, "comment is not closed (missing -->)");
                        advanceTo(n);
                    } else {
                        advanceTo(end + 3);
                    }
                    current.add(new TNode.Comment(startLine));
                    continue;
                }
                if (d == '!' || d == '?') {
                    current = flushText(text, textLine, current);
                    int end = src.indexOf('>', pos);
                    advanceTo(end < 0 ? n : end + 1);
                    continue;
                }
                if (d == '/' && pos + 2 < n && isNameStart(src.charAt(pos + 2))) {
                    current = flushText(text, textLine, current);
                    int tagLine = line;
                    advanceTo(pos + 2);
                    String name = readName();
                    int gt = src.indexOf('>', pos);
                    advanceTo(gt < 0 ? n : gt + 1);
                    current = closeTag(name, tagLine, stack, top);
                    continue;
                }
                if (isNameStart(d)) {
                    current = flushText(text, textLine, current);
                    TNode.Element el = readStartTag();
                    boolean selfClosed = lastSelfClosed;
                    current.add(el);
                    String tag = el.tag;
                    if (RAW.contains(tag) && !selfClosed) {
                        readRawContent(el);
                    } else if (!selfClosed && !VOID.contains(tag)) {
                        stack.push(new Open(el, current));
                        current = el.children;
                    }
                    continue;
                }
            }
            if (text.isEmpty()) {
                textLine = line;
            }
            text.append(c);
            advanceTo(pos + 1);
        }
        flushText(text, textLine, current);
        while (!stack.isEmpty()) {
            Open o = stack.pop();
            warn(o.element.line, "<" + o.element.tag + "> is not closed (missing </" + o.element.tag + ">)");
        }
        return top;
    }

    private List<TNode> closeTag(String name, int tagLine, Deque<Open> stack, List<TNode> top) {
        boolean open = false;
        for (Open o : stack) {
            if (o.element.tag.equals(name)) {
                open = true;
                break;
            }
        }
        if (!open) {
            if (!VOID.contains(name)) {
                warn(tagLine, "stray end tag </" + name + "> (no <" + name + "> is open)");
            }
            return stack.isEmpty() ? top : stack.peek().element.children;
        }
        while (true) {
            Open o = stack.pop();
            if (o.element.tag.equals(name)) {
                return stack.isEmpty() ? top : stack.peek().element.children;
            }
            warn(o.element.line, "<" + o.element.tag + "> is not closed before </" + name + "> at line " + tagLine);
        }
    }

    private List<TNode> flushText(StringBuilder text, int textLine, List<TNode> current) {
        if (!text.isEmpty()) {
            String s = text.toString();
            text.setLength(0);
            if (!s.isBlank()) {
                current.add(new TNode.Text(Entities.decode(s), textLine));
            }
        }
        return current;
    }

    private boolean lastSelfClosed;

    private TNode.Element readStartTag() {
        int tagLine = line;
        advanceTo(pos + 1);
        String tag = readName();
        TNode.Element el = new TNode.Element(tag, tagLine);
        lastSelfClosed = false;
        while (pos < n) {
            skipSpace();
            if (pos >= n) {
                break;
            }
            char c = src.charAt(pos);
            if (c == '>') {
                advanceTo(pos + 1);
                return el;
            }
            if (c == '/' && startsWith("/>")) {
                advanceTo(pos + 2);
                lastSelfClosed = true;
                return el;
            }
            if (c == '<') {
                warn(tagLine, "<" + tag + "> is not closed by '>'");
                return el;
            }
            if (c == '/') {
                advanceTo(pos + 1); // "/ >" or a stray slash between attributes
                skipSpace();
                if (pos < n && src.charAt(pos) == '>') {
                    advanceTo(pos + 1);
                    lastSelfClosed = true;
                    return el;
                }
                continue;
            }
            int attrLine = line;
            String name = readAttrName();
            if (name.isEmpty()) {
                advanceTo(pos + 1); // a stray character such as '=' or a quote: skip it
                continue;
            }
            skipSpace();
            String value = null;
            if (pos < n && src.charAt(pos) == '=') {
                advanceTo(pos + 1);
                skipSpace();
                value = readAttrValue();
            }
            if (el.attr(name) != null) {
                warn(attrLine, "duplicate attribute " + name + " on <" + tag + "> (the first one is kept)");
            } else {
                el.attrs.add(new TNode.Attr(name, value == null ? null : Entities.decode(value), attrLine));
            }
        }
        warn(tagLine, "<" + tag + "> is not closed by '>' before the end of the file");
        return el;
    }

    private void readRawContent(TNode.Element el) {
        int start = pos;
        int startLine = line;
        int end = src.indexOf("</" + el.tag, pos);
        if (end < 0) {
            warn(el.line, "<" + el.tag + "> is not closed (missing </" + el.tag + ">)");
            end = n;
        }
        String body = src.substring(start, end);
        if (!body.isBlank()) {
            el.children.add(new TNode.Text(body, startLine));
        }
        advanceTo(end);
        if (end < n) {
            int gt = src.indexOf('>', end);
            advanceTo(gt < 0 ? n : gt + 1);
        }
    }

    private String readName() {
        int start = pos;
        while (pos < n) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c) || c == '>' || c == '/' || c == '<' || c == '=' || c == '"' || c == '\'') {
                break;
            }
            pos++;
        }
        return src.substring(start, pos);
    }

    private String readAttrName() {
        int start = pos;
        while (pos < n) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c) || c == '>' || c == '=' || c == '"' || c == '\'' || c == '<') {
                break;
            }
            if (c == '/' && startsWith("/>")) {
                break;
            }
            pos++;
        }
        return src.substring(start, pos);
    }

    private String readAttrValue() {
        if (pos >= n) {
            return "";
        }
        char q = src.charAt(pos);
        if (q == '"' || q == '\'') {
            int start = pos + 1;
            int i = start;
            while (i < n && src.charAt(i) != q) {
                if (src.startsWith("{{", i)) {
                    int end = findExpressionEnd(i + 2);
                    int close = src.indexOf(q, i);
                    // quotes of the same kind inside {{ }} are tolerated when the braces close
                    if (end >= 0 && (close < 0 || close > end || innerQuoteBalanced(i + 2, end, q))) {
                        i = end + 2;
                        continue;
                    }
                }
                i++;
            }
            String v = src.substring(start, Math.min(i, n));
            advanceTo(Math.min(i + 1, n));
            return v;
        }
        int start = pos;
        while (pos < n) {
            char c = src.charAt(pos);
            if (src.startsWith("{{", pos)) {
                int end = findExpressionEnd(pos + 2);
                if (end >= 0) {
                    advanceTo(end + 2);
                    continue;
                }
            }
            if (Character.isWhitespace(c) || c == '>' || (c == '/' && startsWith("/>"))) {
                break;
            }
            advanceTo(pos + 1);
        }
        return src.substring(start, pos);
    }

    /** Whether the quotes of kind q between from and to pair up (a string inside the expression). */
    private boolean innerQuoteBalanced(int from, int to, char q) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (src.charAt(i) == q) {
                count++;
            }
        }
        return count % 2 == 0 && count > 0;
    }

    /** Index of the {@code }}} closing an expression opened just before {@code from}; -1 if none. */
    private int findExpressionEnd(int from) {
        int i = from;
        char quote = 0;
        int depth = 0;
        while (i < n) {
            char c = src.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                } else if (c == '\n' && quote != '`') {
                    quote = 0; // a newline ends a runaway string: be tolerant
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0 && i + 1 < n && src.charAt(i + 1) == '}') {
                    return i;
                }
                if (depth > 0) {
                    depth--;
                }
            }
            i++;
        }
        return -1;
    }

    private void compileExpressions(List<TNode> list) {
        for (TNode node : list) {
            if (node instanceof TNode.Text t) {
                t.compiled = Interp.compile(t.text);
                if (t.compiled.error() != null) {
                    warn(t.line, t.compiled.error());
                }
            } else if (node instanceof TNode.Element e) {
                boolean script = RAW.contains(e.tag);
                for (TNode.Attr a : e.attrs) {
                    a.compiled = Interp.compile(a.value == null ? null : a.value);
                    if (a.compiled.error() != null) {
                        warn(a.line, "in " + a.name + ": " + a.compiled.error());
                    }
                }
                if (!script) {
                    compileExpressions(e.children);
                }
            }
        }
    }

    private void warn(int atLine, String message) {
        diagnostics.add(Diagnostic.warning(file, atLine, message));
    }

    private boolean startsWith(String s) {
        return src.startsWith(s, pos);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private void skipSpace() {
        while (pos < n && Character.isWhitespace(src.charAt(pos))) {
            advanceTo(pos + 1);
        }
    }

    /** Moves to {@code to}, counting the lines passed. */
    private void advanceTo(int to) {
        for (int i = pos; i < to && i < n; i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        pos = Math.min(to, n);
    }
}
