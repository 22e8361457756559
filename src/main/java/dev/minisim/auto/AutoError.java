package dev.minisim.auto;

/** A request that cannot be done: its message is the answer's {@code error.message}. */
public final class AutoError extends RuntimeException {

    public AutoError(String message) {
        super(message, null, false, false);
    }
}
