package dev.minisim;

/**
 * Input MiniSim cannot work with (a folder that is not a mini-program, invalid JSON, a malformed
 * scenario). The message is the one line a user sees: file, line where known, what is wrong.
 */
public final class BadInputException extends Exception {

    private final int line;
    private final String what;

    public BadInputException(String message) {
        super(message);
        this.line = 0;
        this.what = message;
    }

    private BadInputException(String file, int line, String what) {
        super(file + (line > 0 ? ":" + line : "") + ": " + what);
        this.line = line;
        this.what = what;
    }

    /** "file:line: what" (line omitted when 0). */
    public static BadInputException at(String file, int line, String what) {
        return new BadInputException(file, line, what);
    }

    /** The 1-based line {@link #at} was given, or 0. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file and line (the whole message when none were given). */
    public String what() {
        return what;
    }
}
