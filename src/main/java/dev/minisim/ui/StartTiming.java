package dev.minisim.ui;

import java.lang.management.ManagementFactory;

/**
 * {@code -Dminisim.startTiming=true}: the window's start-up phases on standard error, each as
 * milliseconds after the JVM's start and the thread it ran on, so a slow start can be split into
 * its parts (docs/benchmarks.md, "Window"). Nothing is printed without the flag.
 */
public final class StartTiming {

    private static final boolean ON = Boolean.getBoolean("minisim.startTiming");
    private static volatile boolean over;
    private static final long JVM_START = ON ? ManagementFactory.getRuntimeMXBean().getStartTime() : 0;

    private StartTiming() {
    }

    /** Notes that {@code phase} has just been reached. */
    public static void mark(String phase) {
        if (ON && !over) {
            System.err.printf("start timing: %5d ms  %-28s (%s)%n", System.currentTimeMillis() - JVM_START, phase,
                    Thread.currentThread().getName());
        }
    }

    /** The start is over (the first page is painted): later phases (repaints) are not printed. */
    public static void over() {
        over = true;
    }
}
