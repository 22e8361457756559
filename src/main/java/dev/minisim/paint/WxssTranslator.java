package dev.minisim.paint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WXSS / ACSS to the CSS the painted page uses (SPEC "Styles"): {@code rpx} is
 * {@code screenWidth / 750} px; {@code @import} is read in place, relative to the importing file
 * or from the root with {@code /}, and never outside the mini-program folder; tag selectors name
 * the painted elements ({@code view} is {@code wx-view}, {@code page} the page's root); in a
 * component's stylesheet class selectors are renamed into the component's scope, so they match
 * only the component's own elements ({@link PaintedClasses} renames the elements' classes alike).
 *
 * <p>Tolerant as the vendors' compilers are: a stray brace, an unclosed block or comment, an import
 * that is missing, a SCSS-style nested rule — each is a warning naming {@code file:line}, and the
 * rest of the file is kept.
 */
public final class WxssTranslator {

    private static final Pattern RPX = Pattern.compile("(?<![\\w.-])(-?(?:\\d+\\.?\\d*|\\.\\d+))rpx\\b");
    private static final Pattern FONT_FAMILY = Pattern.compile("(?i)font-family\\s*:\\s*['\"]?([^;'\"}]+)");
    private static final Pattern IMPORT = Pattern.compile("^\\s*(?:url\\(\\s*)?[\"']?([^\"')]+?)[\"']?\\s*\\)?\\s*$");

    private final PaintFiles files;
    private final String tagPrefix;
    private final double rpx;
    private final Consumer<String> warnings;
    private final Images images;

    /**
     * @param files       the mini-program's files
     * @param tagPrefix   the painted elements' prefix ({@code wx-} or {@code a-})
     * @param screenWidth the device's screen width in px (375: 1rpx = 0.5px)
     * @param warnings    receives each problem as {@code file:line: message}
     */
    public WxssTranslator(PaintFiles files, String tagPrefix, double screenWidth, Consumer<String> warnings) {
        this.files = files;
        this.tagPrefix = tagPrefix;
        this.rpx = screenWidth / 750.0;
        this.warnings = warnings;
        this.images = new Images(files);
    }

    /**
     * The translated stylesheet of {@code file} (root-relative), empty when there is no such file.
     *
     * @param scope null for a page's or the app's stylesheet; a component's scope name otherwise
     */
    public String translateFile(String file, String scope) {
        return files.text(file).map(text -> translate(text, file, scope, new HashSet<>(Set.of(file)))).orElse("");
    }

    /** Translates stylesheet text written in {@code file} (for messages and relative imports). */
    public String translate(String text, String file, String scope) {
        return translate(text, file, scope, new HashSet<>(Set.of(file)));
    }

    private String translate(String text, String file, String scope, Set<String> seen) {
        Source src = new Source(stripComments(text, file), file);
        StringBuilder out = new StringBuilder();
        rules(src, src.text.length(), scope, seen, out);
        return out.toString();
    }

