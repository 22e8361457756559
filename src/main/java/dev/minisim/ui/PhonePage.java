package dev.minisim.ui;

import dev.minisim.app.Simulation;
import dev.minisim.paint.PaintedPage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
    /** The repaint asked for and not made yet (0: none); each request has its own number. */
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    private final Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Simulation sim;
    private volatile PagePaints paints;
    private volatile boolean live;
    /** The person's last tap on its way to the screen (null: none waiting for its repaint). */
    private volatile TapClock tap;
    private volatile java.util.concurrent.CompletableFuture<TapClock> nextTapDrawn = new java.util.concurrent.CompletableFuture<>();
    /** Told of each act of the person on the page before it is sent (the tap warm-up gives way); may be null. */
    private volatile Runnable beforeAct;
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
        PagePaints p = new PagePaints(simulation, live);
        this.sim = simulation;
        this.paints = p;
        this.live = live;
        pending.set(0); // a repaint asked for by a closed simulation never comes
        Platform.runLater(() -> view().width(p.screenWidth()));
        if (live) {
            simulation.screen().layout(this::layout);
            // a setData's re-render task ends with the repaint it asked for (not one task later)
            simulation.screen().afterRender(() -> {
                int id = pending.get();
                if (id != 0 && paints == p && pending.compareAndSet(id, 0)) {
                    repaintNow(simulation, p);
                }
            });
            simulation.events().subscribe(e -> {
                TapClock t = tap;
                if (t != null && t.setData == 0 && e.type().equals("setData")) {
                    t.setData = System.nanoTime();
                }
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
     * for this repaint, and runs before the second hop. When a re-render task runs first (a
     * setData's), it makes the repaint at its end ({@code Screen.afterRender}) and this request's
     * task finds it made; a task of an older request never makes a newer one (it could run before
     * the newer one's re-render).
     */
    private void repaintSoon(Simulation simulation, PagePaints p) {
        if (pending.get() == 0) {
            int id = requests.updateAndGet(n -> n == Integer.MAX_VALUE ? 1 : n + 1);
            pending.set(id);
            simulation.loop().post(() -> simulation.loop().post(() -> {
                if (pending.compareAndSet(id, 0) && paints == p) {
                    repaintNow(simulation, p);
                }
            }));
        }
    }

    /** Paints the top page (runtime thread) and hands it to the WebView (FX thread). */
    private void repaintNow(Simulation simulation, PagePaints p) {
        try {
            StartTiming.mark("repaint task");
            TapClock t = tap;
            if (t != null && t.setData != 0 && t.repaint == 0) {
                t.repaint = System.nanoTime();
            }
            PaintedPage page = p.paintTop();
            if (t != null && t.repaint != 0 && t.painted == 0) {
                t.painted = System.nanoTime();
            }
            StartTiming.mark("page painted (html)");
            // the paint leaves for the screen first; what only the panels and the console need
            // (the element paths, the stylesheets' problems) is made after, in this same task
            java.util.concurrent.CompletableFuture<PaintedPaths> paths = new java.util.concurrent.CompletableFuture<>();
            Platform.runLater(() -> {
                if (t != null && t.painted != 0 && t.shown == 0) {
                    t.shown = System.nanoTime();
                }
                long before = System.nanoTime();
                java.util.concurrent.CompletableFuture<Void> drawn = view().show(page);
                if (t != null && t.shown != 0 && t.patched == 0 && view().patchedAt() > before) {
                    t.patched = view().patchedAt();
                    t.pulseOver = view().pulseOver();
                }
                drawn.thenRun(() -> {
                    timed(t, page);
                    paths.thenAccept(now -> {
                        if (Platform.isFxApplicationThread()) {
                            inspector.drawn(now);
                        } else {
                            Platform.runLater(() -> inspector.drawn(now));
                        }
                    });
                });
            });
            try {
                paths.complete(p.lastPaths());
            } catch (RuntimeException e) {
                paths.complete(PaintedPaths.EMPTY);
                throw e;
            }
            // problems of the page's stylesheets, once each (the window only: a headless
            // run paints nothing, so its transcript has none of these)
            for (String w : page.warnings()) {
                if (reported.add(w)) {
                    simulation.warning("stylesheet: " + w, w.substring(0, Math.max(0, w.indexOf(": "))));
                }
            }
        } catch (RuntimeException e) {
            simulation.warning("internal simulator error while painting the page: " + e, null);
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

    /**
     * A tap's way to the screen, for {@code -Dminisim.paintTiming} and {@code bench --window --taps}:
     * {@link System#nanoTime} when each step was reached (0: not yet).
     */
    static final class TapClock {
        /**
         * The click: the mouse button's release on the WebView (the event WebKit makes the click
         * of), else the click's message from the WebView (FX thread).
         */
        volatile long clicked = System.nanoTime();
        /** The click's message from the WebView's page.js (FX thread). */
        final long message = clicked;
        /** The runtime thread took the tap (its dispatch starts). */
        volatile long dispatched;
        /** The handler's first {@code setData}. */
        volatile long setData;
        /** The repaint task ran (the handler's task and the re-render it posted are over). */
        volatile long repaint;
        /** The page's paint (HTML) is made. */
        volatile long painted;
        /** The FX thread took the paint. */
        volatile long shown;
        /** The patch is in the WebView's document. */
        volatile long patched;
        /** The pulse that draws the patch began (its frame shows the tap's change). */
        volatile long pulse;
        /** The FX thread is done with the patch and, when it ran at once, its pulse (the frame is the render thread's now). */
        volatile long pulseOver;
        /** That pulse ran at once after the patch, not at the toolkit's next tick. */
        volatile boolean pulsedAtOnce;
        /** The render thread has rendered the frame with the patch (else: the next pulse began). */
        volatile long drawn;
        /**
         * The FX thread after that frame's pixels went to the screen: the renderer hands them to
         * the screen (Monocle's framebuffer, a window's surface) in a task on the FX thread, and
         * this is the next task after it (0: the rendered frame could not be marked).
         */
        volatile long onScreen;

        /** Milliseconds from the click to {@code at}. */
        double ms(long at) {
            return at == 0 ? Double.NaN : (at - clicked) / 1e6;
        }

        @Override
        public String toString() {
            return String.format("click to: message %.1f, dispatch %.1f, setData %.1f, repaint task %.1f, paint made %.1f, "
                    + "FX took it %.1f, patched %.1f, its pulse %.1f%s (over %.1f), frame rendered %.1f, on screen %.1f ms"
                    + " (setData to frame rendered %.1f ms)",
                    ms(message), ms(dispatched), ms(setData), ms(repaint), ms(painted), ms(shown), ms(patched), ms(pulse),
                    pulsedAtOnce ? " at once" : "", ms(pulseOver), ms(drawn), ms(onScreen),
                    setData == 0 ? Double.NaN : (drawn - setData) / 1e6);
        }
    }

    /** Completes with the timing of the next tap that leads to a repaint, once that repaint is drawn (FX thread). */
    java.util.concurrent.CompletableFuture<TapClock> nextTapDrawn() {
        return nextTapDrawn;
    }

    /** A tap's repaint is drawn: {@code -Dminisim.paintTiming} prints its steps. */
    private void timed(TapClock t, PaintedPage page) {
        if (t == null || t.patched == 0 || tap != t) {
            return;
        }
        long pulse = view().patchPulse();
        t.pulse = pulse > t.patched ? pulse : 0;
        t.pulsedAtOnce = t.pulse != 0 && view().pulsedAtOnce();
        long rendered = view().patchRendered();
        long now = System.nanoTime();
        t.drawn = rendered > t.patched ? rendered : now;
        // this runs in the FX task the render thread queued behind the frame's upload
        t.onScreen = rendered > t.patched ? now : 0;
        tap = null;
        if (Boolean.getBoolean("minisim.paintTiming")) {
            System.err.printf("paint timing: %s (%s)%n", t, page.route());
        }
        // to match a tap's steps with a JFR recording (its events carry wall-clock times)
        if (Boolean.getBoolean("minisim.tapEpoch")) {
            long off = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
            System.err.printf("tapEpoch %d %d %d %d %d %d%n", t.clicked + off, t.patched + off, t.pulse + off, t.pulseOver + off,
                    t.drawn + off, t.onScreen == 0 ? 0 : t.onScreen + off);
        }
        java.util.concurrent.CompletableFuture<TapClock> f = nextTapDrawn;
        nextTapDrawn = new java.util.concurrent.CompletableFuture<>();
        f.complete(t);
    }

    /** Runs {@code hook} at each act of the person on the page (a click, typing), before the act is sent; null: nothing. */
    void beforeAct(Runnable hook) {
        beforeAct = hook;
    }

    private void act(String kind, int id, Object value) {
        Runnable hook = beforeAct;
        if (hook != null) {
            hook.run();
        }
        TapClock t = kind.equals("tap") ? new TapClock() : null;
        if (t != null) {
            long released = view().lastRelease();
            if (released != 0 && t.message - released < 250_000_000L) {
                t.clicked = released;
            }
            tap = t;
        }
        Simulation s = sim;
        PagePaints p = paints;
        if (!live || s == null || p == null) {
            return;
        }
        s.loop().post(() -> {
            if (t != null) {
                t.dispatched = System.nanoTime();
            }
            p.act(kind, id, value);
        });
    }

    /**
     * Layout queries of the window's page, and of {@code auto}'s off-screen one (runtime thread):
     * the page painted as it is now, then each element's box as the WebView laid it out (null for
     * an element not painted: not on the top page).
     */
    public List<double[]> layout(int pageId, List<dev.minisim.view.VElement> elements) {
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
            List<Integer> ids = elements.stream().map(e -> page.idOf(e).orElse(-1)).toList();
            // the document holds the paint once show's future completes (at once for a patch, on the
            // FX thread after a load); reading the boxes needs no frame: one hop to the FX thread
            return FxPlatform.call(() -> view().show(page, false).thenApply(x -> view().rects(ids))).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return none;
        } catch (Exception e) {
            return none;
        }
    }

    /**
     * The computed styles of {@code element} of page {@code pageId} as painted now (runtime
     * thread; {@code auto}'s getStyles): see {@link PageWebView#styles}; null when it is not painted.
     */
    public List<String> styles(int pageId, dev.minisim.view.VElement element, List<String> names) throws Exception {
        PagePaints p = paints;
        if (p == null) {
            return null;
        }
        PaintedPage page = p.paintTop();
        java.util.Optional<Integer> id = page.idOf(element);
        if (page.pageKey() != pageId || id.isEmpty()) {
            return null;
        }
        return FxPlatform.call(() -> view().show(page, false).thenApply(x -> view().styles(id.get(), names))).get(10, TimeUnit.SECONDS);
    }

    /** The layout of painted elements (FX thread); see {@link PageWebView#rects}. */
    public List<double[]> rects(List<Integer> ids) {
        return view().rects(ids);
    }
}
