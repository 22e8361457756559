package dev.minisim.paint;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Image sources as the painted page may load them: a file of the mini-program becomes a
 * {@code data:} URL (so the WebView never reads a file itself, and nothing outside the folder can
 * be named); a network image is not fetched (a placeholder is drawn instead); a {@code data:image}
 * URL passes as it is.
 */
final class Images {

    /** Files larger than this are drawn as placeholders (a page of huge images would stall the paint). */
    private static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "gif", "image/gif", "svg", "image/svg+xml", "webp", "image/webp", "bmp", "image/bmp", "ico", "image/x-icon");

    private final PaintFiles files;
    private final Map<String, Optional<String>> cache = new java.util.HashMap<>();

    Images(PaintFiles files) {
        this.files = files;
    }

    /**
     * The URL to draw {@code src} with, or empty for a placeholder.
     *
     * @param fromFile the template that wrote the element (relative sources are relative to it)
     */
    Optional<String> url(String src, String fromFile) {
        if (src == null || src.isBlank()) {
            return Optional.empty();
        }
        String s = src.trim();
        if (s.regionMatches(true, 0, "data:image/", 0, 11)) {
            // SVG too: WebKit draws an SVG image with its scripts off and loads nothing it names
            // (SvgImagesTest checks both in the painted page)
            return Optional.of(s);
        }
        if (s.contains("://") || s.startsWith("//")) {
            // only what the user lets be had: a mock of the URL or an allowed host
            return cache.computeIfAbsent(s, k -> files.network(absolute(s)).filter(b -> b.length <= MAX_BYTES)
                    .flatMap(b -> imageType(s, b).map(type -> "data:" + type + ";base64," + Base64.getEncoder().encodeToString(b))));
        }
        return cache.computeIfAbsent(s + "\n" + fromFile, k -> load(s, fromFile));
    }

    /** The folder name MiniSim's bundled stylesheets are read under (never a mini-program's file: it starts with '$'). */
    static final String BUNDLED = "$minisim/";

    private static final java.util.regex.Pattern CSS_URL =
            java.util.regex.Pattern.compile("(?i)url\\(\\s*(['\"]?)(.*?)\\1\\s*\\)");

    /**
     * Every {@code url(...)} of a stylesheet or an inline style, as the painted page may load it:
     * the mini-program's own images and fonts as {@code data:} URLs, anything else (the network,
     * paths outside the folder) as {@code none}, so the WebView never fetches by itself.
     */
    String cssUrls(String css, String fromFile) {
        if (css.indexOf('(') < 0) {
            return css;
        }
        java.util.regex.Matcher m = CSS_URL.matcher(css);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String spec = m.group(2).trim();
            Optional<String> u = FONT_DATA.matcher(spec).lookingAt() ? Optional.of(spec)
                    : font(spec, fromFile).or(() -> url(spec, fromFile));
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(u.map(x -> "url(\"" + x.replace("\"", "%22") + "\")").orElse("none")));
        }
        m.appendTail(sb);
        return withoutMissingSources(sb.toString());
    }

    /**
     * A font embedded as a {@code data:} URL, under any of the types icon-font generators write
     * ({@code font/woff2}, {@code application/x-font-woff2}, {@code application/font-woff},
     * {@code application/x-font-ttf}, {@code application/octet-stream}...).
     */
    private static final java.util.regex.Pattern FONT_DATA = java.util.regex.Pattern.compile(
            "(?i)data:(font/|application/(x-)?font|application/vnd\\.ms-fontobject|application/octet-stream)[^,]*,");
    /** A source of {@code @font-face}'s {@code src} list that cannot load ({@code none format(...)}), and its comma. */
    private static final java.util.regex.Pattern MISSING_SOURCE = java.util.regex.Pattern.compile(
            "(?i)none\\s+format\\(\\s*['\"]?[^)'\"]*['\"]?\\s*\\)\\s*(,\\s*)?");

    /**
     * A font source that cannot load (a CDN's, an {@code .eot}) is left out of its {@code src}
     * list rather than written as {@code none}: a list with one {@code none} entry is invalid as a
     * whole, which would also lose the embedded font after it.
     */
    private static String withoutMissingSources(String css) {
        if (!css.contains("none")) {
            return css;
        }
        String out = MISSING_SOURCE.matcher(css).replaceAll("");
        // a trailing comma left by the last source removed ("url(a) format('woff'), none format('svg')")
        return out.replaceAll(",(\\s*(?:/\\*[^*]*\\*/\\s*)*[;}])", "$1");
    }

    private Optional<String> font(String spec, String fromFile) {
        String clean = spec.replaceAll("[?#].*$", "");
        String ext = clean.substring(clean.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = switch (ext) {
            case "ttf" -> "font/ttf";
            case "otf" -> "font/otf";
            case "woff" -> "font/woff";
            case "woff2" -> "font/woff2";
            default -> null;
        };
        if (network(spec) && !ext.equals("eot") && !ext.equals("svg")) {
            // a font on a CDN: only from a mock of its URL or an allowed host, never the open network
            return cache.computeIfAbsent("font\n" + spec, k -> files.network(absolute(spec)).filter(b -> b.length <= MAX_BYTES)
                    .flatMap(b -> fontType(type, b).map(t -> "data:" + t + ";base64," + Base64.getEncoder().encodeToString(b))));
        }
        if (type == null || network(spec)) {
            return Optional.empty();
        }
        return StylePaths.resolve(fromFile, clean).flatMap(files::bytes).filter(b -> b.length <= MAX_BYTES)
                .map(b -> "data:" + type + ";base64," + Base64.getEncoder().encodeToString(b));
    }

    /** A protocol-relative URL ({@code //cdn/x.woff}) as the client loads it: over https. */
    private static String absolute(String url) {
        return url.startsWith("//") ? "https:" + url : url;
    }

    /** The font's type by its first bytes (a URL's extension may be missing or wrong), else by the extension. */
    private static Optional<String> fontType(String byExtension, byte[] b) {
        String magic = b.length >= 4 ? new String(b, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
        return switch (magic) {
            case "wOFF" -> Optional.of("font/woff");
            case "wOF2" -> Optional.of("font/woff2");
            case "OTTO" -> Optional.of("font/otf");
            case "\0\1\0\0", "true" -> Optional.of("font/ttf");
            default -> Optional.ofNullable(byExtension);
        };
    }

    /** An image's type by its first bytes; SVG (it can carry script) and anything unknown are refused. */
    private static Optional<String> imageType(String src, byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return Optional.of("image/gif");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B') {
            return Optional.of("image/webp");
        }
        // SVG: text that opens an <svg> element near its start (after an XML declaration, a
        // doctype or a comment)
        String head = new String(b, 0, Math.min(b.length, 512), java.nio.charset.StandardCharsets.UTF_8);
        if (head.contains("<svg") && head.stripLeading().startsWith("<")) {
            return Optional.of("image/svg+xml");
        }
        return Optional.empty();
    }

    /** Whether {@code src} is a network image (drawn as a placeholder). */
    static boolean network(String src) {
        return src != null && (src.contains("://") || src.startsWith("//"));
    }

    private Optional<String> load(String src, String fromFile) {
        String clean = src.replaceAll("[?#].*$", "");
        Optional<String> path = StylePaths.resolve(fromFile, clean);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String ext = path.get().substring(path.get().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(ext);
        if (type == null) {
            return Optional.empty();
        }
        return files.bytes(path.get()).filter(b -> b.length <= MAX_BYTES)
                .map(b -> "data:" + type + ";base64," + Base64.getEncoder().encodeToString(b));
    }
}
