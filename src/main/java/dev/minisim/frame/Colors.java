package dev.minisim.frame;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;

/** Colours as the app's json and the JSAPIs give them, normalised to {@code #rrggbb}. */
public final class Colors {

    private static final Pattern HEX = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");

    private Colors() {
    }

    /**
     * {@code #rgb}, {@code #rrggbb}, {@code #rrggbbaa} (alpha dropped), or a number (Alipay's older
     * {@code titleBarColor} is a decimal RGB value); null for anything else, so a bad colour in an
     * app's json falls back to the default instead of breaking the window.
     */
    public static String normalise(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return String.format("#%06x", value.asLong() & 0xffffff);
        }
        return value.isTextual() ? normalise(value.asText()) : null;
    }

    public static String normalise(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.matches("\\d{1,8}")) {
            return String.format("#%06x", Long.parseLong(t) & 0xffffff);
        }
        if (!HEX.matcher(t).matches()) {
            return null;
        }
        t = t.toLowerCase(Locale.ROOT);
        if (t.length() == 4) {
            return "#" + t.charAt(1) + t.charAt(1) + t.charAt(2) + t.charAt(2) + t.charAt(3) + t.charAt(3);
        }
        return t.substring(0, 7);
    }

    /** Whether text on {@code background} reads better white than black (relative luminance). */
    public static boolean isDark(String background) {
        String c = normalise(background);
        if (c == null) {
            return false;
        }
        int r = Integer.parseInt(c.substring(1, 3), 16);
        int g = Integer.parseInt(c.substring(3, 5), 16);
        int b = Integer.parseInt(c.substring(5, 7), 16);
        return 0.299 * r + 0.587 * g + 0.114 * b < 150;
    }
}
