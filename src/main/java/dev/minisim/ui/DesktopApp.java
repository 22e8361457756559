package dev.minisim.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop simulator window. Started by {@code open}; the views are in fxml/. */
public final class DesktopApp extends Application {

    private static volatile LiveSession early;
    private static volatile boolean exitAfterFirstFrame;
    private static volatile long firstFrameMillis = -1;
    private static volatile long homeShownMillis = -1;
    private static volatile long pagePaintedMillis = -1;
    private MainController controller;

    /**
     * Opens the window on {@code app} (a bundled sample when null); returns when it closes. With
     * {@code benchmarkOnly} it closes as soon as the first page is on screen.
     */
    public static void launch(Path app, boolean benchmarkOnly) {
        StartTiming.mark("launch");
        exitAfterFirstFrame = benchmarkOnly;
        BundledFonts.install();
        NativeLibraries.besideJar();
        StartTiming.mark("natives beside the jar");
        // the mini-program's JS runtime and app.js start now, on their own thread, while the
        // toolkit, the window and the WebView are made on this one; the window adopts the session
        early = LiveSession.early(app != null ? app : Samples.extract(Samples.DEFAULT), "default");
        Application.launch(DesktopApp.class);
    }

    /** Milliseconds from JVM start to the first page's data on screen (-1 before it). */
    public static long homeShownMillis() {
        return homeShownMillis;
    }

    /** Milliseconds from JVM start to the first page painted by the WebView on screen (-1 before it). */
    public static long pagePaintedMillis() {
        return pagePaintedMillis;
    }

    /** Milliseconds from JVM start to the window's first frame (-1 before it). */
    public static long firstFrameMillis() {
        return firstFrameMillis;
    }

    /** Loads main.fxml with its stylesheet and the painted page in the phone; the controller is the loader's. */
    static FXMLLoader load() throws IOException {
        FXMLLoader loader = loadWithoutPage();
        ((MainController) loader.getController()).showPage();
        ((MainController) loader.getController()).showPanels();
        return loader;
    }

    /** Loads main.fxml with its stylesheet; the painted page's WebView is not made yet ({@link MainController#showPage}). */
    private static FXMLLoader loadWithoutPage() throws IOException {
        BundledFonts.load();
        StartTiming.mark("fonts loaded");
        FXMLLoader loader = new FXMLLoader(DesktopApp.class.getResource("/fxml/main.fxml"));
        loader.load();
        Parent root = loader.getRoot();
        root.getStylesheets().add(DesktopApp.class.getResource("/fxml/minisim.css").toExternalForm());
        return loader;
    }

    @Override
    public void start(Stage stage) throws IOException {
        StartTiming.mark("Application.start");
        FXMLLoader loader = loadWithoutPage();
        StartTiming.mark("main.fxml loaded");
        controller = loader.getController();
        controller.attach(stage);
        // the session starts its JS runtime on its own thread first, then this thread makes the
        // WebView (open() does both): the two largest costs of the start overlap on two cores
        stage.setTitle("MiniSim");
        controller.adopt(early);
        StartTiming.mark("session adopted, page shown");
        stage.setScene(new Scene(loader.getRoot(), 1280, 860));
        stage.show();
        StartTiming.mark("stage shown");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        new AnimationTimer() {
            private boolean panelsShown;

            @Override
            public void handle(long now) {
                if (firstFrameMillis < 0) {
                    StartTiming.mark("first frame");
                    firstFrameMillis = System.currentTimeMillis() - jvmStart;
                }
                if (homeShownMillis < 0 && (!controller.model().methods().isEmpty() || !controller.model().route().get().isEmpty())) {
                    homeShownMillis = System.currentTimeMillis() - jvmStart;
                }
                // the WebView has drawn the home page's paint (its future completes two pulses after)
                if (pagePaintedMillis < 0 && controller.phonePage().view().drawn()) {
                    StartTiming.mark("first page painted");
                    StartTiming.over();
                    pagePaintedMillis = System.currentTimeMillis() - jvmStart;
                }
                // the developer panels are drawn after the first page (from the next pulse on); or
                // when the session failed, or a second after the page's data came without a paint,
                // so a mini-program that never paints still shows its console
                if (!panelsShown && (pagePaintedMillis >= 0 || !controller.model().status().get().isEmpty()
                        || homeShownMillis >= 0 && System.currentTimeMillis() - jvmStart - homeShownMillis > 1000)) {
                    panelsShown = true;
                    controller.showPanelsLater();
                }
                if (homeShownMillis >= 0 && pagePaintedMillis >= 0 && panelsShown) {
                    stop();
                    // the first page is on screen: the tap path warms while the person reads it
                    controller.warmTaps();
                    lastWarmup = controller.warmup();
                    if (exitAfterFirstFrame && benchTaps > 0) {
                        tapAgain(0);
                    } else if (exitAfterFirstFrame) {
                        Platform.exit();
                    }
                }
            }
        }.start();
    }

    /**
     * {@code bench --window --taps N}: after the first page is painted, clicks the painted element
     * with text {@code text} {@code n} times (a click in the WebView, so it takes the person's path:
     * page.js, the message, the dispatch, the handler, the repaint), each once the previous one's
     * repaint is drawn and the window is idle again; {@link #tapTimes()} then holds each tap's steps.
     */
    public static void benchTaps(int n, String text) {
        benchTaps(n, text, 300);
    }

