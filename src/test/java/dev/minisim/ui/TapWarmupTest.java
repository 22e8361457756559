package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.app.ViewState;
import dev.minisim.events.Event;
import dev.minisim.events.TranscriptWriter;
import dev.minisim.screen.Target;
import dev.minisim.user.PersonDecisions;
import dev.minisim.user.PolicyDecisions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, speed ("a tap repaints within one frame"): the window warms its tap path with a
 * throwaway run of the same mini-program ({@link TapWarmup}). It must be harmless: what the
 * window hears from its own session — the transcript, hence the console and the timeline, which
 * are made of its events, and the page's data in each view state — is the same whether a warm-up
 * runs beside the session or not.
 */
class TapWarmupTest {

    private static final Path BASICS = Path.of(System.getProperty("minisim.repo", ".")).resolve("sample-miniapps/basics");

    private static void waitFor(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    /** What the window hears from one session: each event (as the transcript writes it) and each data it shows. */
    private record Heard(List<String> events, List<String> data) {
    }

    /**
     * A session of the basics sample as the window runs it (on the simulated clock, so the same
     * every time): launched, then the person taps the to-do "买牛奶" (done), then the to-do "a" (not done).
     */
    private static Heard session() {
        List<String> events = new CopyOnWriteArrayList<>();
        List<String> data = new CopyOnWriteArrayList<>();
        LiveSession s = new LiveSession(BASICS, "default", new PolicyDecisions(), new LiveSession.Listener() {
            @Override
            public void event(Event event, ViewState state) {
                events.add(TranscriptWriter.toJson(event));
                if (state != null) {
                    data.add(state.data());
                }
            }

            @Override
            public void prompt(PersonDecisions.Pending pending) {
                events.add("prompt " + pending);
            }

            @Override
            public void state(ViewState state) {
                data.add(state.data());
            }

            @Override
            public void failed(String message) {
                events.add("failed " + message);
            }
        }).simulatedClock();
        try {
            s.start();
            waitFor(() -> events.stream().anyMatch(e -> e.contains("onReady")), "the home page's onReady");
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            s.post(sim -> sim.screen().tap(new Target(".name", "买牛奶", 0)));
            s.post(sim -> sim.screen().tap(new Target(".name", "a", 0)));
            s.post(sim -> sim.loop().settle());
            s.post(sim -> done.countDown());
            try {
                assertThat(done.await(60, TimeUnit.SECONDS)).as("the session's actions done").isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            // the data as shown, one entry per change: how many view states a burst of events
            // makes depends on when the test's posts reach the session's thread, not on the run
            List<String> shown = new java.util.ArrayList<>();
            for (String d : data) {
                if (shown.isEmpty() || !shown.get(shown.size() - 1).equals(d)) {
                    shown.add(d);
                }
            }
            return new Heard(List.copyOf(events), shown);
        } finally {
            s.close();
        }
    }

    @Test
    void warmsByTappingAThrowawayRunOfTheSameMiniProgram() throws Exception {
        TapWarmup w = new TapWarmup(BASICS, "default", 12, 60_000).start();
        assertThat(w.awaitOver(Duration.ofSeconds(120))).as("the warm-up ends by itself").isTrue();
        assertThat(w.taps()).isEqualTo(12);
        assertThat(w.summary()).contains("12 taps");
    }

    @Test
    void theSessionBesideAWarmupHearsWhatItHearsWithout() throws Exception {
        Heard alone = session();
        // what the session does must show up in what it heard, or the comparison proves nothing
        assertThat(alone.events()).anyMatch(e -> e.contains("\"handler\":\"onToggle\""));
        assertThat(alone.events()).anyMatch(e -> e.contains("\"items[0].done\":false"));
        assertThat(alone.events()).anyMatch(e -> e.contains("\"console\"") && e.contains("index onLoad"));
        assertThat(alone.data()).anyMatch(d -> d.contains("{\"name\":\"买牛奶\",\"done\":true}"));

        // a warm-up that runs until closed, tapping the same page (the to-dos, 详情 and 日志: its own
        // navigations, its own launches and console lines) while the second session runs
        try (TapWarmup w = new TapWarmup(BASICS, "default", Integer.MAX_VALUE, 600_000).start()) {
            waitFor(() -> w.taps() >= 3, "the warm-up's first taps");
            // a session is short: again until one ran while the warm-up tapped (it may be between
            // two taps, launching its throwaway page again, for the whole of one)
            boolean overlapped = false;
            for (int i = 0; i < 20 && !overlapped; i++) {
                int before = w.taps();
                Heard beside = session();
                overlapped = w.taps() > before;
                assertThat(beside.events()).containsExactlyElementsOf(alone.events());
                assertThat(beside.data()).containsExactlyElementsOf(alone.data());
            }
            assertThat(overlapped).as("the warm-up tapped while a session ran").isTrue();
        }
    }

    @Test
    void aClickPausesTheWarmupAndClosingEndsIt() throws Exception {
        TapWarmup w = new TapWarmup(BASICS, "default", Integer.MAX_VALUE, 600_000).start();
        waitFor(() -> w.taps() >= 1, "the warm-up's first tap");
        // the person clicks again and again: the warm-up waits between two of its steps
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (w.pauses() == 0 && System.nanoTime() < until) {
            w.personActed();
            Thread.sleep(20);
        }
        assertThat(w.pauses()).as("the warm-up waited for the person").isPositive();
        w.close();
        assertThat(w.awaitOver(Duration.ofSeconds(30))).as("closed, the warm-up ends").isTrue();
    }
}
