package dev.minisim.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Starting JavaFX. With no display, the window is rendered off screen by Monocle's headless
 * platform (software rendering), which screenshots and CI need; this must be decided before the
 * toolkit starts.
 */
public final class FxPlatform {

    private static boolean started;
    /** Held: the logging framework keeps loggers weakly, and a collected one forgets its level. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private FxPlatform() {
    }

    /** JavaFX logs a warning when it runs from the classpath, as a shaded jar does; it is harmless. */
    public static void quietClasspathWarning() {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    public static boolean hasDisplay() {
        String d = System.getenv("DISPLAY");
        return d != null && !d.isBlank() || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /** Uses Monocle headless unless there is a display (or a platform was chosen already). */
    public static void headlessUnlessDisplay() {
        if (!hasDisplay() && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("java.awt.headless", "true");
            // Monocle's virtual screen must hold the whole window (1280x860)
            System.setProperty("headless.geometry", "1920x1200-32");
        }
    }

    /** Starts the toolkit once (for screenshots); later calls do nothing. */
    public static synchronized void startup() throws InterruptedException {
        if (started) {
            return;
        }
        quietClasspathWarning();
        headlessUnlessDisplay();
        BundledFonts.install();
        NativeLibraries.besideJar();
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        Platform.setImplicitExit(false);
        if (!up.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start within 30 s");
        }
        started = true;
    }

    /** The toolkit's thread while JavaFX runs, else null; asks nothing of JavaFX itself. */
    static Thread runningToolkitThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if ("JavaFX Application Thread".equals(t.getName()) && t.isAlive()) {
                return t;
            }
        }
        return null;
    }

    /**
     * Ends JavaFX as an application does (Platform.exit, then its thread finishes, at most 10 s),
     * before the JVM exits: a process that exits with WebKit pages still painting and firing their
     * timers while the JVM unloads native libraries can die with "Aborted" (one test JVM did, after
     * all its tests had passed). Does nothing when JavaFX is not running.
     */
    public static void shutdown() {
        Thread fx = runningToolkitThread();
        if (fx == null) {
            return;
        }
        Platform.exit();
        try {
            fx.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code body} on the FX thread and waits for it. */
    public static <T> T call(java.util.concurrent.Callable<T> body) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return body.call();
        }
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(body.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
