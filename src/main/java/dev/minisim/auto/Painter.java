package dev.minisim.auto;

import dev.minisim.app.Simulation;
import dev.minisim.view.VElement;
import java.util.List;
import java.util.Optional;

/**
 * The off-screen painter of an automation session: the page as the window paints it, for
 * {@code App.captureScreenshot}, and the layout the IDE answers from its own rendering
 * ({@code Element.getOffset}, {@code size()}, computed {@code getStyles}, the app's own
 * {@code createSelectorQuery} rects). The painter lives in the window's packages (JavaFX), which
 * this package must not use, so the command that serves the protocol hands one in; it starts on
 * the first request that needs it, so a session that asks none pays nothing for it.
 */
public interface Painter {

    /** No painter: screenshots answer an error saying so, layout stays zero-size, styles are the inline ones. */
    Painter NONE = new Painter() {
        @Override
        public void attach(Simulation simulation) {
        }

        @Override
        public byte[] png(Simulation simulation) {
            throw new AutoError("App.captureScreenshot: this MiniSim has no off-screen painter");
        }

        @Override
        public Optional<List<String>> styles(Simulation simulation, int pageId, VElement element, List<String> names) {
            return Optional.empty();
        }
    };

    /**
     * The simulation exists and has not launched (runtime thread): the painter follows it from
     * here, and becomes the source of its layout ({@code Screen.layout}) without painting yet.
     */
    void attach(Simulation simulation);

    /** The top page painted now, as PNG bytes; runtime thread (it may wait for the painter). */
    byte[] png(Simulation simulation) throws Exception;

    /**
     * The computed value of each CSS property {@code names} (CSS spelling: {@code font-size}) of
     * {@code element} of page {@code pageId}, painted as rendered now; runtime thread. Empty when
     * there is no painter or the element is not painted (not on the top page).
     */
    Optional<List<String>> styles(Simulation simulation, int pageId, VElement element, List<String> names);
}
