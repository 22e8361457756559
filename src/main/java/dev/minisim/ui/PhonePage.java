package dev.minisim.ui;

import dev.minisim.app.Simulation;
import dev.minisim.paint.PaintedPage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * The painted page in the phone, tied to a running simulation: in the window it repaints after
 * every change of what is on screen (each navigation, setData, lifecycle, prompt), and sends what
 * the person does on the page back as taps, typing and changes; for {@code shot} it paints when a
 * screenshot is taken. One model, two faces: the rendered tree stays the truth, the WebView only
 * draws it.
 */
public final class PhonePage {

    /** Events after which what the page shows may have changed. */
    private static final Set<String> STATEFUL = Set.of("navigate", "setData", "lifecycle", "prompt", "decision", "end", "event");

    /** Made on first use (FX thread): a session can attach and start its JS runtime before the WebView exists. */
    private volatile PageWebView view;
    private PaintedInspector inspector;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Simulation sim;
    private volatile PagePaints paints;
    private volatile boolean live;
    /** When the person's last tap arrived (nanoTime; 0: none waiting for its repaint), for {@code -Dminisim.paintTiming}. */
    private volatile long tapAt;
    private final javafx.beans.property.BooleanProperty refreshing = new javafx.beans.property.SimpleBooleanProperty(false);

    /** The page's node (FX thread). */
    public Node node() {
        return view().node();
    }

    /** The simulation it follows (tests). */
    Simulation simulation() {
        return sim;
    }

    /** The inspector the WXML panel points at the painted page with (FX thread). */
    PaintedInspector inspector() {
        view();
        return inspector;
    }

    /**
     * The WebView's side, for layout queries and tests (FX thread). Created on the first call:
     * WebKit's start is the window's single largest cost, so the window makes it while the
     * session's JS runtime starts on its own thread.
     */
    public PageWebView view() {
        if (view == null) {
            view = new PageWebView(this::act);
            inspector = new PaintedInspector(view);
        }
        return view;
    }

    /** Whether the WebView exists yet (any thread; the window's start-up measures it). */
    boolean hasView() {
        return view != null;
    }

    /**
     * Follows a simulation; call on its runtime thread before it launches.
     *
     * @param live repaint by itself after changes and accept the person's clicks (the window);
     *             false: paint only in {@link #paintAndWait} (screenshots of a headless run)
     */
    public void attach(Simulation simulation, boolean live) {
        PagePaints p = new PagePaints(simulation);
        this.sim = simulation;
        this.paints = p;
        this.live = live;
        Platform.runLater(() -> view().width(p.screenWidth()));
        if (live) {
            simulation.screen().layout(this::layout);
            simulation.events().subscribe(e -> {
                refresh(e);
                if (STATEFUL.contains(e.type())) {
                    repaintSoon(simulation, p);
                }
            });
        }
    }

    /**
     * Whether the pull-down refresh indicator shows: from the page's {@code onPullDownRefresh} (a
     * pull, or {@code startPullDownRefresh}) until it calls {@code stopPullDownRefresh} or another
     * page shows. FX thread.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty refreshing() {
        return refreshing;
    }

    private void refresh(dev.minisim.events.Event e) {
        Boolean on = switch (e.type()) {
            case "lifecycle" -> "onPullDownRefresh".equals(e.get("hook")) ? Boolean.TRUE : null;
            case "ui" -> "startPullDownRefresh".equals(e.get("kind")) ? Boolean.TRUE
                    : "stopPullDownRefresh".equals(e.get("kind")) ? Boolean.FALSE : null;
            case "navigate" -> Boolean.FALSE;
            default -> null;
        };
        if (on != null) {
            Platform.runLater(() -> refreshing.set(on));
        }
    }

    /**
     * A repaint two tasks later: the re-render a setData posts may come after the event that asked
     * for this repaint, and runs before the second hop.
     */
    private void repaintSoon(Simulation simulation, PagePaints p) {
        if (pending.compareAndSet(false, true)) {
            simulation.loop().post(() -> simulation.loop().post(() -> {
                pending.set(false);
                if (paints != p) {
                    return;
                }
                try {
                    StartTiming.mark("repaint task");
                    PaintedPage page = p.paintTop();
                    StartTiming.mark("page painted (html)");
                    PaintedPaths paths = p.lastPaths();
                    // problems of the page's stylesheets, once each (the window only: a headless
                    // run paints nothing, so its transcript has none of these)
                    for (String w : page.warnings()) {
                        if (reported.add(w)) {
                            simulation.warning("stylesheet: " + w, w.substring(0, Math.max(0, w.indexOf(": "))));
                        }
                    }
                    Platform.runLater(() -> view().show(page).thenRun(() -> {
                        inspector.drawn(paths);
                        timed(page);
                    }));
                } catch (RuntimeException e) {
                    simulation.warning("internal simulator error while painting the page: " + e, null);
                }
            }));
        }
    }

    /** Paints the top page now and waits until the WebView has drawn it (runtime thread; screenshots). */
    public void paintAndWait() throws Exception {
        PagePaints p = paints;
        if (p == null) {
            return;
        }
        PaintedPage page = p.paintTop();
        dump(page);
        FxPlatform.call(() -> view().show(page)).get(30, TimeUnit.SECONDS);
    }

    /** {@code -Dminisim.paintDump=DIR}: each painted document also goes to DIR (to see what the WebView got). */
    private static void dump(PaintedPage page) {
        String dir = System.getProperty("minisim.paintDump");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            java.nio.file.Path out = java.nio.file.Path.of(dir);
            java.nio.file.Files.createDirectories(out);
            java.nio.file.Files.writeString(out.resolve(page.route().replace('/', '_') + ".html"), page.document());
        } catch (java.io.IOException e) {
            System.err.println("minisim: cannot write the painted page to " + dir + ": " + e.getMessage());
        }
    }

    /** {@code -Dminisim.paintTiming}: how long a tap took to be drawn (the tap's message to the repaint's second frame). */
    private void timed(PaintedPage page) {
        long at = tapAt;
        if (at != 0 && Boolean.getBoolean("minisim.paintTiming")) {
            tapAt = 0;
            System.err.printf("paint timing: tap to repaint drawn %.1f ms (%s)%n", (System.nanoTime() - at) / 1e6, page.route());
        }
    }

    private void act(String kind, int id, Object value) {
        if (kind.equals("tap")) {
            tapAt = System.nanoTime();
        }
        Simulation s = sim;
        PagePaints p = paints;
        if (!live || s == null || p == null) {
            return;
        }
        s.loop().post(() -> p.act(kind, id, value));
    }

    /**
     * Layout queries of the window's page (runtime thread): the page painted as it is now, then
     * each element's box as the WebView laid it out.
     */
    private List<double[]> layout(int pageId, List<dev.minisim.view.VElement> elements) {
        PagePaints p = paints;
        List<double[]> none = new java.util.ArrayList<>(java.util.Collections.nCopies(elements.size(), (double[]) null));
        if (p == null) {
            return none;
        }
        PaintedPage page = p.paintTop();
        if (page.pageKey() != pageId) {
            return none;
        }
        try {
            FxPlatform.call(() -> view().show(page)).get(10, TimeUnit.SECONDS);
            List<Integer> ids = elements.stream().map(e -> page.idOf(e).orElse(-1)).toList();
            return FxPlatform.call(() -> view().rects(ids));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return none;
        } catch (Exception e) {
            return none;
        }
    }

    /** The layout of painted elements (FX thread); see {@link PageWebView#rects}. */
    public List<double[]> rects(List<Integer> ids) {
        return view().rects(ids);
    }
}
