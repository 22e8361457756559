package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, "a tap repaints within one frame": the pulse that draws a patch runs right after it,
 * in the same FX task, instead of at the toolkit's next 16 ms tick; never inside a pulse, never
 * off the FX thread.
 */
class FramePulseTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxPlatform.startup();
    }

    /** Runs FramePulse.now() in an FX task with an animation waiting: {ran, the animation's pulse came before it returned}. */
    private static boolean[] attempt() throws Exception {
        CompletableFuture<boolean[]> r = new CompletableFuture<>();
        Platform.runLater(() -> {
            boolean[] handled = {false};
            AnimationTimer t = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    handled[0] = true;
                    stop();
                }
            };
            t.start();
            boolean ran = FramePulse.now();
            boolean before = handled[0];
            t.stop();
            r.complete(new boolean[] {ran, before});
        });
        return r.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPulseRunsAtOnceInTheSameFxTask() throws Exception {
        // the toolkit's own pulse may be queued at that moment (then FramePulse leaves it to run
        // next): of several tries some run the pulse, and each that did ran it before returning
        List<boolean[]> tries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tries.add(attempt());
        }
        assertThat(tries).anyMatch(t -> t[0]);
        assertThat(tries).filteredOn(t -> t[0]).allMatch(t -> t[1], "the animation ran in the pulse run at once");
        assertThat(tries).filteredOn(t -> !t[0]).noneMatch(t -> t[1]);
    }

    @Test
    void insideAPulseItRunsNone() throws Exception {
        CompletableFuture<Boolean> inPulse = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                inPulse.complete(FramePulse.now());
            }
        }.start());
        assertThat(inPulse.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void offTheFxThreadItRunsNone() {
        assertThat(FramePulse.now()).isFalse();
    }
}
