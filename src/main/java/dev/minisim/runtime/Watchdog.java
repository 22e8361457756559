package dev.minisim.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.Context;

/**
 * Stops a runaway script: a task that runs longer than its budget, or that itself grows the heap
 * past the limit, is interrupted; the context stays usable, and the caller reports the interrupted task as an
 * error of its page. One daemon thread per watched context, polling every few milliseconds while a
 * task is inside JavaScript and sleeping otherwise.
 */
public final class Watchdog implements AutoCloseable {

    /** Why a task was stopped. */
    public enum Reason { NONE, TIME, MEMORY }

    private final Context context;
    private final long budgetNanos;
    private final double heapLimit;
    private final Thread thread;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    /** A task is stopped for memory only if it grew the heap by at least this much itself. */
    private static final long TASK_GROWTH = 32L * 1024 * 1024;

    private volatile long taskStart;   // 0 when no task runs
    private volatile long heapAtStart;
    private volatile Reason reason = Reason.NONE;
    private volatile boolean closed;

    /**
     * @param budget     how long one task may run
     * @param heapLimit  fraction of the maximum heap beyond which a running task is stopped
     */
    public Watchdog(Context context, Duration budget, double heapLimit) {
        this.context = context;
        this.budgetNanos = budget.toNanos();
        this.heapLimit = heapLimit;
        this.thread = new Thread(this::watch, "minisim-watchdog");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public long budgetMillis() {
        return Duration.ofNanos(budgetNanos).toMillis();
    }

    /** Marks the start of a task; returns false when a task is already being watched (nested). */
    public boolean enter() {
        if (taskStart != 0) {
            return false;
        }
        reason = Reason.NONE;
        heapAtStart = memory.getHeapMemoryUsage().getUsed();
        taskStart = System.nanoTime();
        synchronized (this) {
            notifyAll();
        }
        return true;
    }

    public void exit() {
        taskStart = 0;
    }

    /** Why the last task was interrupted, or NONE. */
    public Reason reason() {
        return reason;
    }

    private void watch() {
        long max = memory.getHeapMemoryUsage().getMax();
        long lastInterrupted = 0;
        while (!closed) {
            long start = taskStart;
            if (start == 0 || start == lastInterrupted) {
                synchronized (this) {
                    try {
                        if ((taskStart == 0 || taskStart == lastInterrupted) && !closed) {
                            wait(50);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            Reason why = Reason.NONE;
            if (System.nanoTime() - start > budgetNanos) {
                why = Reason.TIME;
            } else if (max > 0 && overLimit(max)) {
                // memory the page already held (a bomb stopped before) is not this task's doing
                System.gc();
                if (overLimit(max)) {
                    why = Reason.MEMORY;
                }
            }
            if (why != Reason.NONE && taskStart == start) {
                reason = why;
                lastInterrupted = start;
                try {
                    context.interrupt(Duration.ofSeconds(5));
                } catch (TimeoutException | IllegalStateException e) {
                    // the task ended on its own meanwhile, or the context is closing
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean overLimit(long max) {
        long used = memory.getHeapMemoryUsage().getUsed();
        return used > heapLimit * max && used - heapAtStart > TASK_GROWTH;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
