package dev.minisim.runtime;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The mini-program's event loop: a queue of tasks and a queue of timers, run on the one thread that
 * owns the GraalJS context. Promise microtasks are not queued here: GraalJS drains them each time a
 * task's call into JavaScript returns, which gives ECMAScript's order.
 *
 * <p>Two clocks. Simulated (headless runs): time only moves when {@link #advance} is called, and
 * then jumps from timer to timer without sleeping. Real (the window): {@link #runRealtime} sleeps
 * until the next timer is due or a task arrives.
 *
 * <p>Work outside the loop (a real HTTP request to a host the user allowed) runs on its own thread
 * and hands its result back as a task; while such work is {@link #expectExternal outstanding}, a
 * simulated clock's {@link #settle} waits for it instead of returning, so a headless run neither
 * ends before the answer nor lets simulated timers overtake it: on the simulated clock real work
 * takes no time. The wait is bounded by the work's own timeout and by {@link #stop}.
 */
public final class EventLoop {

    private record Timer(long due, long order, long id, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final boolean simulated;
    private volatile long realStart = System.nanoTime();
    private volatile long simNow;
    private long order;
    private long nextTimerId = 1;
    private volatile boolean stopped;
    private int outstanding;   // external work not yet handed back, guarded by lock
    private volatile long timersRun;

    public EventLoop(boolean simulated) {
        this.simulated = simulated;
    }

    public boolean simulated() {
        return simulated;
    }

    /** The launch starts now: a real clock counts from here (context creation is not the app's time). */
    public void markLaunch() {
        realStart = System.nanoTime();
    }

    /** Milliseconds since launch: simulated, or real in the window. */
    public long now() {
        return simulated ? simNow : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - realStart);
    }

    /** Queues a task; safe from any thread. */
    public void post(Runnable task) {
        lock.lock();
        try {
            ready.add(task);
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks work that runs off the loop and will hand its result back through the returned handle;
     * safe from any thread. Each handle must be completed exactly once (later calls are ignored).
     */
    public External expectExternal() {
        lock.lock();
        try {
            outstanding++;
            return new External();
        } finally {
            lock.unlock();
        }
    }

    /** Outstanding external work: how many handles are not completed yet. */
    public int outstandingExternal() {
        lock.lock();
        try {
            return outstanding;
        } finally {
            lock.unlock();
        }
    }

    /** A piece of external work; {@link #complete} queues its result as a task. */
    public final class External {
        private boolean done;

        private External() {
        }

        /** Queues {@code task} (the result, run on the loop's thread) and ends the wait for it. */
        public void complete(Runnable task) {
            lock.lock();
            try {
                if (done) {
                    return;
                }
                done = true;
                outstanding--;
                ready.add(task);
                wake.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Runs {@code task} {@code delayMs} from now; returns an id for {@link #cancel}. */
    public long schedule(long delayMs, Runnable task) {
        lock.lock();
        try {
            long id = nextTimerId++;
            timers.add(new Timer(now() + Math.max(0, delayMs), order++, id, task));
            wake.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    public void cancel(long timerId) {
        lock.lock();
        try {
            timers.removeIf(t -> t.id == timerId);
        } finally {
            lock.unlock();
        }
    }

    /** How many timers have fired so far (the session recorder notes timers that fire while a prompt waits). */
    public long timersRun() {
        return timersRun;
    }

    public int pendingTimers() {
        lock.lock();
        try {
            return timers.size();
        } finally {
            lock.unlock();
        }
    }

    /** The next task that may run now (ready first, then timers already due), or null. */
    private Runnable nextDue() {
        lock.lock();
        try {
            Runnable r = ready.poll();
            if (r != null) {
                return r;
            }
            Timer t = timers.peek();
            if (t != null && t.due <= now()) {
                timers.poll();
                timersRun++;
                return t.task;
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs every task that is ready and every timer that is due, until none is left, without
     * moving a simulated clock; on a simulated clock, also waits for outstanding external work and
     * runs what it hands back. Owner thread only.
     */
    public void settle() {
        while (!stopped) {
            Runnable r = nextDue();
            if (r != null) {
                r.run();
            } else if (!simulated || !awaitExternal()) {
                return;
            }
        }
    }

    /** Waits until external work hands a task back; false when none is outstanding (or stopped). */
    private boolean awaitExternal() {
        lock.lock();
        try {
            while (!stopped && ready.isEmpty() && outstanding > 0) {
                wake.await();
            }
            return !stopped && !ready.isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Simulated clock: moves time forward by {@code ms}, firing each timer at its own time. */
    public void advance(long ms) {
        if (!simulated) {
            throw new IllegalStateException("advance() needs the simulated clock");
        }
        long target = simNow + Math.max(0, ms);
        settle();
        while (!stopped) {
            Timer next;
            lock.lock();
            try {
                next = timers.peek();
                if (next == null || next.due > target) {
                    break;
                }
                simNow = Math.max(simNow, next.due);
            } finally {
                lock.unlock();
            }
            settle();
        }
        simNow = Math.max(simNow, target);
        settle();
    }

    /** Real clock: runs tasks and timers as they come due until {@link #stop}. Owner thread. */
    public void runRealtime() throws InterruptedException {
        while (!stopped) {
            settle();
            lock.lock();
            try {
                if (stopped || !ready.isEmpty()) {
                    continue;
                }
                Timer t = timers.peek();
                if (t == null) {
                    wake.await();
                } else {
                    long wait = t.due - now();
                    if (wait > 0) {
                        wake.await(wait, TimeUnit.MILLISECONDS);
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }

    public void stop() {
        lock.lock();
        try {
            stopped = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean stopped() {
        return stopped;
    }
}
