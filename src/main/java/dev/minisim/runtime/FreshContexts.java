package dev.minisim.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * New JS contexts made ahead, on a second thread, while the current run plays (issue #11: the
 * context, the JS realm and the bootstrap are most of a warm scenario run's fixed cost, and the
 * machine has a second core). What is made ahead is exactly what {@link JsRuntime} would make
 * first: a context built by {@link Sandbox}, the internal {@code rt} object, and the whole
 * bootstrap run in it, against an empty stand-in for the host; the run's host is bound later,
 * once, by {@code rt.bindHost} (setup.js), before any mini-program code.
 *
 * <p>Never more than one context waits, and each is handed out once: every run still gets a
 * context no page code has ever run in. Owner thread: a context is made on the helper thread and
 * then used by the run's thread alone (GraalJS allows a context on one thread at a time).
 */
final class FreshContexts {

    /** A context with the internal object and the bootstrap, its host not yet bound. */
    record Fresh(Context context, Value rt) {
    }

    private static final ExecutorService MAKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "minisim-context-ahead");
        t.setDaemon(true);
        return t;
    });

    /** The one context being made or waiting; null when none was asked for. */
    private static CompletableFuture<Fresh> next;
    /** Whether taking one starts making the next (a suite of runs), or it was a one-off (a cold run). */
    private static boolean keepOneAhead;
    /** How many contexts made ahead were handed out (for tests). */
    static final java.util.concurrent.atomic.AtomicInteger TAKEN_AHEAD = new java.util.concurrent.atomic.AtomicInteger();

    private FreshContexts() {
    }

    /** Starts making one context for the next {@link JsRuntime}; {@code keep}: and one after each taken. */
    static synchronized void ahead(boolean keep) {
        if ("false".equals(System.getProperty("minisim.contextAhead"))) {
            return; // to measure what it is worth (docs/benchmarks.md)
        }
        keepOneAhead |= keep;
        if (next == null) {
            next = CompletableFuture.supplyAsync(FreshContexts::make, MAKER);
        }
    }

    /** The context made ahead (waiting for it if it is being made), or a new one made here. */
    static Fresh take() {
        CompletableFuture<Fresh> f;
        synchronized (FreshContexts.class) {
            f = next;
            next = keepOneAhead ? CompletableFuture.supplyAsync(FreshContexts::make, MAKER) : null;
        }
        if (f != null) {
            try {
                Fresh made = f.join();
                TAKEN_AHEAD.incrementAndGet();
                return made;
            } catch (RuntimeException e) {
                // only a head start: make it here, where a real problem is reported
            }
        }
        return make();
    }

    static Fresh make() {
        Context context = Sandbox.newContext();
        try {
            // no prototype: nothing a page puts on Object.prototype can shadow a missing entry point
            Value rt = context.eval("js", "Object.create(null)");
            // stands for the run's host until rt.bindHost (setup.js); only the bootstrap holds it
            Value lateHost = context.eval("js", "Object.create(null)");
            java.util.List<Source> bootstrap = JsRuntime.bootstrap();
            context.eval(bootstrap.get(0)).execute(null, rt);
            for (int i = 1; i < bootstrap.size(); i++) {
                context.eval(bootstrap.get(i)).execute(lateHost, rt);
            }
            return new Fresh(context, rt);
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }
}
