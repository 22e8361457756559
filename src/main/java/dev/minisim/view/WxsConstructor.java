package dev.minisim.view;

/**
 * WXS's {@code x.constructor}: in WeChat's WXS runtime it is the value's type name as a string
 * ({@code "Array"}, {@code "Object"}, {@code "Function"}, {@code "Date"}, {@code "RegExp"},
 * {@code "Number"}, {@code "String"}, {@code "Boolean"}), the documented way to tell an array from
 * an object there, and component libraries test {@code x.constructor === 'Array'}. In standard JS
 * it is the constructor function, so such a test is always false.
 *
 * <p>Making the built-in prototypes' {@code constructor} a string would break the engine itself
 * ({@code map}, {@code concat}, {@code slice} read it to make their result), so instead the module's
 * own source has its {@code .constructor} member reads rewritten to a symbol-keyed read,
 * {@code [__wxsConstructor__]}, whose getter on {@code Object.prototype} (see {@link #PRELUDE}) gives the
 * type name. The rewrite walks the source token by token: text in strings and comments is left as it
 * is. WXS has no regular-expression literals (it has {@code getRegExp}), so a {@code /} outside a
 * comment is a division.
 */
final class WxsConstructor {

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

    private WxsConstructor() {
    }

    /** {@code code} with every {@code .constructor} member read outside strings and comments rewritten. */
    static String rewrite(String code) {
        if (!code.contains("constructor")) {
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
            } else if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n && code.charAt(j) != c) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + 1);
                out.append(code, i, j);
                i = j;
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
