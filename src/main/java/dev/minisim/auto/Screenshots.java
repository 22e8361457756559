package dev.minisim.auto;

import dev.minisim.app.Simulation;

/**
 * {@code App.captureScreenshot}: a PNG of the page as painted. The painter lives in the window's
 * packages (JavaFX), which this package must not use, so the command that serves the protocol
 * hands one in.
 */
public interface Screenshots {

    /** No painter: screenshots answer an error saying so. */
    Screenshots NONE = new Screenshots() {
        @Override
        public void attach(Simulation simulation) {
        }

        @Override
        public byte[] png(Simulation simulation) {
            throw new AutoError("App.captureScreenshot: this MiniSim has no off-screen painter");
        }
    };

    /** The simulation exists and has not launched (runtime thread): the painter follows it from here. */
    void attach(Simulation simulation);

    /** The top page painted now, as PNG bytes; runtime thread (it may wait for the painter). */
    byte[] png(Simulation simulation) throws Exception;
}
