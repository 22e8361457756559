package dev.minisim.runtime;

/**
 * Where the code that called MiniSim is: the first frame of a JavaScript stack outside MiniSim's
 * own scripts ({@code minisim:*.js}), as {@code file:line}. Every API call, console call and
 * warning asks (SPEC: console calls and API calls carry their source position), so the stack is
 * captured in JavaScript ({@code new Error().stack}) and scanned here: scanned in the interpreted
 * bootstrap, character by character, it was ~85 % of an API call's cost (issue #11,
 * docs/benchmarks.md "Warm runs, round 4").
 */
public final class CallerFrames {

    private CallerFrames() {
    }

    /** The first frame after the message line whose file is not MiniSim's own, or null. */
    public static String callerOf(String stack) {
        if (stack == null) {
            return null;
        }
        int start = stack.indexOf('\n');
        while (start >= 0) {
            int end = stack.indexOf('\n', start + 1);
            String frame = frameOf(stack.substring(start + 1, end < 0 ? stack.length() : end));
            if (frame != null && !frame.startsWith("minisim:")) {
                return frame;
            }
            start = end;
        }
        return null;
    }

    /**
     * A stack line's {@code file:line}, as JavaScript's {@code /\(?([^()\s]+):(\d+):\d+\)?\s*$/}
     * finds it (the line's last word, maybe in parentheses, ending in {@code :LINE:COLUMN}), or
     * null. {@code \s} is JavaScript's white space, not Java's.
     */
    static String frameOf(String line) {
        int end = line.length();
        while (end > 0 && isSpace(line.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == ')') {
            end--;
        }
        int start = end;
        while (start > 0 && line.charAt(start - 1) != '(' && line.charAt(start - 1) != ')' && !isSpace(line.charAt(start - 1))) {
            start--;
        }
        int column = line.lastIndexOf(':', end - 1);
        if (column < start || !allDigits(line, column + 1, end)) {
            return null;
        }
        int row = column > start ? line.lastIndexOf(':', column - 1) : -1;
        if (row <= start || !allDigits(line, row + 1, column)) {
            return null;
        }
        return line.substring(start, column);
    }

    private static boolean allDigits(String s, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** JavaScript's {@code \s}: white space and line terminators. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u00a0'
                || c == '\u1680' || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029' || c == '\u202f'
                || c == '\u205f' || c == '\u3000' || c == '\ufeff';
    }
}
