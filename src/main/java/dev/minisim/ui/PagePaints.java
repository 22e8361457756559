package dev.minisim.ui;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.minisim.api.SyncApi;
import dev.minisim.app.Simulation;
import dev.minisim.paint.PagePainter;
import dev.minisim.paint.PaintFiles;
import dev.minisim.paint.PaintedPage;
import dev.minisim.program.PageInstance;
import dev.minisim.runtime.ModuleFiles;
import dev.minisim.screen.Target;
import dev.minisim.view.VElement;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime side of the painted page: paints the top page of a simulation (one
 * {@link PagePainter} per page, so repaints keep element ids), and turns what the person did in
 * the WebView — a painted element's id — back into the tree's element, dispatched as the
 * scenario steps {@code tap}, {@code input} and {@code change} are. Runtime thread only.
 */
final class PagePaints {

    private final Simulation sim;
    private final PaintFiles files;
    private final double screenWidth;
    private final Map<Integer, PagePainter> painters = new HashMap<>();
    private final boolean live;
    private final java.util.Set<String> unscripted = new java.util.HashSet<>();
    private volatile PaintedPage last;
    private VElement lastRoot;

    /** @param live painting for the window (autoplay, page scroll events), else for screenshots */
    PagePaints(Simulation sim, boolean live) {
        this.sim = sim;
        this.live = live;
        PaintFiles folder = files(new ModuleFiles(sim.program().root()), null);
        // fonts on a CDN and network images: only from the scenario's mocks or an allowed host
        this.files = files(new ModuleFiles(sim.program().root()),
                new dev.minisim.paint.UserNetwork(sim.config().mocks(), sim.config().allowedHosts(), folder));
        this.screenWidth = windowNumber(sim, "screenWidth", 375);
    }

    /** The device's screen width in px (the WebView is this wide, as the phone's screen is). */
    double screenWidth() {
        return screenWidth;
    }

    /** The paint the window shows now (null before the first). */
    PaintedPage last() {
        return last;
    }

    /** Paints the top page as last rendered; an empty page for a plugin page or a page without a template. */
    PaintedPage paintTop() {
        PageInstance top = sim.router().top();
        painters.keySet().removeIf(id -> sim.router().stack().stream().noneMatch(p -> p.id() == id));
        if (top == null) {
            return remember(empty(0, ""));
        }
        Optional<VElement> root = sim.screen().rendered(top.id());
        if (root.isEmpty()) {
            return remember(empty(top.id(), top.route()));
        }
        PagePainter painter = painters.computeIfAbsent(top.id(), id -> new PagePainter(files,
                sim.program().platform().name().equalsIgnoreCase("alipay"), screenWidth, sim.screen()::componentPath)
                .values((e, attr) -> sim.screen().current(id, e, attr)).live(live));
        PaintedPage page = painter.paint(top.route(), top.id(), root.get());
        lastRoot = root.get();
        last = page;
        return page;
    }

    private PaintedPage remember(PaintedPage p) {
        lastRoot = null;
        last = p;
        return p;
    }

    /**
     * The element paths of the last paint (the WXML panel's names for its painted elements). Made
     * apart from the paint, so a repaint leaves for the screen first; call in the same task as
     * {@link #paintTop}, before the tree can change.
     */
    PaintedPaths lastPaths() {
        VElement root = lastRoot;
        PaintedPage page = last;
        return root == null || page == null ? PaintedPaths.EMPTY : PaintedPaths.of(root, page);
    }

    private PaintedPage empty(int key, String route) {
        PagePainter painter = new PagePainter(files, false, screenWidth, id -> id);
        return painter.paint(route, key, new VElement("page", "", 0, VElement.PAGE));
    }

