package dev.minisim.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the inside of {@code {{ }}}: literals (numbers, strings in either quote,
 * true/false/null/undefined), paths {@code a.b}, {@code a[i]}, {@code a['x']}, unary
 * {@code ! - + typeof}, arithmetic, comparison, {@code && || ??}, ternary, parentheses, array
 * literals, object literals with shorthand and spread, template strings ({@code `a-${b}`}, which
 * Alipay's templates use), and calls (evaluated only on WXS/SJS
 * functions). A body that is not one expression is tried as an object literal without its braces
 * ({@code {{...o, a, b: 1}}}, as in a template's {@code data}).
 */
final class ExprParser {

    /** A syntax error in an expression, with what was expected. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private final String src;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> starts = new ArrayList<>();
    private int p;

    private ExprParser(String src) throws SyntaxError {
        this.src = src;
        lex();
    }

    /** The expression inside {@code {{ }}}, or the object literal its body spells. */
    static Expr parse(String body) throws SyntaxError {
        ExprParser first = new ExprParser(body);
        if (first.tokens.isEmpty()) {
            throw new SyntaxError("empty expression");
        }
        try {
            Expr e = first.expression();
            first.expectEnd();
            return e;
        } catch (SyntaxError asExpression) {
            ExprParser second = new ExprParser(body);
            try {
                List<Expr.Entry> entries = second.objectEntries(null);
                second.expectEnd();
                return new Expr.ObjectLit(entries);
            } catch (SyntaxError asObject) {
                throw asExpression;
            }
        }
    }

    private void lex() throws SyntaxError {
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1)))) {
                if (c == '0' && i + 1 < n && (src.charAt(i + 1) == 'x' || src.charAt(i + 1) == 'X')) {
                    i += 2;
                    while (i < n && Character.digit(src.charAt(i), 16) >= 0) {
                        i++;
                    }
                } else {
                    while (i < n && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '.')) {
                        i++;
                    }
                    if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
                        i++;
                        if (i < n && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
                            i++;
                        }
                        while (i < n && Character.isDigit(src.charAt(i))) {
                            i++;
                        }
                    }
                }
                add("#" + src.substring(start, i), start);
                continue;
            }
            if (c == '`') {
                int end = templateEnd(i + 1);
                if (end < 0) {
                    throw new SyntaxError("template string not closed: " + src.substring(start));
                }
                add("`" + src.substring(i + 1, end), start);
                i = end + 1;
                continue;
            }
            if (c == '\'' || c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && src.charAt(i) != c) {
                    char d = src.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        char e = src.charAt(++i);
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case 'r' -> sb.append('\r');
                            case 'b' -> sb.append('\b');
                            case 'f' -> sb.append('\f');
                            case 'v' -> sb.append('\u000b');
                            case '0' -> sb.append('\0');
                            case 'u' -> {
                                if (i + 4 < n) {
                                    try {
                                        sb.append((char) Integer.parseInt(src.substring(i + 1, i + 5), 16));
                                        i += 4;
                                    } catch (NumberFormatException ex) {
                                        sb.append('u');
                                    }
                                } else {
                                    sb.append('u');
                                }
                            }
                            default -> sb.append(e);
                        }
                    } else {
                        sb.append(d);
                    }
                    i++;
                }
                if (i >= n) {
                    throw new SyntaxError("string not closed: " + src.substring(start));
                }
                i++;
                add("'" + sb, start);
                continue;
            }
            if (Character.isLetter(c) || c == '_' || c == '$') {
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_' || src.charAt(i) == '$')) {
                    i++;
                }
                add("a" + src.substring(start, i), start);
                continue;
            }
            String op = null;
            for (String cand : new String[] {"...", "===", "!==", "==", "!=", "<=", ">=", "&&", "||", "??", "?."}) {
                if (src.startsWith(cand, i)) {
                    op = cand;
                    break;
                }
            }
            if (op == null) {
                if ("+-*/%<>!?:.,()[]{}".indexOf(c) < 0) {
                    throw new SyntaxError("unexpected character '" + c + "'");
                }
                op = String.valueOf(c);
            }
            if (op.equals("?.") && i + 2 < n && Character.isDigit(src.charAt(i + 2))) {
                op = "?"; // a ? .5 : 1
            }
            add("o" + op, start);
            i += op.length();
        }
    }

    /** Index of the backtick closing a template string whose body starts at {@code from}; -1 if none. */
    private int templateEnd(int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (depth == 0) {
                if (c == '`') {
                    return i;
                }
                if (c == '$' && i + 1 < src.length() && src.charAt(i + 1) == '{') {
                    depth = 1;
                    i++;
                }
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '`') {
                int inner = templateEnd(i + 1);
                if (inner < 0) {
                    return -1;
                }
                i = inner;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
        }
        return -1;
    }

    /** A template string's body as literal text and {@code ${expr}} parts. */
    private static Expr templateLiteral(String body) throws SyntaxError {
        List<Object> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(i + 1);
                text.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
                i += 2;
                continue;
            }
            if (c == '$' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
                int depth = 1;
                int j = i + 2;
                char quote = 0;
                for (; j < body.length(); j++) {
                    char d = body.charAt(j);
                    if (quote != 0) {
                        if (d == '\\') {
                            j++;
                        } else if (d == quote) {
                            quote = 0;
                        }
                    } else if (d == '\'' || d == '"' || d == '`') {
                        quote = d;
                    } else if (d == '{') {
                        depth++;
                    } else if (d == '}' && --depth == 0) {
                        break;
                    }
                }
                if (!text.isEmpty()) {
                    parts.add(text.toString());
                    text.setLength(0);
                }
                parts.add(parse(body.substring(i + 2, Math.min(j, body.length()))));
                i = j + 1;
                continue;
            }
            text.append(c);
            i++;
        }
        if (!text.isEmpty()) {
            parts.add(text.toString());
        }
        return new Expr.TemplateLit(List.copyOf(parts));
    }

    private void add(String token, int start) {
        tokens.add(token);
        starts.add(start);
    }

    private String peek() {
        return p < tokens.size() ? tokens.get(p) : "";
    }

    private boolean isOp(String op) {
        return peek().equals("o" + op);
    }

    private boolean eat(String op) {
        if (isOp(op)) {
            p++;
            return true;
        }
        return false;
    }

    private void expect(String op) throws SyntaxError {
        if (!eat(op)) {
            throw new SyntaxError("expected '" + op + "' " + where());
        }
    }

    private void expectEnd() throws SyntaxError {
        if (p < tokens.size()) {
            throw new SyntaxError("unexpected " + describe(peek()) + " " + where());
        }
    }

    private String where() {
        return p < tokens.size() ? "at column " + (starts.get(p) + 1) : "at the end";
    }

    private static String describe(String token) {
        return token.isEmpty() ? "end" : "'" + token.substring(1) + "'";
    }

    Expr expression() throws SyntaxError {
        Expr test = binary(0);
        if (eat("?")) {
            Expr then = expression();
            expect(":");
            Expr otherwise = expression();
            return new Expr.Conditional(test, then, otherwise);
        }
        return test;
    }

    private static final String[][] LEVELS = {
        {"??", "||"}, {"&&"}, {"==", "!=", "===", "!=="}, {"<", ">", "<=", ">="}, {"+", "-"}, {"*", "/", "%"}};

    private Expr binary(int level) throws SyntaxError {
        if (level == LEVELS.length) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (true) {
            String found = null;
            for (String op : LEVELS[level]) {
                if (isOp(op)) {
                    found = op;
                    break;
                }
            }
            if (found == null) {
                return left;
            }
            p++;
            left = new Expr.Binary(found, left, binary(level + 1));
        }
    }

    private Expr unary() throws SyntaxError {
        if (eat("!")) {
            return new Expr.Unary("!", unary());
        }
        if (eat("-")) {
            return new Expr.Unary("-", unary());
        }
        if (eat("+")) {
            return new Expr.Unary("+", unary());
        }
        if (peek().equals("atypeof")) {
            p++;
            return new Expr.Unary("typeof", unary());
        }
        return postfix();
    }

    private Expr postfix() throws SyntaxError {
        int startToken = p;
        Expr e = primary();
        while (true) {
            if (eat(".") || eat("?.")) {
                String t = peek();
                if (!t.startsWith("a")) {
                    throw new SyntaxError("expected a name after '.' " + where());
                }
                p++;
                e = member(e, new Expr.Literal(t.substring(1)));
            } else if (eat("[")) {
                Expr key = expression();
                expect("]");
                e = member(e, key);
            } else if (isOp("(")) {
                p++;
                List<Expr> args = new ArrayList<>();
                if (!eat(")")) {
                    do {
                        args.add(expression());
                    } while (eat(","));
                    expect(")");
                }
                String text = src.substring(starts.get(startToken), p < starts.size() ? starts.get(p) : src.length()).trim();
                e = new Expr.Call(e, args, text);
            } else {
                return e;
            }
        }
    }

    private static Expr member(Expr object, Expr key) {
        if (object instanceof Expr.Path path) {
            List<Expr> keys = new ArrayList<>(path.keys());
            keys.add(key);
            return new Expr.Path(path.root(), List.copyOf(keys));
        }
        return new Expr.Member(object, key);
    }

    private Expr primary() throws SyntaxError {
        String t = peek();
        if (t.isEmpty()) {
            throw new SyntaxError("expression ends too early");
        }
        p++;
        switch (t.charAt(0)) {
            case '#':
                return new Expr.Literal(number(t.substring(1)));
            case '\'':
                return new Expr.Literal(t.substring(1));
            case '`':
                return templateLiteral(t.substring(1));
            case 'a': {
                String name = t.substring(1);
                return switch (name) {
                    case "true" -> new Expr.Literal(Boolean.TRUE);
                    case "false" -> new Expr.Literal(Boolean.FALSE);
                    case "null" -> new Expr.Literal(null);
                    case "undefined" -> new Expr.Literal(JsValues.UNDEFINED);
                    default -> new Expr.Path(name, List.of());
                };
            }
            default:
                break;
        }
        String op = t.substring(1);
        if (op.equals("(")) {
            Expr e = expression();
            expect(")");
            return e;
        }
        if (op.equals("[")) {
            List<Expr.Entry> items = new ArrayList<>();
            while (!eat("]")) {
                boolean spread = eat("...");
                items.add(new Expr.Entry(null, expression(), spread));
                if (!eat(",")) {
                    expect("]");
                    break;
                }
            }
            return new Expr.ArrayLit(items);
        }
        if (op.equals("{")) {
            return new Expr.ObjectLit(objectEntries("}"));
        }
        p--;
        throw new SyntaxError("unexpected " + describe(t) + " " + where());
    }

    /** Entries of an object literal up to {@code close} (null: to the end of the expression). */
    private List<Expr.Entry> objectEntries(String close) throws SyntaxError {
        List<Expr.Entry> entries = new ArrayList<>();
        while (close == null ? p < tokens.size() : !eat(close)) {
            if (eat("...")) {
                entries.add(new Expr.Entry(null, expression(), true));
            } else {
                String t = peek();
                if (t.isEmpty() || !(t.startsWith("a") || t.startsWith("'") || t.startsWith("#"))) {
                    // (a template string is not a key)
                    throw new SyntaxError("expected a key " + where());
                }
                p++;
                String key = t.startsWith("#") ? JsValues.toStr(number(t.substring(1))) : t.substring(1);
                if (eat(":")) {
                    entries.add(new Expr.Entry(new Expr.Literal(key), expression(), false));
                } else if (t.startsWith("a")) {
                    entries.add(new Expr.Entry(new Expr.Literal(key), new Expr.Path(key, List.of()), false));
                } else {
                    throw new SyntaxError("expected ':' after key " + key);
                }
            }
            if (!eat(",")) {
                if (close != null) {
                    expect(close);
                }
                break;
            }
        }
        if (entries.isEmpty() && close == null) {
            throw new SyntaxError("empty object");
        }
        return entries;
    }

    private static Object number(String s) throws SyntaxError {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return JsValues.number(Long.parseLong(s.substring(2), 16));
            }
            return JsValues.number(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw new SyntaxError("bad number " + s);
        }
    }
}
