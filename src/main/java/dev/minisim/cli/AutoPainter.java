package dev.minisim.cli;

import dev.minisim.app.Simulation;
import dev.minisim.auto.Painter;
import dev.minisim.ui.FxPlatform;
import dev.minisim.ui.PhonePage;
import dev.minisim.ui.Snapshots;
import dev.minisim.view.VElement;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * The off-screen painter of {@code auto}: the top page as the window paints it (the painter
 * {@code shot} uses), for screenshots, and as the source of the session's layout: element
 * offsets and sizes, computed styles, and the app's own {@code createSelectorQuery} rects, as
 * the vendor IDE answers them from its rendering. JavaFX starts at the first request that needs
 * it (a screenshot, an offset, a style, a rect), not at launch, so a session that asks none pays
 * nothing for it, and {@code run}/{@code test} never load it.
 *
 * <p>Threads: every request comes on the simulation's runtime thread, which paints the page as
 * rendered now (its pending re-renders run first, so a setData made before the request shows)
 * and then waits for the FX thread to lay it out; the FX thread never waits for the runtime
 * thread here (the page is not live: no clicks come back), so the two cannot deadlock.
 */
public final class AutoPainter implements Painter {

    /** The page's screen when the device says nothing: an iPhone 6/7/8's 375 x 667 px. */
    private static final double WIDTH = 375;
    private static final double HEIGHT = 667;

    private PhonePage phone;
    private Scene scene;
    /** Why the painter could not start (null: it did, or has not been asked yet); not retried. */
    private String broken;

    @Override
    public void attach(Simulation simulation) {
        // the window's hook: rects asked for while no painter runs start it
        simulation.screen().layout((pageId, elements) -> layout(simulation, pageId, elements));
    }

    private List<double[]> layout(Simulation simulation, int pageId, List<VElement> elements) {
        try {
            return phone(simulation).layout(pageId, elements);
        } catch (Exception e) {
            return new ArrayList<>(Collections.nCopies(elements.size(), (double[]) null));
        }
    }

    /** The painted phone, started on first use; runtime thread. */
    private PhonePage phone(Simulation simulation) throws Exception {
        if (broken != null) {
            throw new IllegalStateException(broken);
        }
        if (phone == null) {
            try {
                long start = System.nanoTime();
                FxPlatform.startup();
                PhonePage p = FxPlatform.call(PhonePage::new);
                p.attach(simulation, false);
                double[] size = windowSize(simulation);
                scene = FxPlatform.call(() -> {
                    Scene s = new Scene(new StackPane(p.node()), size[0], size[1]);
                    Stage stage = new Stage();
                    stage.setScene(s);
                    stage.show();
                    return s;
                });
                phone = p;
                if (Boolean.getBoolean("minisim.autoTiming")) {
                    System.err.printf("minisim: the off-screen painter started in %.0f ms%n", (System.nanoTime() - start) / 1e6);
                }
            } catch (Exception | LinkageError e) {
                broken = "the off-screen painter could not start: " + e;
                simulation.warning(broken + " (offsets, sizes, styles and rects stay zero-size)", null);
                throw e instanceof Exception x ? x : new IllegalStateException(broken, e);
            }
        }
        return phone;
    }

    /** The page's viewport: the device's window width and height (getWindowInfo), as on the phone. */
    private static double[] windowSize(Simulation simulation) {
        double[] out = {WIDTH, HEIGHT};
        dev.minisim.api.SyncApi info = simulation.apis().sync("wx", "getWindowInfo");
        try {
            if (info != null && info.call("wx", com.fasterxml.jackson.databind.node.NullNode.getInstance()) instanceof Map<?, ?> m) {
                if (m.get("windowWidth") instanceof Number w) {
                    out[0] = w.doubleValue();
                }
                if (m.get("windowHeight") instanceof Number h) {
                    out[1] = h.doubleValue();
                }
            }
        } catch (dev.minisim.api.SyncApi.ApiException e) {
            // the fallback size
        }
        return out;
    }

    @Override
    public byte[] png(Simulation simulation) throws Exception {
        PhonePage p = phone(simulation);
        p.paintAndWait();
        return FxPlatform.call(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(Snapshots.image(scene), "png", out);
            return out.toByteArray();
        });
    }

    @Override
    public Optional<List<String>> styles(Simulation simulation, int pageId, VElement element, List<String> names) {
        try {
            return Optional.ofNullable(phone(simulation).styles(pageId, element, names));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
