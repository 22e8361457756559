package dev.minisim.view;

import java.util.ArrayList;
import java.util.List;

/**
 * An attribute value or a text with {@code {{ }}} parts, compiled once per template. A value that
 * is exactly {@code "{{expr}}"} keeps the expression's type; anything else (mixed text, or
 * {@code "{{x}} "} with a space outside the braces) is a string in which undefined and null show
 * as '' (glass-easel's rule, not the older {@code wcc}'s "null"). A valueless attribute is true.
 */
final class Interp {

    private static final Interp TRUE = new Interp(List.of(), false, null, Boolean.TRUE, null);

    private final List<Object> parts;
    private final boolean single;
    private final String error;
    private final Object constant;
    private final String singleSource;

    private Interp(List<Object> parts, boolean single, String error, Object constant, String singleSource) {
        this.parts = parts;
        this.single = single;
        this.error = error;
        this.constant = constant;
        this.singleSource = singleSource;
    }

    /** Compiles {@code s}; null (a valueless attribute) gives the constant true. */
    static Interp compile(String s) {
        if (s == null) {
            return TRUE;
        }
        List<Object> parts = new ArrayList<>();
        int i = 0;
        String error = null;
        String lastSource = null;
        int exprCount = 0;
        StringBuilder literal = new StringBuilder();
        while (i < s.length()) {
            int open = s.indexOf("{{", i);
            if (open < 0) {
                literal.append(s, i, s.length());
                break;
            }
            int close = closing(s, open + 2);
            if (close < 0) {
                literal.append(s, i, s.length());
                break;
            }
            literal.append(s, i, open);
            if (!literal.isEmpty()) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
            String body = s.substring(open + 2, close);
            lastSource = body.trim();
            exprCount++;
            try {
                parts.add(ExprParser.parse(body));
            } catch (ExprParser.SyntaxError e) {
                if (error == null) {
                    error = "broken expression {{" + body.trim() + "}}: " + e.getMessage();
                }
                parts.add(new Expr.Literal(JsValues.UNDEFINED));
            }
            i = close + 2;
        }
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
        }
        boolean single = exprCount == 1 && parts.size() == 1;
        Object constant = exprCount == 0 ? (parts.isEmpty() ? "" : (String) parts.get(0)) : null;
        return new Interp(List.copyOf(parts), single, error, constant, single ? lastSource : null);
    }

    /** Index of the {@code }}} that closes an expression body starting at {@code from}, strings skipped. */
    private static int closing(String s, int from) {
        char quote = 0;
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0 && i + 1 < s.length() && s.charAt(i + 1) == '}') {
                    return i;
                }
                if (depth > 0) {
                    depth--;
                }
            }
        }
        return -1;
    }

    /** The first syntax problem, or null. */
    String error() {
        return error;
    }

    /** Whether the value has no {@code {{ }}} (a constant string, or true when valueless). */
    boolean isConstant() {
        return constant != null;
    }

    /** For {@code "{{expr}}"} exactly: the text inside the braces (the data path of {@code model:}). */
    String singleSource() {
        return singleSource;
    }

    /** For {@code "{{expr}}"} exactly: the expression; null otherwise. */
    Expr singleExpr() {
        return single ? (Expr) parts.get(0) : null;
    }

    Object eval(Scope scope) {
        if (constant != null) {
            return constant;
        }
        if (single) {
            return ((Expr) parts.get(0)).eval(scope);
        }
        StringBuilder sb = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String s) {
                sb.append(s);
            } else {
                sb.append(JsValues.toText(((Expr) part).eval(scope)));
            }
        }
        return sb.toString();
    }
}
