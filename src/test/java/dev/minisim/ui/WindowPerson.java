package dev.minisim.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.app.Simulation;
import dev.minisim.cli.Main;
import dev.minisim.events.Event;
import dev.minisim.scenario.Recording;
import dev.minisim.screen.Target;
import dev.minisim.user.PersonDecisions;
import dev.minisim.user.PolicyDecisions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A person at the window, without the window: drives a recording {@link LiveSession} through the
 * entry points the window's controls use — a method button ({@code sim.callMethod}), the back
 * button ({@code sim.back}), a click on the page ({@code sim.screen().tap/input/change}, where the
 * painted page's clicks go), a prompt's buttons ({@link PersonDecisions.Pending#answer}) — then
 * stops the recording and replays the file with the {@code run} command.
 */
final class WindowPerson implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final LiveSession session;
    private final BlockingQueue<PersonDecisions.Pending> prompts = new LinkedBlockingQueue<>();
    private volatile String failure;

    /** A recording session of {@code sample}; {@code simulated}: on the simulated clock (tests' own time). */
    WindowPerson(String sample, String profile, boolean simulated) {
        this(Path.of(System.getProperty("minisim.repo", ".")).resolve("sample-miniapps").resolve(sample), profile, simulated);
    }

    /** A recording session of the mini-program in {@code folder}. */
    WindowPerson(Path folder, String profile, boolean simulated) {
        this.folder = folder;
        this.session = new LiveSession(folder, profile, new PolicyDecisions(), new LiveSession.Listener() {
            @Override
            public void event(Event event, dev.minisim.app.ViewState state) {
            }

            @Override
            public void prompt(PersonDecisions.Pending pending) {
                prompts.add(pending);
            }

            @Override
            public void state(dev.minisim.app.ViewState state) {
            }

            @Override
            public void failed(String message) {
                failure = message;
            }
        }).recording(true);
        if (simulated) {
            session.simulatedClock();
        }
        session.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (session.simulation() == null && failure == null && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        if (failure != null) {
            throw new AssertionError(failure);
        }
        act(sim -> { });
    }

    /** Runs {@code action} on the runtime thread as the window's controls do, then lets what it caused run. */
    WindowPerson act(Consumer<Simulation> action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        session.post(sim -> {
            try {
                action.accept(sim);
                sim.loop().settle();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the action did not finish: " + e, e);
        }
        return this;
    }

    /** A method button of the window. */
    WindowPerson method(String name) {
        return act(sim -> sim.callMethod(name, List.of(Map.of("type", "tap"))).ifPresent(why -> {
            throw new AssertionError(why);
        }));
    }

    /** A click on the page's element that has this text (as the painted page routes it). */
    WindowPerson tap(String selector, String text) {
        return act(sim -> sim.screen().tap(new Target(selector, text, 0)).ifPresent(why -> {
            throw new AssertionError(why);
        }));
    }

    WindowPerson input(String selector, String value) {
        return act(sim -> sim.screen().input(new Target(selector, null, 0), value).ifPresent(why -> {
            throw new AssertionError(why);
        }));
    }

    WindowPerson change(String selector, Object value) {
        return act(sim -> sim.screen().change(new Target(selector, null, 0), value).ifPresent(why -> {
            throw new AssertionError(why);
        }));
    }

    /** The back button of the navigation bar. */
    WindowPerson back() {
        return act(sim -> sim.back(1).ifPresent(why -> {
            throw new AssertionError(why);
        }));
    }

    /** The person looks at the screen for a while (simulated clock only: no test sleeps). */
    WindowPerson waits(long ms) {
        return act(sim -> sim.loop().advance(ms));
    }

    /** Clicks a button of the prompt on screen: its answer, as the prompt's buttons give it. */
    WindowPerson answer(String kind, String answerJson) {
        PersonDecisions.Pending p;
        try {
            p = prompts.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (p == null) {
            throw new AssertionError("no prompt is showing (expected " + kind + ")");
        }
        if (!p.prompt().kind().equals(kind)) {
            throw new AssertionError("the prompt showing is " + p.prompt().kind() + ", not " + kind);
        }
        try {
            p.answer(JSON.readTree(answerJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return act(sim -> { });
    }

    /** The Record toggle switched off: the recording, taken on the runtime thread. */
    Recording stop() {
        CompletableFuture<Recording> done = new CompletableFuture<>();
        session.stopRecording(done::complete);
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** {@code run APP_DIR --scenario FILE --transcript OUT} on the saved file; its exit status and transcript lines. */
    Replay replay(Recording recording, Path dir) {
        try {
            Path file = dir.resolve("scenarios").resolve("recorded.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, recording.text(), StandardCharsets.UTF_8);
            Path out = dir.resolve("transcript.jsonl");
            int code = Main.execute("run", folder.toString(), "--scenario", file.toString(), "--transcript", out.toString());
            return new Replay(code, Files.readAllLines(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Replay(int exit, List<String> lines) {
    }

    @Override
    public void close() {
        session.close();
    }
}
