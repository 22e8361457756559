package dev.minisim.paint;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <rich-text nodes>} as HTML the painted page may show: the mini-program's markup is
 * untrusted, so only a whitelist of tags and the {@code class} and {@code style} attributes (and
 * an image's source, through {@link Images}) get through, as the clients' own rich-text does;
 * scripts, handlers and links that run anything never reach the WebView.
 */
final class RichText {

    private static final Set<String> TAGS = Set.of("a", "abbr", "b", "big", "blockquote", "br", "caption", "center",
            "cite", "code", "col", "colgroup", "dd", "del", "div", "dl", "dt", "em", "fieldset", "font", "h1", "h2", "h3",
            "h4", "h5", "h6", "hr", "i", "img", "ins", "label", "legend", "li", "mark", "ol", "p", "pre", "q", "s",
            "section", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
            "tt", "u", "ul");
    private static final Set<String> VOID = Set.of("br", "hr", "img", "col");
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>|<!--.*?-->|<[!?][^>]*>",
            Pattern.DOTALL);
    private static final Pattern ATTR = Pattern.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)\\s*(?:=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?");

    private final Images images;
    private final String file;

    RichText(Images images, String file) {
        this.images = images;
        this.file = file;
    }

    /** {@code nodes} as a string of HTML, or as the node array form. */
    String html(Object nodes) {
        if (nodes instanceof String s) {
            return fromString(s);
        }
        StringBuilder sb = new StringBuilder();
        if (nodes instanceof List<?> list) {
            list.forEach(n -> node(n, sb));
        } else if (nodes instanceof Map<?, ?>) {
            node(nodes, sb);
        }
        return sb.toString();
    }

    private String fromString(String s) {
        StringBuilder sb = new StringBuilder();
        Matcher m = TAG.matcher(s);
        int last = 0;
        boolean dropping = false;
        String dropTag = null;
        while (m.find()) {
            if (!dropping) {
                sb.append(HtmlText.text(HtmlText.decode(s.substring(last, m.start()))));
            }
            last = m.end();
            if (m.group(2) == null) {
                continue;
            }
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean close = !m.group(1).isEmpty();
            if (dropping) {
                if (close && name.equals(dropTag)) {
                    dropping = false;
                }
                continue;
            }
            if (name.equals("script") || name.equals("style") || name.equals("iframe") || name.equals("object")) {
                if (!close && !m.group(3).trim().endsWith("/")) {
                    dropping = true;
                    dropTag = name;
                }
                continue;
            }
            if (!TAGS.contains(name)) {
                continue;
            }
            if (close) {
                if (!VOID.contains(name)) {
                    sb.append("</").append(name).append('>');
                }
                continue;
            }
            Map<String, String> attrs = new java.util.LinkedHashMap<>();
            Matcher a = ATTR.matcher(m.group(3));
            while (a.find()) {
                String v = a.group(2) == null ? "" : a.group(2);
                if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
                    v = v.substring(1, v.length() - 1);
                }
                attrs.put(a.group(1).toLowerCase(Locale.ROOT), HtmlText.decode(v));
            }
            open(name, attrs, sb);
        }
        if (!dropping) {
            sb.append(HtmlText.text(HtmlText.decode(s.substring(last))));
        }
        return sb.toString();
    }

    private void node(Object n, StringBuilder sb) {
        if (!(n instanceof Map<?, ?> m)) {
            return;
        }
        if ("text".equals(m.get("type"))) {
            sb.append(HtmlText.text(HtmlText.decode(String.valueOf(m.get("text") == null ? "" : m.get("text")))));
            return;
        }
        String name = String.valueOf(m.get("name") == null ? "" : m.get("name")).toLowerCase(Locale.ROOT);
        Map<String, String> attrs = new java.util.LinkedHashMap<>();
        if (m.get("attrs") instanceof Map<?, ?> am) {
            am.forEach((k, v) -> attrs.put(String.valueOf(k).toLowerCase(Locale.ROOT), String.valueOf(v)));
        }
        boolean known = TAGS.contains(name);
        if (known) {
            open(name, attrs, sb);
        }
        if (m.get("children") instanceof List<?> kids) {
            kids.forEach(k -> node(k, sb));
        }
        if (known && !VOID.contains(name)) {
            sb.append("</").append(name).append('>');
        }
    }

    private void open(String name, Map<String, String> attrs, StringBuilder sb) {
        sb.append('<').append(name);
        String cls = attrs.get("class");
        if (cls != null && !cls.isBlank()) {
            sb.append(" class=\"").append(HtmlText.attr(cls)).append('"');
        }
        String style = attrs.get("style");
        if (style != null && !style.isBlank()) {
            sb.append(" style=\"").append(HtmlText.attr(safeStyle(style))).append('"');
        }
        if (name.equals("img")) {
            images.url(attrs.get("src"), file).ifPresent(u -> sb.append(" src=\"").append(HtmlText.attr(u)).append('"'));
            for (String k : List.of("width", "height")) {
                String v = attrs.get(k);
                if (v != null && v.matches("\\d+(\\.\\d+)?(px|%)?")) {
                    sb.append(' ').append(k).append("=\"").append(v).append('"');
                }
            }
        }
        for (String k : List.of("colspan", "rowspan")) {
            String v = attrs.get(k);
            if (v != null && v.matches("\\d{1,3}")) {
                sb.append(' ').append(k).append("=\"").append(v).append('"');
            }
        }
        sb.append('>');
    }

    /** Inline styles, without anything that loads a resource or runs an expression. */
    static String safeStyle(String style) {
        return style.replaceAll("(?i)url\\s*\\([^)]*\\)", "none").replaceAll("(?i)expression\\s*\\(", "(")
                .replaceAll("(?i)@import", "").replace("\\", "");
    }
}
