package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.app.Simulation;
import dev.minisim.app.ViewState;
import dev.minisim.events.Event;
import dev.minisim.user.PersonDecisions;
import dev.minisim.user.PolicyDecisions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, speed ("the window shows the first page painted within 2.0 s of the JVM start"):
 * the window starts the mini-program's JS runtime and app.js before the window exists
 * ({@link LiveSession#early}); the home page must not launch before the window listens, and the
 * window must then hear every event of the run from the first one, in order, none twice — as
 * with a session started the ordinary way.
 */
class LiveSessionEarlyTest {

    @TempDir
    Path app;

    private static void waitFor(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    private void writeApp() throws Exception {
        Files.writeString(app.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
        Files.writeString(app.resolve("app.js"), "console.log('app.js ran');\nApp({ onLaunch() { console.log('launched'); } });\n");
        Path page = Files.createDirectories(app.resolve("pages/index"));
        Files.writeString(page.resolve("index.js"), "Page({ data: { n: 1 }, onLoad() { this.setData({ n: 2 }); } });\n");
        Files.writeString(page.resolve("index.wxml"), "<view>{{n}}</view>\n");
    }

    @Test
    void anEarlySessionLaunchesOnlyOnceTheWindowListensAndTheWindowHearsEveryEventFromTheFirst() throws Exception {
        writeApp();
        LiveSession session = LiveSession.early(app, "default");
        try {
            waitFor(() -> session.simulation() != null, "the simulation");
            Simulation sim = session.simulation();
            // app.js ran (its console line), then the session waits for the window
            waitFor(() -> sim.events().snapshot().stream().anyMatch(e -> e.type().equals("console")), "app.js's console line");
            waitFor(() -> session.waitingForWindow(), "the session to wait for the window");
            assertThat(sim.events().snapshot()).as("nothing launched before the window listens")
                    .noneMatch(e -> e.type().equals("navigate") || e.type().equals("lifecycle"));

            List<Event> heard = new CopyOnWriteArrayList<>();
            List<String> calls = new CopyOnWriteArrayList<>();
            session.listen(new PolicyDecisions(), new LiveSession.Listener() {
                @Override
                public void event(Event event, ViewState state) {
                    heard.add(event);
                }

                @Override
                public void prompt(PersonDecisions.Pending pending) {
                }

                @Override
                public void state(ViewState state) {
                }

                @Override
                public void failed(String message) {
                    calls.add("failed " + message);
                }

                @Override
                public void started(Simulation simulation) {
                    calls.add("started, events heard: " + heard.size());
                }
            });
            waitFor(() -> heard.stream().anyMatch(e -> e.type().equals("setData")), "the home page's setData");
            assertThat(calls).containsExactly("started, events heard: 0");
            // the listener may still be hearing later events: compare what it had heard with the
            // stream taken after it (an event is in the stream before the window hears it)
            List<Event> got = List.copyOf(heard);
            List<Event> all = sim.events().snapshot();
            assertThat(all.size()).isGreaterThanOrEqualTo(got.size());
            assertThat(got).as("every event, in order, none twice")
                    .containsExactlyElementsOf(all.subList(0, got.size()));
            assertThat(got.stream().map(e -> e.type() + " " + e.get("hook")).toList())
                    .containsSubsequence("console null", "lifecycle onLaunch", "navigate null", "lifecycle onLoad", "setData null");
        } finally {
            session.close();
        }
    }

    @Test
    void anEarlySessionClosedBeforeTheWindowListenedStopsWaiting() throws Exception {
        writeApp();
        LiveSession session = LiveSession.early(app, "default");
        waitFor(() -> session.simulation() != null, "the simulation");
        waitFor(() -> session.waitingForWindow(), "the session to wait for the window");
        session.close();
        waitFor(() -> !session.running(), "the session's thread to end");
    }
}
