package dev.minisim.runtime;

import org.graalvm.polyglot.Context;

/**
 * Startup is where a JVM + GraalJS tool is judged. The first context of a process pays for the
 * Engine, the JS language's initialisation and parsing MiniSim's bootstrap; none of that depends
 * on the command line, so {@code main} starts it on a second thread while the first one parses
 * arguments, app.json and the scenario. The shared Engine keeps what it parsed for the real run.
 */
public final class Prewarm {

    private static volatile Thread thread;

    private Prewarm() {
    }

    public static synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(() -> {
            try (Context c = Sandbox.newContext()) {
                JsRuntime.parseBootstrap(c);
                c.eval("js", "JSON.parse(JSON.stringify({a: [1, 'b']})); new Promise((r) => r(1)).then(String)");
            } catch (RuntimeException e) {
                // only a head start: the real run reports whatever is wrong
            }
        }, "minisim-prewarm");
        thread.setDaemon(true);
        thread.start();
    }
}
