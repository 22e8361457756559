package dev.minisim.view;

/**
 * A problem found while parsing or rendering a template. The engine never throws on a bad
 * template: it reports one of these and goes on (SPEC "Pages on screen": warnings with file:line,
 * not failures).
 *
 * @param file     root-relative path of the template ({@code pages/index/index.wxml})
 * @param line     1-based line in that file (0 when the file itself is missing)
 * @param message  what is wrong, in the user's words
 * @param severity {@link Severity#WARNING} for what the clients tolerate, {@link Severity#ERROR}
 *                 for what loses content (a missing file, a template that cannot be found)
 */
public record Diagnostic(String file, int line, String message, Severity severity) {

    public enum Severity { WARNING, ERROR }

    public static Diagnostic warning(String file, int line, String message) {
        return new Diagnostic(file, line, message, Severity.WARNING);
    }

    public static Diagnostic error(String file, int line, String message) {
        return new Diagnostic(file, line, message, Severity.ERROR);
    }

    /** {@code file:line} as the transcript's {@code source} field writes it. */
    public String source() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return source() + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
