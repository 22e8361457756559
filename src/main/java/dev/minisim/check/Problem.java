package dev.minisim.check;

/** One thing {@code check} found: where (root-relative file, 1-based line or 0) and what. */
public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
