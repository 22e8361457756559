package dev.minisim.ui;

import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.api.auth.WalletProfile;
import dev.minisim.app.Simulation;
import dev.minisim.program.MiniProgram;
import dev.minisim.program.PageInstance;
import dev.minisim.scenario.Scenario;
import dev.minisim.screen.Target;
import dev.minisim.view.VElement;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Warms the tap path of the window once its first page is painted (issue #10, "a tap repaints
 * within one frame"): a window's first taps were ~7 ms slower than later ones, spent in code that
 * had not run yet — the interpreted JS of the handler and the re-render (GraalJS specialises each
 * node on its first runs) and the Java of the dispatch, the re-render and the paint (not yet
 * compiled by the JIT). Both are shared by every context of the process: the Engine keeps one copy
 * of the code of each source (the bootstrap, and each file of the mini-program: same name, same
 * text) for all its contexts, and the JIT's code is the process's.
 *
 * <p>So this runs the same mini-program a second time in a <em>throwaway</em> simulation of its
 * own — its own sandboxed context on the shared Engine, its own event loop on the simulated clock,
 * its own transcript that nobody reads — on a thread of its own, and taps the home page's
 * elements that have a tap handler, each followed by what a window's tap is followed by: the
 * re-render, the page's paint, the painted elements' paths and the view state. Nothing of it
 * reaches the window's session: not its JS context, data, transcript, console or timeline, not the
 * WebView (the paints are thrown away), not the network (no host is allowed, only the folder's
 * mocks answer), not the person (a prompt the throwaway opens has nobody to answer it: that run
 * ends, and the element is not tapped again). An element whose tap leaves the home page is not
 * tapped again either: what the warm-up is for is the taps that change the page in place.
 *
 * <p>It gives way to the person: a click on the page ({@link #personActed}) pauses it between two
 * of its taps until the window has been quiet for {@link #QUIET_MS}; one step is a few
 * milliseconds, so a click waits for no step (the session runs on its own thread) and shares the
 * two cores with at most one. It stops after {@link #MAX_TAPS} taps or {@link #CPU_BUDGET_MS} of
 * its thread's CPU, whichever comes first, and closes the throwaway context.
 */
final class TapWarmup implements AutoCloseable {

    /**
     * Taps of the throwaway page at most: 60 left the first real taps ~2 ms slower than warm, 300
     * made them as fast (docs/benchmarks.md, "Window, round 4"); after the launch a tap costs the
     * warm-up ~2-3 ms of CPU.
     */
    static final int MAX_TAPS = Integer.getInteger("minisim.tapWarmup.taps", 300);
    /** CPU time of the warm-up's thread at most. */
    static final long CPU_BUDGET_MS = Long.getLong("minisim.tapWarmup.cpuMs", 3000);
    /** How long the window must have been quiet (no click on the page) before the warm-up goes on. */
    static final long QUIET_MS = Long.getLong("minisim.tapWarmup.quietMs", 200);
    /** Taps on one page instance before it is launched again (a page that grows with each tap). */
    private static final int TAPS_PER_LAUNCH = 24;

    private final Path folder;
    private final String profile;
    private volatile long quietFrom;
    private volatile boolean closed;
    private volatile Simulation throwaway;
    private final java.util.concurrent.atomic.AtomicInteger taps = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger pauses = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.CountDownLatch over = new java.util.concurrent.CountDownLatch(1);
    private volatile long cpuUsedNanos = -1;
    private volatile long overAtMillis = -1;

    /** Whether windows warm their tap path ({@code -Dminisim.tapWarmup=false}: not, to measure what it is worth). */
    static boolean enabled() {
        return !"false".equals(System.getProperty("minisim.tapWarmup"));
    }

    /** Elements whose tap left the home page ({@link #where}): not tapped again. */
    private final Set<String> leaving = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final int maxTaps;
    private final long cpuBudgetMs;

    /** A warm-up of the mini-program in {@code folder}, run with wallet profile {@code profile} (not started). */
    TapWarmup(Path folder, String profile) {
        this(folder, profile, MAX_TAPS, CPU_BUDGET_MS);
    }

    /** With its own limits (tests: one that runs until closed). */
    TapWarmup(Path folder, String profile, int maxTaps, long cpuBudgetMs) {
        this.folder = folder;
        this.profile = profile;
        this.maxTaps = maxTaps;
        this.cpuBudgetMs = cpuBudgetMs;
    }

    /** Starts warming on a thread of its own (low priority). */
    TapWarmup start() {
        Thread t = new Thread(null, this::run, "minisim-tap-warmup", 16L * 1024 * 1024);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return this;
    }

    /** The person clicked or typed on the page (any thread): the warm-up waits until the window is quiet again. */
    void personActed() {
        quietFrom = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QUIET_MS);
    }

    /** Taps the throwaway page took so far. */
    int taps() {
        return taps.get();
    }

    /** How many times the warm-up waited for the person (tests). */
    int pauses() {
        return pauses.get();
    }

    /** Waits until the warm-up is over (tests); false when it is still running after {@code timeout}. */
    boolean awaitOver(Duration timeout) throws InterruptedException {
        return over.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What it did, for {@code bench --window}: taps, pauses, its thread's CPU time, when it ended. */
    String summary() {
        return String.format("tap warm-up: %d taps of a throwaway run, %d pauses for the person, %s ms of CPU, %s",
                taps.get(), pauses.get(), cpuUsedNanos < 0 ? "?" : String.valueOf(cpuUsedNanos / 1_000_000),
                overAtMillis < 0 ? "still running" : "over " + overAtMillis + " ms after JVM start");
    }

    private void run() {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : -1;
        try {
            warm();
        } catch (BadInputException | RuntimeException | StackOverflowError e) {
            // only a head start: whatever goes wrong in the throwaway run, the window's session
            // meets it (and reports it) on its own
        } finally {
            Simulation sim = throwaway;
            throwaway = null;
            if (sim != null) {
                sim.close();
            }
            if (cpuStart >= 0) {
                cpuUsedNanos = cpu.getCurrentThreadCpuTime() - cpuStart;
            }
            overAtMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            over.countDown();
        }
    }

    private void warm() throws BadInputException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : -1;
        while (!closed && taps.get() < maxTaps && withinBudget(cpu, cpuStart)) {
            if (!launchAndTap(cpu, cpuStart)) {
                return;
            }
        }
    }

    /** One throwaway run: launched, its pages tapped; false when it cannot go on (no tap found, a prompt, stopped). */
    private boolean launchAndTap(ThreadMXBean cpu, long cpuStart) throws BadInputException {
        waitForQuiet();
        MiniProgram program = MiniProgram.load(folder);
        // the window's own configuration, but no host allowed: the throwaway asks the network nothing
        RunConfig config = Scenario.withFolderConfig(RunConfig.defaults(), program.folder())
                .withProfile(WalletProfile.load(profile)).withAllowedHosts(Set.of());
        Simulation sim = new Simulation(program, new Simulation.Options(true, Duration.ofSeconds(5), 0.8), config);
        throwaway = sim;
        try {
            if (closed) {
                return false;
            }
            PagePaints paints = new PagePaints(sim, true);
            // the launch in steps, each one a few tens of ms at most, with the person first between them
            waitForQuiet();
            sim.start();
            waitForQuiet();
            sim.launch(program.homePage(), Map.of());
            waitForQuiet();
            sim.loop().settle();
            waitForQuiet();
            paints.paintTop();
            paints.lastPaths();
            int here = 0;
            int index = 0;
            while (!closed && !sim.loop().stopped() && here < TAPS_PER_LAUNCH && taps.get() < maxTaps && withinBudget(cpu, cpuStart)) {
                waitForQuiet();
                PageInstance top = sim.router().top();
                List<VElement> tappable = top == null ? List.of() : tappable(sim, top, leaving);
                if (tappable.isEmpty()) {
                    return here > 0;
                }
                VElement el = tappable.get(index++ % tappable.size());
                // what a click in the window runs on the session's thread: the dispatch and the
                // handler, the re-render it posts, the repaint (PhonePage.repaintNow), the state
                sim.screen().tap(Target.exactly(el));
                sim.loop().settle();
                waitForQuiet();
                paints.paintTop();
                paints.lastPaths();
                sim.viewState();
                taps.incrementAndGet();
                here++;
                if (sim.loop().stopped()) {
                    // it opened a prompt nobody answers here (which stops a run on the simulated
                    // clock): not tapped again, and the next launch goes on with the others
                    leaving.add(where(el));
                    return true;
                }
                PageInstance now = sim.router().top();
                if (now == null || now.id() != top.id()) {
                    // the tap left the home page: not tapped again (a new page is mostly what a
                    // navigation costs, not the tap path), and back to the home page, as the
                    // window's home button goes
                    leaving.add(where(el));
                    waitForQuiet();
                    sim.home();
                    waitForQuiet();
                    sim.loop().settle();
                    paints.paintTop();
                }
            }
            return !sim.loop().stopped();
        } finally {
            throwaway = null;
            sim.close();
        }
    }

    /** An element of the template, the same in each render and each launch: its file, line and text. */
    private static String where(VElement e) {
        return e.file() + ":" + e.line() + ":" + e.text();
    }

    /**
     * The page's elements with a tap handler, in document order (those of its components too), not
     * hidden, but for those whose tap left the page before.
     */
    private static List<VElement> tappable(Simulation sim, PageInstance top, Set<String> leaving) {
        List<VElement> out = new ArrayList<>();
        sim.screen().rendered(top.id()).ifPresent(root -> root.walk(e -> {
            if (!e.hidden() && e.bindings().stream().anyMatch(b -> b.event().equals("tap")) && !leaving.contains(where(e))) {
                out.add(e);
            }
        }));
        return out;
    }

    private boolean withinBudget(ThreadMXBean cpu, long cpuStart) {
        return cpuStart < 0 || cpu.getCurrentThreadCpuTime() - cpuStart < TimeUnit.MILLISECONDS.toNanos(cpuBudgetMs);
    }

    /**
     * Sleeps while the person is using the window (real time: this is the window's pace, not a
     * simulated clock); throws {@link java.util.concurrent.CancellationException} once closed.
     */
    private void waitForQuiet() {
        boolean waited = false;
        long wait;
        while (!closed && (wait = quietFrom - System.nanoTime()) > 0) {
            if (!waited) {
                waited = true;
                pauses.incrementAndGet();
            }
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
        if (closed) {
            // ends the warm-up between two steps (run() closes the throwaway)
            throw new java.util.concurrent.CancellationException("the window closed");
        }
    }

    /** Stops warming (the window closes or opens another folder); the throwaway closes on the warm-up's thread. */
    @Override
    public void close() {
        closed = true;
        Simulation sim = throwaway;
        if (sim != null) {
            // wakes a settle that waits for external work; the thread closes the context itself
            sim.loop().stop();
        }
    }
}
