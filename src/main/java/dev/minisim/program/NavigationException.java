package dev.minisim.program;

/** A navigation the client refuses; the message is the reason after "navigateTo:fail ". */
public final class NavigationException extends Exception {
    public NavigationException(String reason) {
        super(reason);
    }
}
