package dev.minisim.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.paint.PaintedPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * The phone's page: a WebView that draws the painted page ({@link PaintedPage}). A new page loads
 * a new document; a repaint of the same page patches only the elements that changed, keeping the
 * scroll position and the field being typed in. The WebView's JavaScript is MiniSim's own event
 * plumbing ({@code page.js}): the mini-program's scripts never run here; what the person does
 * arrives as a message (through the engine's alert handler, so no Java object is ever exposed to
 * the page) and goes to {@link Actions}. FX thread only.
 */
public final class PageWebView {

    /** What the person did to a painted element (by its {@code ms-id}). */
    public interface Actions {
        void act(String kind, int id, Object value);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebView web;
    private final WebEngine engine;
    private PaintedPage shown;
    private CompletableFuture<Void> loading = CompletableFuture.completedFuture(null);
    private java.util.function.Consumer<String> inspected = id -> { };
    private long patchPulse;
    private volatile long patchRendered;
    private boolean pulsedAtOnce;
    /** CSS after the page's: for {@code shot}, transitions and animations end at once. */
    private String lastCss = "";
    private volatile long lastRelease;
    private long patchedAt;
    private long pulseOver;

    public PageWebView(Actions actions) {
        StartTiming.mark("new WebView");
        web = new WebView();
        engine = web.getEngine();
        StartTiming.mark("WebView created");
        web.setContextMenuEnabled(false);
        // the click's own time: WebKit makes its click of the button's release, which this sees first
        web.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> lastRelease = System.nanoTime());
        engine.setJavaScriptEnabled(true);
        engine.setOnAlert(e -> {
            String data = e.getData();
            if (data != null && data.startsWith("minisim-inspect:")) {
                String id = data.substring("minisim-inspect:".length());
                inspected.accept(id.isEmpty() ? null : id);
            } else if (data != null && data.startsWith("minisim:")) {
                try {
                    JsonNode msg = JSON.readTree(data.substring("minisim:".length()));
                    Object value = JSON.treeToValue(msg.path("value"), Object.class);
                    actions.act(msg.path("kind").asText(), msg.path("id").asInt(-1), value);
                } catch (JsonProcessingException ex) {
                    // not our message: ignored
                }
            }
        });
        engine.getLoadWorker().stateProperty().addListener((o, a, b) -> {
            if (b == Worker.State.SUCCEEDED || b == Worker.State.FAILED || b == Worker.State.CANCELLED) {
                StartTiming.mark("WebView loaded " + b);
                CompletableFuture<Void> f = loading;
                afterPulses(2).thenRun(() -> f.complete(null));
            }
        });
    }

    /** The node to put in the phone. */
    public Node node() {
        return web;
    }

    /** The width the page is laid out at (the device's screen width). */
    public void width(double px) {
        web.setMinWidth(px);
        web.setPrefWidth(px);
        web.setMaxWidth(px);
    }

    /**
     * Shows a paint: patches the document when it is the same page with the same styles, else loads
     * the new document. The future completes when the WebView has drawn it.
     */
    public CompletableFuture<Void> show(PaintedPage page) {
        return show(page, true);
    }

    /**
     * {@link #show(PaintedPage)}; with {@code drawn} false a patch's future completes as soon as
     * the document holds it (layout queries read the document, which lays itself out when asked,
     * not the frame drawn from it), a new document's once it has loaded.
     */
    public CompletableFuture<Void> show(PaintedPage page, boolean drawn) {
        Optional<List<PaintedPage.Patch>> patches = page.patchesFrom(shown);
        if (patches.isPresent() && loading.isDone()) {
            shown = page;
            if (!patches.get().isEmpty()) {
                List<Object> list = new ArrayList<>();
                for (PaintedPage.Patch p : patches.get()) {
                    list.add(p.attrsOnly() ? java.util.Map.of("id", p.id(), "html", p.html(), "attrs", true)
                            : java.util.Map.of("id", p.id(), "html", p.html()));
                }
                try {
                    Object missing = engine.executeScript("minisim.patch(" + JSON.writeValueAsString(list) + ")");
                    if (missing instanceof Number n && n.intValue() > 0) {
                        return load(page);
                    }
                    patchedAt = System.nanoTime();
                } catch (JsonProcessingException | RuntimeException e) {
                    if (Boolean.getBoolean("minisim.debugPaint")) {
                        System.err.println("paint: patch failed: " + e);
                    }
                    return load(page);
                }
                if (!drawn) {
                    return CompletableFuture.completedFuture(null);
                }
                return framed();
            }
            if (!drawn) {
                return CompletableFuture.completedFuture(null);
            }
            return afterPulses(1);
        }
        return load(page);
    }

