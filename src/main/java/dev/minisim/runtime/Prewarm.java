package dev.minisim.runtime;

/**
 * Startup is where a JVM + GraalJS tool is judged. The first context of a process pays for the
 * Engine, the JS language's initialisation and parsing MiniSim's bootstrap; none of that depends
 * on the command line, so {@code main} starts it on a second thread while the first one parses
 * arguments, app.json and the scenario: it makes the first run's context ahead (see
 * {@link FreshContexts}), and the shared Engine keeps what it parsed for the real run.
 */
public final class Prewarm {

    private static boolean started;

    private Prewarm() {
    }

    public static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        // the first run's own context (the Engine, the realm, primordials, the bootstrap parsed)
        JsRuntime.prepareFirst();
        // meanwhile, here: the bootstrap's sources, which that thread needs only once the Engine and
        // the realm are made (before, this thread read them before starting it: ~50 ms of a cold
        // run's critical path, docs/benchmarks.md)
        JsRuntime.bootstrap();
    }
}