    /** Rules up to {@code end}: plain rules, at-rules, imports. */
    private void rules(Source src, int end, String scope, Set<String> seen, StringBuilder out) {
        int i = src.pos;
        String s = src.text;
        while (i < end) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
                continue;
            }
            if (c == '}') {
                warn(src, i, "unexpected '}' (ignored)");
                i++;
                continue;
            }
            if (c == '@') {
                i = atRule(src, i, end, scope, seen, out);
                continue;
            }
            int open = find(s, i, end, '{', '}');
            if (open < 0 || s.charAt(open) == '}') {
                int stop = open < 0 ? end : open;
                warn(src, i, "text outside any rule (ignored): " + snippet(s.substring(i, stop)));
                i = stop;
                continue;
            }
            int close = matching(s, open, end);
            if (close < 0) {
                warn(src, open, "block is never closed (read to the end of the file)");
                close = end;
            }
            String selector = s.substring(i, open).trim();
            String body = s.substring(open + 1, Math.min(close, end));
            if (selector.isEmpty()) {
                warn(src, i, "rule without a selector (ignored)");
            } else {
                if (body.indexOf('{') >= 0) {
                    warn(src, open, "nested rule inside \"" + snippet(selector)
                            + "\" (SCSS/LESS is not WXSS; the nested part is ignored)");
                    body = dropNested(body);
                }
                out.append(selectors(selector, scope)).append(" {").append(images.cssUrls(rpx(body.trim()), src.file)).append("}\n");
            }
            i = close + 1;
        }
        src.pos = end;
    }

    private int atRule(Source src, int at, int end, String scope, Set<String> seen, StringBuilder out) {
        String s = src.text;
        int nameEnd = at + 1;
        while (nameEnd < end && (Character.isLetterOrDigit(s.charAt(nameEnd)) || s.charAt(nameEnd) == '-')) {
            nameEnd++;
        }
        String name = s.substring(at + 1, nameEnd).toLowerCase(Locale.ROOT);
        int stop = find(s, nameEnd, end, ';', '{');
        if (stop < 0) {
            stop = end;
        }
        String prelude = s.substring(nameEnd, stop).trim();
        if (stop == end || s.charAt(stop) == ';') {
            if (name.equals("import")) {
                importFile(src, at, prelude, scope, seen, out);
            } else if (!name.equals("charset")) {
                out.append('@').append(name).append(' ').append(prelude).append(";\n");
            }
            return stop + 1;
        }
        int close = matching(s, stop, end);
        if (close < 0) {
            warn(src, stop, "@" + name + " block is never closed (read to the end of the file)");
            close = end;
        }
        if (name.equals("media") || name.equals("supports")) {
            out.append('@').append(name).append(' ').append(rpx(prelude)).append(" {\n");
            Source inner = new Source(s, src.file);
            inner.pos = stop + 1;
            rules(inner, close, scope, seen, out);
            out.append("}\n");
        } else {
            // @keyframes, @font-face...: kept as written, rpx converted
            String body = s.substring(stop + 1, Math.min(close, end));
            String painted = images.cssUrls(rpx(body), src.file);
            if (name.equals("font-face") && body.contains("url(") && !painted.contains("url(")) {
                Matcher family = FONT_FAMILY.matcher(body);
                warn(src, at, "@font-face " + (family.find() ? "\"" + family.group(1) + "\" " : "")
                        + "has no source MiniSim can load (a font on the network is loaded only from a mock of its URL"
                        + " in the scenario's requests or a host allowed with --allow-host): its glyphs show as"
                        + " boxes; mock or allow it, put the font file in the mini-program folder or embed it as a data: URL");
            }
            if (name.equals("font-face") && painted.contains("url(") && onlyWoff2(painted)) {
                Matcher family = FONT_FAMILY.matcher(body);
                warn(src, at, "@font-face " + (family.find() ? "\"" + family.group(1) + "\" " : "")
                        + "has only a WOFF2 source MiniSim can load, and the painter's WebKit (JavaFX's) draws no WOFF2:"
                        + " its glyphs show as boxes; give it a woff, ttf or otf source too");
            }
            out.append('@').append(name).append(' ').append(prelude).append(" {").append(painted).append("}\n");
        }
        return close + 1;
    }

    /** A loadable source of an {@code @font-face} src list: its URL and its {@code format()} hint. */
    private static final Pattern FONT_SOURCE = Pattern.compile(
            "(?i)url\\(\"([^\"]*)\"\\)\\s*(?:format\\(\\s*['\"]?([\\w-]+)['\"]?\\s*\\))?");

    /**
     * Whether every loadable source of a translated {@code @font-face} body is WOFF2 (by its
     * {@code format()}, its data: type or its file name): JavaFX builds its WebKit without WOFF2.
     */
    static boolean onlyWoff2(String painted) {
        Matcher m = FONT_SOURCE.matcher(painted);
        boolean any = false;
        while (m.find()) {
            any = true;
            String url = m.group(1).toLowerCase(Locale.ROOT);
            String format = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
            boolean woff2 = format.equals("woff2")
                    || format.isEmpty() && (url.startsWith("data:") ? url.substring(0, Math.max(0, url.indexOf(','))).contains("woff2")
                            : url.replaceAll("[?#].*$", "").endsWith(".woff2"));
            if (!woff2) {
                return false;
            }
        }
        return any;
    }

    private void importFile(Source src, int at, String prelude, String scope, Set<String> seen, StringBuilder out) {
        Matcher m = IMPORT.matcher(prelude);
        if (!m.matches()) {
            warn(src, at, "@import " + prelude + ": not a file name (ignored)");
            return;
        }
        String spec = m.group(1).trim();
        Optional<String> path = StylePaths.resolve(src.file, spec);
        if (path.isEmpty()) {
            warn(src, at, "@import \"" + spec + "\" points outside the mini-program folder (ignored)");
            return;
        }
        String file = path.get();
        if (!seen.add(file)) {
            warn(src, at, "@import \"" + spec + "\" imports itself again (ignored)");
            return;
        }
        Optional<String> text = files.text(file);
        if (text.isEmpty() && !file.endsWith(".wxss") && !file.endsWith(".acss")) {
            file = file + (src.file.endsWith(".acss") ? ".acss" : ".wxss");
            text = files.text(file);
        }
        if (text.isEmpty()) {
            warn(src, at, "@import \"" + spec + "\": no such file " + file + " (ignored)");
            return;
        }
        out.append("/* ").append(file.replace("*/", "")).append(" */\n");
        out.append(translate(text.get(), file, scope, seen));
    }

    // ------------------------------------------------------------------ selectors

    /** A selector list, each tag named as painted and each class in {@code scope}. */
    String selectors(String list, String scope) {
        List<String> parts = splitTop(list, ',');
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                out.add(selector(p.trim(), scope));
            }
        }
        return String.join(", ", out);
    }

    private String selector(String sel, String scope) {
        StringBuilder out = new StringBuilder();
        int n = sel.length();
        boolean compoundStart = true;
        int i = 0;
        while (i < n) {
            char c = sel.charAt(i);
            if (c == '[') {
                int close = sel.indexOf(']', i);
                close = close < 0 ? n - 1 : close;
                out.append(sel, i, close + 1);
                i = close + 1;
                compoundStart = false;
            } else if (c == '.' && i + 1 < n && identStart(sel.charAt(i + 1))) {
                int e = identEnd(sel, i + 1);
                out.append('.').append(PaintedClasses.scoped(scope, sel.substring(i + 1, e)));
                i = e;
                compoundStart = false;
            } else if (c == '#') {
                int e = identEnd(sel, i + 1);
                out.append(sel, i, e);
                i = e;
                compoundStart = false;
            } else if (c == ':') {
                int j = i;
                while (j < n && sel.charAt(j) == ':') {
                    j++;
                }
                int e = identEnd(sel, j);
                String pseudo = sel.substring(j, e).toLowerCase(Locale.ROOT);
                if (pseudo.equals("host")) {
                    out.append(hostSelector(scope));
                    i = e;
                    if (i < n && sel.charAt(i) == '(') {
                        int close = matchingParen(sel, i);
                        out.append(selector(sel.substring(i + 1, close), scope).replaceFirst("^" + Pattern.quote(tagPrefix) + "\\S*", ""));
                        i = close + 1;
                    }
                } else if (e < n && sel.charAt(e) == '(' && Set.of("not", "is", "where", "has", "matches").contains(pseudo)) {
                    int close = matchingParen(sel, e);
                    out.append(sel, i, e).append('(').append(selectors(sel.substring(e + 1, close), scope)).append(')');
                    i = close + 1;
                } else if (e < n && sel.charAt(e) == '(') {
                    int close = matchingParen(sel, e);
                    out.append(sel, i, close + 1);
                    i = close + 1;
                } else {
                    out.append(sel, i, e);
                    i = e;
                }
                compoundStart = false;
            } else if (Character.isWhitespace(c) || c == '>' || c == '+' || c == '~') {
                out.append(c);
                i++;
                compoundStart = true;
            } else if (compoundStart && identStart(c)) {
                int e = identEnd(sel, i);
                out.append(tag(sel.substring(i, e)));
                i = e;
                compoundStart = false;
            } else {
                out.append(c);
                i++;
                compoundStart = false;
            }
        }
        return out.toString();
    }

    /** The painted element name of a tag selector. */
    String tag(String name) {
        return tagPrefix + name.toLowerCase(Locale.ROOT);
    }

    private static String hostSelector(String scope) {
        return scope == null ? "[ms-host]" : "[ms-host~=\"" + scope + "\"]";
    }

    // ------------------------------------------------------------------ values

    /** {@code rpx} lengths as px of this screen. */
    String rpx(String css) {
        Matcher m = RPX.matcher(css);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            double px = Double.parseDouble(m.group(1)) * rpx;
            m.appendReplacement(sb, Matcher.quoteReplacement(number(px) + "px"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String number(double v) {
        if (v == Math.rint(v)) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    // ------------------------------------------------------------------ scanning

    private String stripComments(String text, String file) {
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int e = stringEnd(text, i);
                sb.append(text, i, e);
                i = e;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int e = text.indexOf("*/", i + 2);
                if (e < 0) {
                    warnings.accept(file + ":" + line(text, i) + ": comment is never closed (the rest of the file is ignored)");
                    e = n - 2;
                }
                for (int k = i; k < e + 2 && k < n; k++) {
                    sb.append(text.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = e + 2;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/' && (i == 0 || text.charAt(i - 1) != ':')) {
                // a // line comment is not CSS, but LESS-minded authors write it; the compilers drop it
                int e = text.indexOf('\n', i);
                e = e < 0 ? n : e;
                sb.append(" ".repeat(e - i));
                i = e;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static int stringEnd(String s, int start) {
        char q = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == q || c == '\n') {
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /** The first of {@code a} or {@code b} at or after {@code from}, outside strings; -1 if none. */
    private static int find(String s, int from, int end, char a, char b) {
        int i = from;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = stringEnd(s, i);
                continue;
            }
            if (c == a || c == b) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The '}' that closes the '{' at {@code open}; -1 if none. */
    private static int matching(String s, int open, int end) {
        int depth = 0;
        int i = open;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = stringEnd(s, i);
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }

    private static String dropNested(String body) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        int declStart = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                if (depth == 0) {
                    // the nested rule's selector is the text since the last ';'
                    sb.setLength(Math.min(sb.length(), declStart));
                }
                depth++;
            } else if (c == '}') {
                depth--;
                declStart = sb.length();
            } else if (depth == 0) {
                sb.append(c);
                if (c == ';') {
                    declStart = sb.length();
                }
            }
        }
        return sb.toString();
    }

    static List<String> splitTop(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == sep && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static boolean identStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '-' || c == '\\' || c > 127;
    }

    private static int identEnd(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                i += 2;
                continue;
            }
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c > 127)) {
                break;
            }
            i++;
        }
        return i;
    }

    private void warn(Source src, int offset, String message) {
        warnings.accept(src.file + ":" + line(src.text, offset) + ": " + message);
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String snippet(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 40 ? t.substring(0, 37) + "..." : t;
    }

    private static final class Source {
        final String text;
        final String file;
        int pos;

        Source(String text, String file) {
            this.text = text;
            this.file = file;
        }
    }
}