    /**
     * What the person did to painted element {@code id}: {@code tap}, {@code input}, {@code change},
     * {@code pickstart} / {@code pickend} (a picker-view's wheel), {@code swipe} (a swiper's drag or
     * autoplay), {@code scroll} (a scroll-view's bound scroll event), {@code pagescroll} /
     * {@code reachbottom} (the page scrolled).
     */
    void act(String kind, int id, Object value) {
        PaintedPage p = last;
        VElement el = p == null ? null : p.elements().get(id);
        if (el == null) {
            return;
        }
        Target target = Target.exactly(el);
        Optional<String> problem = switch (kind) {
            case "tap" -> sim.screen().tap(target);
            case "input" -> sim.screen().input(target, String.valueOf(value));
            case "change" -> sim.screen().change(target, whole(value));
            // a picker-view's wheel turned by the person (page.js): its change comes after
            case "pickstart", "pickend" -> sim.screen().trigger(target, kind, Map.of(), false);
            // a picker's sheet (page.js): its columns turned, its 确定 and 取消
            case "columnchange" -> value instanceof Map<?, ?> m && m.get("column") instanceof Number c && m.get("value") instanceof Number r
                    ? sim.screen().pickerColumn(target, c.intValue(), r.intValue()) : Optional.empty();
            case "pickerchange" -> sim.screen().picked(target, whole(value));
            case "move" -> value instanceof Map<?, ?> m && m.get("x") instanceof Number x && m.get("y") instanceof Number y
                    ? sim.screen().change(target, Map.of("x", whole(x.doubleValue()), "y", whole(y.doubleValue()))) : Optional.empty();
            // a movable-view scaled with Ctrl and the wheel (page.js): its scale {x, y, scale}
            case "scale" -> value instanceof Map<?, ?> m && m.get("scale") instanceof Number sc
                    && m.get("x") instanceof Number x && m.get("y") instanceof Number y
                    ? sim.screen().change(target, Map.of("x", whole(x.doubleValue()), "y", whole(y.doubleValue()),
                            "scale", whole(sc.doubleValue()))) : Optional.empty();
            case "pickercancel" -> sim.screen().trigger(target, "cancel", Map.of(), false);
            case "swipe" -> value instanceof Map<?, ?> m && m.get("current") instanceof Number n
                    ? sim.screen().swipe(target, n.intValue(), String.valueOf(m.get("source"))) : Optional.empty();
            case "scroll" -> {
                if (!(value instanceof Map<?, ?> m) || !(m.get("event") instanceof String event)) {
                    yield Optional.empty();
                }
                Optional<String> scrolled = sim.screen().scrolled(target, event, detail(m.get("detail")));
                if (scrolled.isEmpty()) {
                    unscripted("scrolling the " + el.tag() + (el.id().isEmpty() ? "" : " #" + el.id()) + " of " + p.route());
                }
                yield scrolled;
            }
            case "pagescroll" -> {
                if (value instanceof Map<?, ?> m && m.get("scrollTop") instanceof Number n && sim.pageScrolled(n.doubleValue())) {
                    unscripted("scrolling page " + p.route() + " (onPageScroll)");
                }
                yield Optional.empty();
            }
            case "reachbottom" -> {
                if (sim.reachedBottom()) {
                    unscripted("scrolling page " + p.route() + " to its bottom (onReachBottom)");
                }
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
        problem.ifPresent(why -> sim.warning(why, null));
    }

    /**
     * Scrolling has no scenario step: the session recorder lists it as missing, once per element
     * (a scroll sends many events).
     */
    private void unscripted(String what) {
        if (unscripted.add(what)) {
            sim.unscripted(what);
        }
    }

    /** A value from page.js with its whole numbers as ints (a multiSelector's [1, 0]). */
    private static Object whole(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) {
            return d.intValue();
        }
        if (v instanceof java.util.List<?> l) {
            return l.stream().map(PagePaints::whole).toList();
        }
        return v;
    }

    /** A scroll event's detail from page.js: whole numbers as ints, as the client gives them. */
    private static Map<String, Object> detail(Object raw) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Double d && d == Math.rint(d) ? (Object) d.intValue() : v));
        }
        return out;
    }

    private static double windowNumber(Simulation sim, String key, double fallback) {
        SyncApi info = sim.apis().sync("wx", "getWindowInfo");
        try {
            Object v = info == null ? null : info.call("wx", NullNode.getInstance());
            if (v instanceof Map<?, ?> m && m.get(key) instanceof Number n) {
                return n.doubleValue();
            }
        } catch (SyncApi.ApiException | RuntimeException e) {
            // a device without the field: the default phone
        }
        return fallback;
    }

    private static PaintFiles files(ModuleFiles files, dev.minisim.paint.UserNetwork network) {
        // the folder's text files as first read: a repaint (each tap's) reads the page's json and
        // stylesheets again, which must not cost a file read each; images are kept by the painter
        Map<String, Optional<String>> texts = new java.util.concurrent.ConcurrentHashMap<>();
        return new PaintFiles() {
            @Override
            public Optional<byte[]> network(String url) {
                return network == null ? Optional.empty() : network.get(url);
            }

            @Override
            public Optional<String> text(String path) {
                return texts.computeIfAbsent(path, files::read);
            }

            @Override
            public Optional<byte[]> bytes(String path) {
                return files.inside(path).flatMap(p -> {
                    try {
                        return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                });
            }
        };
    }
}
