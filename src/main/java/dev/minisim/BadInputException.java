package dev.minisim;

/**
 * Input MiniSim cannot work with (a folder that is not a mini-program, invalid JSON, a malformed
 * scenario). The message is the one line a user sees: file, line where known, what is wrong.
 */
public final class BadInputException extends Exception {

    public BadInputException(String message) {
        super(message);
    }

    /** "file:line: what" (line omitted when 0). */
    public static BadInputException at(String file, int line, String what) {
        return new BadInputException(file + (line > 0 ? ":" + line : "") + ": " + what);
    }
}
