package dev.minisim.runtime.modules;

/**
 * SWC's spans count code points, while the module transform edits a Java string, which counts
 * UTF-16 units: the two differ after every character outside the Basic Multilingual Plane (an
 * emoji in a string literal is enough), so every span is turned into a string index here.
 */
final class Utf16Offsets {

    /** The string index of each code point offset, or null when the two are the same. */
    private final int[] units;

    private Utf16Offsets(int[] units) {
        this.units = units;
    }

    static Utf16Offsets of(String s) {
        boolean astral = false;
        for (int i = 0; i < s.length() && !astral; i++) {
            astral = Character.isSurrogate(s.charAt(i));
        }
        if (!astral) {
            return new Utf16Offsets(null);
        }
        int[] units = new int[s.codePointCount(0, s.length()) + 1];
        int cp = 0;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            units[cp++] = i;
        }
        units[cp] = s.length();
        return new Utf16Offsets(units);
    }

    /** The string index of code point offset {@code codePoint} (the end for an offset past it). */
    int unit(int codePoint) {
        if (units == null) {
            return codePoint;
        }
        return units[Math.max(0, Math.min(codePoint, units.length - 1))];
    }
}