    /**
     * The frame that shows a patch: a pulse at once ({@link FramePulse#now}: WebKit's render
     * queues for the patched area, the scene's sync, the frame handed to the render thread), not
     * at the toolkit's next tick. The future completes (on the FX thread) once the render thread
     * has rendered that frame; where that cannot be known, at the start of the next pulse.
     */
    private CompletableFuture<Void> framed() {
        CompletableFuture<Void> drawn = new CompletableFuture<>();
        // once the pulse that draws the patch is over, its frame is the render thread's: a mark
        // queued behind it there tells when that frame is rendered
        Runnable mark = () -> {
            boolean marked = FramePulse.afterRendered(() -> {
                patchRendered = System.nanoTime();
                javafx.application.Platform.runLater(() -> drawn.complete(null));
            });
            if (!marked) {
                afterPulses(1).thenRun(() -> {
                    patchRendered = System.nanoTime();
                    drawn.complete(null);
                });
            }
        };
        boolean[] inPulseNow = {false};
        boolean[] pulsed = {false};
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                patchPulse = System.nanoTime();
                pulsed[0] = true;
                if (!inPulseNow[0]) {
                    // the toolkit's own pulse: its frame is handed over when the pulse ends
                    javafx.application.Platform.runLater(mark);
                }
            }
        }.start();
        inPulseNow[0] = true;
        pulsedAtOnce = FramePulse.now() && pulsed[0];
        inPulseNow[0] = false;
        pulseOver = System.nanoTime();
        if (pulsedAtOnce) {
            mark.run();
        } else if (pulsed[0]) {
            javafx.application.Platform.runLater(mark);
        }
        return drawn;
    }

    /**
     * {@link System#nanoTime} at the start of the pulse that drew the last patch (the first pulse
     * after it: its frame shows the patch).
     */
    long patchPulse() {
        return patchPulse;
    }

    /** {@link System#nanoTime} when the render thread had rendered the frame with the last patch. */
    long patchRendered() {
        return patchRendered;
    }

    /** {@link System#nanoTime} when the last patch was in the document. */
    long patchedAt() {
        return patchedAt;
    }

    /** {@link System#nanoTime} when {@link #show} returned after the last patch (its pulse, when run at once, is over). */
    long pulseOver() {
        return pulseOver;
    }

    /** {@link System#nanoTime} of the last mouse button release on the page (0: none yet). */
    long lastRelease() {
        return lastRelease;
    }

    /**
     * Still frames, for screenshots that must come out the same every time ({@code shot}): CSS
     * transitions and animations jump to where they end, so a PNG taken right after a tap never
     * catches a fade half-way (as screenshot tools for web UI tests do). The window keeps them.
     */
    void stillFrames() {
        lastCss = "*, *::before, *::after { transition: none !important; animation-duration: 0s !important;"
                + " animation-delay: 0s !important; animation-iteration-count: 1 !important; }";
    }

    /** Whether the last patch's pulse ran at once ({@link FramePulse#now}) rather than at the toolkit's tick. */
    boolean pulsedAtOnce() {
        return pulsedAtOnce;
    }

    private CompletableFuture<Void> load(PaintedPage page) {
        if (Boolean.getBoolean("minisim.debugPaint")) {
            System.err.println("paint: load " + page.route() + " (had " + (shown == null ? null : shown.route()) + ", loading done " + loading.isDone() + ")");
        }
        StartTiming.mark("WebView load " + page.route());
        shown = page;
        loading = new CompletableFuture<>();
        engine.loadContent(page.document(lastCss), "text/html");
        return loading;
    }

    /**
     * Who hears the inspector's picker ({@code inspect.js}): the {@code ms-id} of the element under
     * the mouse, or null when the mouse left the page.
     */
    void onInspected(java.util.function.Consumer<String> listener) {
        this.inspected = listener;
    }

    /** Runs MiniSim's own script in the page (null when no document is loaded yet). */
    Object script(String js) {
        try {
            return engine.executeScript(js);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether a page with a route has been drawn (not only loaded): the first painted page is on screen. */
    boolean drawn() {
        return shown != null && !shown.route().isEmpty() && loading.isDone();
    }

    /** The page shown now (null before the first). */
    public PaintedPage shown() {
        return shown;
    }

    /**
     * The layout of painted elements, for layout queries: per id {@code [left, top, right, bottom,
     * width, height, scrollLeft, scrollTop, scrollWidth, scrollHeight]} in CSS px, or null when the
     * element is not in the document.
     */
    public List<double[]> rects(List<Integer> ids) {
        List<double[]> out = new ArrayList<>();
        try {
            Object json = engine.executeScript("minisim.rects(" + JSON.writeValueAsString(ids) + ")");
            JsonNode arr = JSON.readTree(String.valueOf(json));
            for (JsonNode r : arr) {
                if (r.isNull()) {
                    out.add(null);
                } else {
                    double[] v = new double[r.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = r.get(i).asDouble();
                    }
                    out.add(v);
                }
            }
        } catch (JsonProcessingException | RuntimeException e) {
            ids.forEach(id -> out.add(null));
        }
        return out;
    }

    /**
     * The computed value of each CSS property {@code names} (CSS spelling) of painted element
     * {@code id}, as the automation protocol's {@code getStyles} reads them; null when the element
     * is not in the document. A component's host without a box of its own reads its first child,
     * as {@link #rects} does.
     */
    public List<String> styles(int id, List<String> names) {
        try {
            Object json = engine.executeScript("(function (id, names) {"
                    + " var el = document.querySelector('[ms-id=\"' + id + '\"]');"
                    + " if (!el) { return null; }"
                    + " if (el.getAttribute('ms-host') !== null && el.firstElementChild && getComputedStyle(el).display === 'contents') {"
                    + " el = el.firstElementChild; }"
                    + " var s = getComputedStyle(el), out = [];"
                    + " for (var i = 0; i < names.length; i++) { out.push(s.getPropertyValue(names[i])); }"
                    + " return JSON.stringify(out); })(" + id + ", " + JSON.writeValueAsString(names) + ")");
            if (json == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (JsonNode v : JSON.readTree(String.valueOf(json))) {
                out.add(v.asText());
            }
            return out;
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /** Completes after {@code n} frames have been drawn (the WebView paints on pulses). */
    static CompletableFuture<Void> afterPulses(int n) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames >= n) {
                    stop();
                    f.complete(null);
                }
            }
        }.start();
        return f;
    }
}
