package dev.minisim.paint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An input's or textarea's {@code placeholder-class} and {@code placeholder-style}, as the clients
 * apply them: to the placeholder text only. A browser styles a placeholder through its
 * {@code ::placeholder} pseudo-element, which a class on the field cannot reach, so the rules the
 * page's stylesheet has for the class ({@code .hint { color: red }}) are written again for the
 * field's placeholder, in a {@code <style>} the painted element carries (a patch replaces it with
 * the element).
 */
final class PlaceholderStyles {

    /** A plain rule {@code selectors { declarations }} (not inside an at-rule's own braces). */
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");

    private PlaceholderStyles() {
    }

    /**
     * The declarations of the rules in {@code css} whose selector list names exactly {@code .cls}
     * for one of {@code classes} (as painted: scoped for a component), in stylesheet order.
     */
    static List<String> declarations(String css, List<String> classes) {
        List<String> out = new ArrayList<>();
        if (classes.isEmpty()) {
            return out;
        }
        Matcher m = RULE.matcher(css);
        while (m.find()) {
            String selectors = m.group(1);
            int at = selectors.lastIndexOf(';');
            if (at >= 0) {
                selectors = selectors.substring(at + 1);   // after an @import / @charset line
            }
            for (String sel : selectors.split(",")) {
                String s = sel.replaceAll("/\\*.*?\\*/", "").trim();
                if (s.startsWith(".") && classes.contains(s.substring(1))) {
                    out.add(m.group(2).trim());
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The {@code <style>} element that styles painted element {@code msId}'s field placeholder, or
     * "" when there is nothing to apply. {@code inline} is the (rpx-translated) placeholder-style.
     */
    static String styleElement(int msId, List<String> fromClasses, String inline) {
        List<String> parts = new ArrayList<>(fromClasses);
        if (!inline.isBlank()) {
            parts.add(inline);
        }
        if (parts.isEmpty()) {
            return "";
        }
        // the text comes from the page's own styles; it must not end the rule or the element
        String body = String.join(";", parts).replace("<", "").replace("{", "").replace("}", "");
        String sel = "[ms-id=\"" + msId + "\"] > .ms-field";
        return "<style>" + sel + "::-webkit-input-placeholder { " + body + " } " + sel + "::placeholder { " + body
                + " }</style>";
    }
}