    /** As {@link #benchTaps(int, String)}, the first click {@code firstAfterMs} after the first page is painted (the others 300 ms apart). */
    public static void benchTaps(int n, String text, long firstAfterMs) {
        benchTaps = n;
        benchTapText = text;
        benchFirstTapAfter = firstAfterMs;
    }

    /** What the window's tap warm-up did ({@link TapWarmup}), for {@code bench --window}; empty when none ran. */
    public static String warmupSummary() {
        TapWarmup w = lastWarmup;
        return w == null ? "" : w.summary();
    }

    /** Each benchmark tap's way to the screen, one line per tap (its steps in ms after the click). */
    public static java.util.List<String> tapTimes() {
        return java.util.List.copyOf(tapTimes);
    }

    /**
     * The benchmark taps' figures, ms: per span the median and the 90th percentile (nearest rank)
     * of the taps — click to the pulse that draws the patch (the frame that shows the tap), click
     * to that frame rendered, click to the patch, and the stages between; empty before any tap.
     */
    public static String tapMedians() {
        java.util.List<PhonePage.TapClock> taps = java.util.List.copyOf(tapClocks);
        if (taps.isEmpty()) {
            return "";
        }
        long atOnce = taps.stream().filter(t -> t.pulsedAtOnce).count();
        return String.format("%d taps, median / p90 ms: click to its pulse %s, click to frame rendered %s, click to on screen %s;"
                + " click to patched %s (click to setData %s, setData to repaint task %s, paint %s, to the FX thread %s, patch %s),"
                + " patched to its pulse %s, its pulse (run at once) %s, pulse over to frame rendered %s, rendered to on screen %s;"
                + " pulse at once after the patch in %d of %d", taps.size(),
                stat(taps, t -> t.pulse == 0 ? -1 : t.pulse - t.clicked), stat(taps, t -> t.drawn - t.clicked),
                stat(taps, t -> t.onScreen == 0 ? -1 : t.onScreen - t.clicked),
                stat(taps, t -> t.patched - t.clicked), stat(taps, t -> t.setData - t.clicked),
                stat(taps, t -> t.repaint - t.setData), stat(taps, t -> t.painted - t.repaint),
                stat(taps, t -> t.shown - t.painted), stat(taps, t -> t.patched - t.shown),
                stat(taps, t -> t.pulse == 0 ? -1 : t.pulse - t.patched),
                stat(taps, t -> !t.pulsedAtOnce ? -1 : t.pulseOver - t.pulse),
                stat(taps, t -> !t.pulsedAtOnce ? -1 : t.drawn - t.pulseOver),
                stat(taps, t -> t.onScreen == 0 ? -1 : t.onScreen - t.drawn), atOnce, taps.size());
    }

    /** "median / p90" of {@code span} (ns; negative: not measured) over the taps, in ms. */
    private static String stat(java.util.List<PhonePage.TapClock> taps, java.util.function.ToLongFunction<PhonePage.TapClock> span) {
        long[] v = taps.stream().filter(t -> t.setData != 0).mapToLong(span).filter(x -> x >= 0).sorted().toArray();
        if (v.length == 0) {
            return "-";
        }
        double median = (v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0) / 1e6;
        double p90 = v[Math.max(0, (int) Math.ceil(0.9 * v.length) - 1)] / 1e6;
        return String.format("%.1f / %.1f", median, p90);
    }

    private static final java.util.List<PhonePage.TapClock> tapClocks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static volatile int benchTaps;
    private static volatile String benchTapText = "";
    private static volatile long benchFirstTapAfter = 300;
    private static volatile TapWarmup lastWarmup;
    private static final java.util.List<String> tapTimes = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void tapAgain(int done) {
        if (done >= benchTaps) {
            Platform.exit();
            return;
        }
        PhonePage page = controller.phonePage();
        java.util.concurrent.CompletableFuture<PhonePage.TapClock> drawn = page.nextTapDrawn();
        // a pause first: the previous tap's repaint and the panels' updates are over, as between a person's clicks
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
                javafx.util.Duration.millis(done == 0 ? benchFirstTapAfter : 300));
        // the click as a person makes it: the mouse pressed and released over the element (glass's
        // robot; the WebView, WebKit, page.js), outside any pulse, as input events come
        settle.setOnFinished(e -> Platform.runLater(() -> {
            Object where = page.view().script("(function (t) { var hit = null;"
                    + " document.querySelectorAll('[ms-id]').forEach(function (e) { if (e.textContent.indexOf(t) >= 0) { hit = e; } });"
                    + " if (!hit) { return ''; } var r = hit.getBoundingClientRect();"
                    + " return (r.left + r.width / 2) + ',' + (r.top + r.height / 2); })(" + quoted(benchTapText) + ")");
            String at = where instanceof String w ? w : "";
            if (at.isEmpty()) {
                tapTimes.add("no painted element with the text " + benchTapText);
                Platform.exit();
                return;
            }
            String[] xy = at.split(",");
            javafx.geometry.Point2D screen = page.view().node().localToScreen(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
            javafx.scene.robot.Robot robot = new javafx.scene.robot.Robot();
            robot.mouseMove(screen);
            robot.mouseClick(javafx.scene.input.MouseButton.PRIMARY);
            drawn.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).whenComplete((t, failure) -> Platform.runLater(() -> {
                if (failure != null) {
                    tapTimes.add("the tap's repaint was not drawn within 20 s");
                    Platform.exit();
                    return;
                }
                tapTimes.add(t.toString());
                tapClocks.add(t);
                tapAgain(done + 1);
            }));
        }));
        settle.play();
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == ' ' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.append('\'').toString();
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.close();
        }
    }
}
