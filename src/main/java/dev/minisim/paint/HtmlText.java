package dev.minisim.paint;

/** Escaping for the painted document. */
final class HtmlText {

    private HtmlText() {
    }

    static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String attr(String s) {
        return text(s).replace("\"", "&quot;");
    }

    /** The common named entities and numeric references (rich-text's text arrives encoded). */
    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|[a-zA-Z]+);").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r;
            try {
                r = switch (e) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> "\u00a0";
                    case "ensp" -> "\u2002";
                    case "emsp" -> "\u2003";
                    default -> e.startsWith("#x") ? new String(Character.toChars(Integer.parseInt(e.substring(2), 16)))
                            : e.startsWith("#") ? new String(Character.toChars(Integer.parseInt(e.substring(1)))) : m.group();
                };
            } catch (IllegalArgumentException ex) {
                r = m.group();
            }
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
