package dev.minisim.view;

import java.util.ArrayList;
import java.util.List;

/** Parses and matches the selectors of CONTRACT's TARGET (see {@link Selector}). */
final class SelectorParser {

    /** One condition of a compound selector. */
    private interface Test {
        boolean test(VElement e);
    }

    /**
     * A compound selector: all its tests hold on one element. {@code key} is what an index can
     * look it up by ({@code #id}, {@code .class} or the tag; null for {@code *} or attributes only).
     */
    private record Compound(List<Test> tests, String key) {
        boolean matches(VElement e) {
            for (Test t : tests) {
                if (!t.test(e)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Compounds joined by combinators, matched right to left. */
    record Complex(List<Compound> compounds, List<Character> combinators) {
        boolean matches(VElement e) {
            return matchFrom(compounds.size() - 1, e);
        }

        /** The index key of the rightmost compound (every match has it), or null. */
        String key() {
            return compounds.get(compounds.size() - 1).key();
        }

        private boolean matchFrom(int i, VElement e) {
            if (!compounds.get(i).matches(e)) {
                return false;
            }
            if (i == 0) {
                return true;
            }
            char comb = combinators.get(i - 1);
            if (comb == '>') {
                return e.parent() != null && matchFrom(i - 1, e.parent());
            }
            for (VElement a = e.parent(); a != null; a = a.parent()) {
                if (matchFrom(i - 1, a)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final String src;
    private int pos;

    private SelectorParser(String src) {
        this.src = src;
    }

    static List<Complex> parse(String selector) {
        if (selector == null || selector.isBlank()) {
            throw new IllegalArgumentException("empty selector");
        }
        SelectorParser p = new SelectorParser(selector);
        List<Complex> list = new ArrayList<>();
        while (true) {
            list.add(p.complex());
            p.skipSpace();
            if (p.pos >= p.src.length()) {
                return list;
            }
            if (p.src.charAt(p.pos) != ',') {
                throw p.error("unexpected '" + p.src.charAt(p.pos) + "'");
            }
            p.pos++;
        }
    }

    private Complex complex() {
        List<Compound> compounds = new ArrayList<>();
        List<Character> combinators = new ArrayList<>();
        skipSpace();
        compounds.add(compound());
        while (true) {
            int before = pos;
            skipSpace();
            if (pos >= src.length() || src.charAt(pos) == ',') {
                return new Complex(compounds, combinators);
            }
            if (src.charAt(pos) == '>') {
                pos++;
                skipSpace();
                combinators.add('>');
            } else if (pos > before) {
                combinators.add(' ');
            } else {
                throw error("unexpected '" + src.charAt(pos) + "'");
            }
            compounds.add(compound());
        }
    }

    private Compound compound() {
        List<Test> tests = new ArrayList<>();
        String tagKey = null;
        String idKey = null;
        String classKey = null;
        if (pos < src.length() && src.charAt(pos) == '*') {
            pos++;
            tests.add(e -> true);
        } else if (pos < src.length() && isNameChar(src.charAt(pos))) {
            String tag = name();
            tests.add(e -> e.tag().equals(tag));
            tagKey = tag;
        }
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                pos++;
                String id = name();
                tests.add(e -> e.id().equals(id));
                idKey = idKey == null ? "#" + id : idKey;
            } else if (c == '.') {
                pos++;
                String cls = name();
                tests.add(e -> hasClass(e, cls));
                classKey = classKey == null ? "." + cls : classKey;
            } else if (c == '[') {
                pos++;
                skipSpace();
                String attr = name();
                skipSpace();
                if (pos < src.length() && src.charAt(pos) == '=') {
                    pos++;
                    skipSpace();
                    String value = value();
                    skipSpace();
                    expect(']');
                    tests.add(e -> e.attrs().containsKey(attr) && e.attr(attr).equals(value));
                } else {
                    expect(']');
                    tests.add(e -> e.attrs().containsKey(attr));
                }
            } else {
                break;
            }
        }
        if (tests.isEmpty()) {
            throw error(pos < src.length() ? "unexpected '" + src.charAt(pos) + "'" : "selector ends too early");
        }
        return new Compound(tests, idKey != null ? idKey : classKey != null ? classKey : tagKey);
    }

    /** Whether the class list holds {@code cls} as a whole word (no regex: queries run it on every element). */
    private static boolean hasClass(VElement e, String cls) {
        if (cls.isEmpty()) {
            return false;
        }
        String classes = e.attr("class");
        for (int at = classes.indexOf(cls); at >= 0; at = classes.indexOf(cls, at + 1)) {
            int end = at + cls.length();
            if ((at == 0 || Character.isWhitespace(classes.charAt(at - 1)))
                    && (end == classes.length() || Character.isWhitespace(classes.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private String value() {
        if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')) {
            char q = src.charAt(pos++);
            int end = src.indexOf(q, pos);
            if (end < 0) {
                throw error("quote not closed");
            }
            String v = src.substring(pos, end);
            pos = end + 1;
            return v;
        }
        int start = pos;
        while (pos < src.length() && src.charAt(pos) != ']' && !Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private String name() {
        int start = pos;
        while (pos < src.length() && isNameChar(src.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("a name is expected");
        }
        return src.substring(start, pos);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':';
    }

    private void expect(char c) {
        if (pos >= src.length() || src.charAt(pos) != c) {
            throw error("'" + c + "' is expected");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("bad selector \"" + src + "\" at column " + (pos + 1) + ": " + what);
    }
}
