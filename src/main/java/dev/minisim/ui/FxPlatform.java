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
            // Monocle's virtual screen holds the whole window (1280x860), and no more: every frame
            // is copied into that screen, which is first cleared where the window does not cover
            // it (a 1920x1200 screen cost a 9 MB clear per frame on the FX thread)
            System.setProperty("headless.geometry", "1280x860-32");
        }
        noRegionImageCache();
    }

    /**
     * The software renderer draws region backgrounds directly, not from Prism's region image cache
     * (unless {@code prism.disableRegionCaching} was set by the user). The cache renders a
     * background of several fills (modena's split pane, tree, list: a border colour and an inner
     * colour) once into a small image and stretches it as nine slices over the region at every
     * repaint: cheap on a GPU, but in software the stretched centre costs as much as the whole
     * region even when only a small part of it is being repainted (a label in the panels, under the
     * split pane's background). Drawn directly, those backgrounds are clipped rectangle fills. A
     * tap's frame was rendered ~14 ms after its pulse with the cache and ~8 ms without
     * (docs/notes-issue-tapframe3.md). Only for the software pipeline ({@code prism.order=sw}, as
     * headless runs are); must run before the toolkit starts.
     */
    static void noRegionImageCache() {
        if ("sw".equals(System.getProperty("prism.order")) && System.getProperty("prism.disableRegionCaching") == null) {
            System.setProperty("prism.disableRegionCaching", "true");
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
