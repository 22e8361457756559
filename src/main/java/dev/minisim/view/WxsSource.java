package dev.minisim.view;

/**
 * A WXS module's source made standard JS where WXS means something else. Two differences:
 *
 * <p><b>Unknown string escapes keep their backslash.</b> In JS {@code '\d'} is {@code "d"}; WXS has
 * no regular-expression literals, so patterns are strings given to {@code getRegExp}, and the
 * libraries write them with single backslashes ({@code getRegExp('^-?\d+(\.\d+)?$')} to tell
 * a bare number from one with a unit) and rely on the backslash reaching the pattern. So an escape
 * JS does not define ({@code \d}, {@code \.}, {@code \s}, ...) is doubled; the escapes JS
 * defines ({@code \n}, {@code \'}, {@code \\u0041}, ...) mean what they mean in JS.
 *
 * <p><b>{@code x.constructor}</b>: in WeChat's WXS runtime it is the value's type name as a string
 * ({@code "Array"}, {@code "Object"}, {@code "Function"}, {@code "Date"}, {@code "RegExp"},
 * {@code "Number"}, {@code "String"}, {@code "Boolean"}), the documented way to tell an array from
 * an object there, and component libraries test {@code x.constructor === 'Array'}. In standard JS
 * it is the constructor function, so such a test is always false.
 *
 * <p>Making the built-in prototypes' {@code constructor} a string would break the engine itself
 * ({@code map}, {@code concat}, {@code slice} read it to make their result), so instead the module's
 * own source has its {@code .constructor} member reads rewritten to a symbol-keyed read,
 * {@code [__wxsConstructor__]}, whose getter on {@code Object.prototype} (see {@link #PRELUDE}) gives the
 * type name. Both rewrites walk the source token by token, so comments are left as they are and a
 * {@code .constructor} inside a string stays text. WXS has no regular-expression literals (it has {@code getRegExp}), so a {@code /} outside a
 * comment is a division.
 */
final class WxsSource {

    /** The global the rewritten reads use. */
    static final String SYMBOL = "__wxsConstructor__";

    /** Defines {@link #SYMBOL} and its getter in a module context; run before the module's code. */
    static final String PRELUDE = """
            (function () {
              var tag = Object.prototype.toString;
              var names = { Array: 1, Object: 1, Function: 1, Date: 1, RegExp: 1, Number: 1, String: 1, Boolean: 1 };
              var sym = Symbol('constructor');
              Object.defineProperty(Object.prototype, sym, { get: function () {
                var t = tag.call(this).slice(8, -1);
                return names[t] === 1 ? t : 'Object';
              } });
              Object.defineProperty(globalThis, '%s', { value: sym });
            })()""".formatted(SYMBOL);

    /** The characters after a backslash that make a JS escape (with line breaks: a continuation). */
    private static final String JS_ESCAPES = "'\"\\bfnrtvxu01234567\n\r\u2028\u2029";

    private WxsSource() {
    }

    /** {@code code} with its strings' unknown escapes doubled and its {@code .constructor} reads rewritten. */
    static String rewrite(String code) {
        if (!code.contains("constructor") && code.indexOf('\\') < 0) {
            return code;
        }
        StringBuilder out = new StringBuilder(code.length() + 32);
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                int end = code.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(code, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(code, i, end);
                i = end;
            } else if (c == '\'' || c == '"') {
                out.append(c);
                int j = i + 1;
                while (j < n && code.charAt(j) != c && code.charAt(j) != '\n') {
                    char d = code.charAt(j);
                    if (d == '\\' && j + 1 < n) {
                        char e = code.charAt(j + 1);
                        out.append(JS_ESCAPES.indexOf(e) >= 0 ? "\\" : "\\\\").append(e);
                        j += 2;
                    } else {
                        out.append(d);
                        j++;
                    }
                }
                if (j < n) {
                    out.append(code.charAt(j));
                }
                i = Math.min(n, j + 1);
            } else if (c == '.' && !(i > 0 && code.charAt(i - 1) == '.')) {
                int j = i + 1;
                while (j < n && Character.isWhitespace(code.charAt(j))) {
                    j++;
                }
                int end = j + "constructor".length();
                if (code.startsWith("constructor", j) && (end >= n || !Character.isJavaIdentifierPart(code.charAt(end)))) {
                    // keeps the line count: the whitespace skipped may hold line breaks
                    out.append('[').append(SYMBOL).append(']').append(code, i + 1, j);
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
