package dev.minisim.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The {@link PageInspector} of the painted page, as the vendor IDEs' inspector: the element the
 * WXML panel selects or hovers is outlined on the page by a translucent overlay of our own script
 * ({@code inspect.js}; the page's elements and styles stay untouched), and, while the picker is on
 * ({@link #picking()}), the element under the mouse is reported to the panel. Paths and painted
 * ids meet through the paint's {@link PaintedPaths}, the same tree the panel shows. FX thread.
 */
final class PaintedInspector implements PageInspector {

    private static final String SCRIPT = read();

    private final PageWebView view;
    private final BooleanProperty picking = new SimpleBooleanProperty(false);
    private PaintedPaths paths = PaintedPaths.EMPTY;
    private Consumer<String> listener = path -> { };
    private String highlighted;

    PaintedInspector(PageWebView view) {
        this.view = view;
        view.onInspected(id -> {
            if (!picking.get()) {
                return;
            }
            String path = null;
            if (id != null) {
                try {
                    path = paths.pathOf(Integer.parseInt(id));
                } catch (NumberFormatException e) {
                    path = null;
                }
            }
            listener.accept(path);
        });
        picking.addListener((o, a, on) -> install("minisimInspect.pick(" + on + ")"));
    }

    /** The picker toggle: while on, hovering the page selects the element in the WXML panel. */
    BooleanProperty picking() {
        return picking;
    }

    @Override
    public void highlight(String path) {
        highlighted = path;
        outline();
    }

    @Override
    public void onHover(Consumer<String> listener) {
        this.listener = Objects.requireNonNull(listener);
    }

    /**
     * A paint was drawn (a patch or a new document, which lost the script): the overlay follows the
     * highlighted element to where it is now.
     */
    void drawn(PaintedPaths now) {
        this.paths = now;
        install("minisimInspect.pick(" + picking.get() + ")");
        outline();
    }

    /** The paths of the paint drawn last (tests). */
    java.util.Map<String, Integer> pathsKnown() {
        return paths.idByPath();
    }

    /**
     * The highlighted element's rect as the overlay drew it ({@code [left, top, right, bottom]} in
     * the page's viewport px), or null when nothing is outlined (tests).
     */
    double[] outline() {
        Object r = install("minisimInspect.outline(" + paths.idOf(highlighted) + ")");
        if (!(r instanceof String s) || s.equals("null")) {
            return null;
        }
        String[] parts = s.substring(1, s.length() - 1).split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    private Object install(String call) {
        if (view.shown() == null) {
            return null;
        }
        view.script(SCRIPT);
        return view.script(call);
    }

    private static String read() {
        try (InputStream in = PaintedInspector.class.getResourceAsStream("inspect.js")) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/minisim/ui/inspect.js");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
