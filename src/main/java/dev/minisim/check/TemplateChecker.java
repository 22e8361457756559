package dev.minisim.check;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.ArrayList;

/**
 * Checks that a WXML/AXML template's tags are balanced, as the official compilers require: every
 * element closed in order, {@code {{ }}} and quoted attributes skipped, comments and {@code <wxs>}
 * / {@code <import-sjs>} bodies ignored. Self-closing forms are accepted for every element.
 */
public final class TemplateChecker {

    // elements that the compilers accept without a closing tag
    private static final Set<String> VOID = Set.of("input", "image", "img", "icon", "import", "include",
            "br", "hr", "meta", "link", "progress", "import-sjs", "textarea-placeholder");

    /** An open element; {@code optional} ones (void elements) may stay unclosed. */
    private record Open(String name, int line, boolean optional) {
    }

    private TemplateChecker() {
    }

    public static List<Problem> check(String file, String text) {
        List<Problem> problems = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        int n = text.length();
        int i = 0;
        int line = 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (text.startsWith("{{", i)) {
                int end = text.indexOf("}}", i + 2);
                int stop = end < 0 ? n : end + 2;
                line += count(text, i, stop);
                i = stop;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                int stop = end < 0 ? n : end + 3;
                line += count(text, i, stop);
                i = stop;
            } else if (c == '<' && i + 1 < n && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '/')) {
                boolean closing = text.charAt(i + 1) == '/';
                int startLine = line;
                int j = i + (closing ? 2 : 1);
                int nameStart = j;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || "-_:.".indexOf(text.charAt(j)) >= 0)) {
                    j++;
                }
                String name = text.substring(nameStart, j);
                // to the end of the tag, skipping quoted values and {{ }}
                char quote = 0;
                while (j < n) {
                    char d = text.charAt(j);
                    if (d == '\n') {
                        line++;
                    }
                    if (quote != 0) {
                        if (d == quote) {
                            quote = 0;
                        }
                    } else if (d == '"' || d == '\'') {
                        quote = d;
                    } else if (text.startsWith("{{", j)) {
                        int end = text.indexOf("}}", j + 2);
                        if (end < 0) {
                            break;
                        }
                        line += count(text, j, end);
                        j = end + 1;
                    } else if (d == '>') {
                        break;
                    }
                    j++;
                }
                if (j >= n) {
                    problems.add(new Problem(file, startLine, "tag <" + (closing ? "/" : "") + name + "> is not closed with '>'"));
                    return problems;
                }
                boolean selfClosing = text.charAt(j - 1) == '/';
                i = j + 1;
                if (closing) {
                    // void elements left open before this close tag were complete as they were
                    while (!open.isEmpty() && open.peek().optional && !open.peek().name.equals(name)) {
                        open.pop();
                    }
                    if (open.isEmpty()) {
                        problems.add(new Problem(file, startLine, "</" + name + "> closes nothing"));
                    } else if (!open.peek().name.equals(name)) {
                        Open o = open.peek();
                        if (open.stream().anyMatch(x -> x.name.equals(name))) {
                            // report the first element that is really left open
                            o = open.stream().filter(x -> !x.optional).findFirst().orElse(o);
                            problems.add(new Problem(file, startLine, "</" + name + "> found, but <" + o.name
                                    + "> (line " + o.line + ") is not closed yet"));
                            while (!open.isEmpty() && !open.peek().name.equals(name)) {
                                open.pop();
                            }
                            open.pop();
                        } else {
                            problems.add(new Problem(file, startLine, "</" + name + "> closes nothing (the open element is <"
                                    + o.name + "> from line " + o.line + ")"));
                        }
                    } else {
                        open.pop();
                    }
                } else if (!selfClosing) {
                    if (name.equals("wxs") || name.equals("sjs") || name.equals("script")) {
                        int end = text.indexOf("</" + name, i);
                        int stop = end < 0 ? n : end;
                        line += count(text, i, stop);
                        i = stop;
                    }
                    open.push(new Open(name, startLine, VOID.contains(name)));
                }
            } else {
                i++;
            }
        }
        for (Open o : open) {
            if (o.optional) {
                continue;
            }
            problems.add(new Problem(file, o.line, "<" + o.name + "> is never closed"));
        }
        return problems;
    }

    private static int count(String text, int from, int to) {
        int k = 0;
        for (int i = from; i < to && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                k++;
            }
        }
        return k;
    }
}
