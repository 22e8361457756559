package dev.minisim.app;

import java.util.List;

/**
 * What the user did to the run besides gestures on the page ({@link dev.minisim.screen.Gesture}):
 * called a method of the top page (the window's method buttons, a scenario's {@code call}) or went
 * back. Reported once the action was accepted, with the clock when it began.
 */
public sealed interface UserAction {

    /** The run's clock (ms since launch) when the action began. */
    long at();

    /** A method of the top page was called with these arguments. */
    record Call(long at, String method, List<Object> args) implements UserAction {
    }

    /** The user went back this many pages. */
    record Back(long at, int pages) implements UserAction {
    }

    /** The user tapped this tab of the native tab bar (its index, and its text as shown). */
    record Tab(long at, int index, String text) implements UserAction {
    }

    /**
     * Something the user did that a scenario has no step for (the home button): a recording says it is missing instead of leaving a replay that silently differs.
     *
     * @param what what was done, as a person would say it ("a tap on the tab bar's 日志")
     */
    record Unscripted(long at, String what) implements UserAction {
    }
}
