package dev.minisim.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.Context;

/**
 * Stops a runaway script: a task that uses more CPU time than its budget, or that itself grows the
 * heap past the limit, is interrupted. The budget counts the CPU time of the thread running the
 * task (wall time where the JVM cannot measure a thread's CPU time), so a task that is only slow
 * because the machine is busy with other work is not taken for a runaway loop; the context stays usable, and the caller reports the interrupted task as an
 * error of its page. One daemon thread per watched context, polling every few milliseconds while a
 * task is inside JavaScript and sleeping otherwise.
 */
public final class Watchdog implements AutoCloseable {

    /** Why a task was stopped. */
    public enum Reason {
        NONE, TIME, MEMORY,
        /** {@link #stop} asked for it: whoever waited for the task stopped waiting. */
        STOPPED
    }

    private final Context context;
    private final long budgetNanos;
    private final double heapLimit;
    private final Thread thread;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuTime = cpuTimeSupported(threads);
    /** A task is stopped for memory only if it grew the heap by at least this much itself. */
    private static final long TASK_GROWTH = 32L * 1024 * 1024;

    private volatile long taskStart;   // 0 when no task runs
    private volatile long heapAtStart;
    private volatile long taskThread;   // the thread running the task
    private volatile long cpuAtStart;   // its CPU time when the task started
    private volatile Reason reason = Reason.NONE;
    private volatile boolean closed;
    private volatile long stopAsked;    // the task {@link #stop} was asked for, 0 for none
    private volatile long interrupts;   // interrupts sent so far

    /**
     * @param budget     how much CPU time one task may use
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
        taskThread = Thread.currentThread().threadId();
        cpuAtStart = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
        taskStart = System.nanoTime();
        synchronized (this) {
            notifyAll();
        }
        return true;
    }

    public void exit() {
        taskStart = 0;
    }

    /**
     * The task being watched now, as a token for {@link #stop} (0 when none): call it inside the
     * task, on its thread.
     */
    public long current() {
        return taskStart;
    }

    /**
     * Stops the task {@code token} names if it still runs, as if it had used up its budget; safe
     * from any thread, returns at once (the watchdog's thread interrupts it). The budget counts CPU
     * time, and a busy machine gives a runaway loop so little of it that the budget can take
     * minutes of wall time: whoever waits for a task with a wall-clock limit of its own (an
     * automation request) stops it when that limit passes, so the thread does not stay taken by a
     * task nobody waits for (issue #12: "never silence").
     */
    public void stop(long token) {
        if (token == 0) {
            return;
        }
        stopAsked = token;
        synchronized (this) {
            notifyAll();
        }
    }

    /** How many interrupts were sent so far (each has returned). */
    public long interrupts() {
        return interrupts;
    }

    /** Why the last task was interrupted, or NONE. */
    public Reason reason() {
        return reason;
    }

    /**
     * How long a task may go on after it was interrupted before it is interrupted again: an
     * interrupt that lands while the task is between two calls into JavaScript (the context not
     * entered) stops nothing, and the task's next call may be the endless one.
     */
    private static final long RETRY_NANOS = Duration.ofSeconds(1).toNanos();

    private void watch() {
        long max = memory.getHeapMemoryUsage().getMax();
        long lastInterrupted = 0;
        long interruptedAt = 0;
        while (!closed) {
            long start = taskStart;
            if (start == 0 || (start == lastInterrupted && System.nanoTime() - interruptedAt < RETRY_NANOS)) {
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
            if (start == lastInterrupted) {
                why = reason;   // still running a second after its interrupt: once more, same reason
            } else if (stopAsked == start) {
                why = Reason.STOPPED;
            } else if (used(start) > budgetNanos) {
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
                    // not stopped within 5 s (a busy machine may not run the task's thread that
                    // long: retried while the same task runs), or the context is closing
                }
                interruptedAt = System.nanoTime();
                interrupts++;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** What the task that started at {@code start} has used: its thread's CPU time, else wall time. */
    private long used(long start) {
        if (cpuTime) {
            long now = threads.getThreadCpuTime(taskThread);
            if (now >= 0) {
                return now - cpuAtStart;
            }
        }
        return System.nanoTime() - start;
    }

    private static boolean cpuTimeSupported(ThreadMXBean threads) {
        try {
            if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
                threads.setThreadCpuTimeEnabled(true);
            }
            return threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()
                    && threads.getCurrentThreadCpuTime() >= 0;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
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
