package dev.minisim.ui;

import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.api.auth.WalletProfile;
import dev.minisim.program.MiniProgram;
import dev.minisim.app.Simulation;
import dev.minisim.app.ViewState;
import dev.minisim.events.Event;
import dev.minisim.scenario.Recording;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.SessionRecorder;
import dev.minisim.user.PersonDecisions;
import dev.minisim.user.PolicyDecisions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The engine side of the window: one mini-program running on the real clock, on its own thread.
 * It knows nothing of JavaFX; the window listens to it and sends it actions. Prompts go to the
 * standing policy first, then to the person at the screen.
 */
public final class LiveSession implements AutoCloseable {

    /** What the window hears; called on the runtime thread, so implementations hand over to theirs. */
    public interface Listener {
        /** An event, with a fresh view state when the event can change what is shown (else null). */
        void event(Event event, ViewState state);

        /** A prompt for the person. */
        void prompt(PersonDecisions.Pending pending);

        /** The view after an action of the window's (which may emit no event of its own). */
        void state(ViewState state);

        /** The folder cannot be run (the message names the file and what is wrong). */
        void failed(String message);

        /** A recorded session recorded one more action or decision ({@code count} so far). */
        default void recorded(int count) {
        }

        /** The simulation exists and has not launched yet (runtime thread): the painted page attaches here. */
        default void started(Simulation simulation) {
        }
    }

    /** Events after which the view is redrawn from a fresh state. */
    private static final Set<String> STATEFUL = Set.of("navigate", "setData", "lifecycle", "prompt", "decision", "end", "ui");

    private final Path folder;
    private final String profile;
    /** The window's side: known from the start, or (an early session) given later by {@link #listen}. */
    private final java.util.concurrent.CompletableFuture<Listening> listening = new java.util.concurrent.CompletableFuture<>();
    private boolean early;
    private volatile Simulation simulation;
    private volatile SessionRecorder recorder;
    private boolean recording;
    private boolean simulatedClock;
    private volatile Thread thread;
    private final java.util.concurrent.atomic.AtomicBoolean statePosted = new java.util.concurrent.atomic.AtomicBoolean();

    private record Listening(PolicyDecisions policy, Listener listener) {
    }

    public LiveSession(Path folder, String profile, PolicyDecisions policy, Listener listener) {
        this.folder = folder;
        this.profile = profile;
        listening.complete(new Listening(policy, listener));
    }

    private LiveSession(Path folder, String profile) {
        this.folder = folder;
        this.profile = profile;
        this.early = true;
    }

    /**
     * A session that starts now, before there is a window to listen to it (the window's start):
     * it loads the mini-program and starts its JS runtime and {@code app.js} on its own thread
     * while the toolkit, the window and the WebView are made, then waits for {@link #listen}
     * before it launches the home page. The window then hears everything from the start (the
     * events so far are handed over first), as with a session started the ordinary way.
     */
    public static LiveSession early(Path folder, String profile) {
        LiveSession s = new LiveSession(folder, profile);
        s.start();
        return s;
    }

    /** The window's side of an {@link #early} session (once; the session launches the home page after it). */
    public void listen(PolicyDecisions policy, Listener listener) {
        listening.complete(new Listening(policy, listener));
    }

    /** Whether this early session has started its JS runtime and app.js and waits for {@link #listen} (tests). */
    boolean waitingForWindow() {
        Thread t = thread;
        return t != null && !listening.isDone() && t.getState() == Thread.State.WAITING;
    }

    /** Whether the session's thread is still alive (tests). */
    boolean running() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** The window's side, waiting for it when the session started early. */
    private Listening listening() {
        try {
            return listening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the window", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public Path folder() {
        return folder;
    }

    /** The wallet profile the session runs with. */
    public String profile() {
        return profile;
    }

    /** The running simulation, or null before it exists (tests wait for it). */
    Simulation simulation() {
        return simulation;
    }

    /**
     * Records this session from its launch (call before {@link #start}): it then runs with a seed
     * and a fixed launch time, which the recorded scenario carries, so the replay is the same run.
     */
    public LiveSession recording(boolean on) {
        this.recording = on;
        return this;
    }

    public boolean recording() {
        return recording;
    }

    /**
     * Runs on the simulated clock (before {@link #start}): time moves only when an action advances
     * it, so tests can drive the window's session and get the same transcript every time.
     */
    LiveSession simulatedClock() {
        this.simulatedClock = true;
        return this;
    }

    public void start() {
        thread = new Thread(null, this::run, "minisim-js", 16L * 1024 * 1024);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Simulation sim;
        try {
            StartTiming.mark("session thread");
            MiniProgram program = MiniProgram.load(folder);
            StartTiming.mark("program loaded");
            RunConfig config = Scenario.withFolderConfig(RunConfig.defaults(), program.folder())
                    .withProfile(WalletProfile.load(profile));
            if (recording) {
                config = SessionRecorder.recordable(config);
            }
            sim = new Simulation(program, new Simulation.Options(simulatedClock, Duration.ofSeconds(5), 0.8), config);
        } catch (BadInputException e) {
            Listener l = listenerIfAny();
            if (l != null) {
                l.failed(e.getMessage());
            }
            return;
        }
        StartTiming.mark("simulation created");
        simulation = sim;
        // prompts go to the window's standing policy first, then to the person at the screen (an
        // early session asks for them only when a prompt comes, which app.js alone rarely makes)
        sim.user().add((prompt, answer) -> listening().policy().ask(prompt, answer))
                .add(new PersonDecisions(pending -> listening().listener().prompt(pending)));
        try {
            if (early) {
                // the JS runtime and app.js while the window is made; then the window hears the
                // events so far and everything after, and the home page launches as usual
                sim.start();
                StartTiming.mark("simulation started");
                follow(sim, listening().listener());
            } else {
                follow(sim, listening().listener());
                sim.start();
                StartTiming.mark("simulation started");
            }
            sim.launch(sim.program().homePage(), Map.of());
            StartTiming.mark("home page launched");
            runLoop(sim);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Listener l = listenerIfAny();
            if (l != null) {
                l.failed("internal simulator error: " + e);
            }
        }
    }

    /**
     * Runs the session's loop until it stops. The mini-program's own errors never get here (the
     * script guard reports them, with their file and line, and the loop goes on); what does is a
     * task that throws past its guard — a JSAPI's later step, a window action, a simulator bug.
     * That must not end the thread, which would leave a window that no longer answers a click: it
     * is reported as an error (in the console, with the simulator's own file and line) and the
     * next task runs, as the automation session does.
     */
    static void runLoop(Simulation sim) throws InterruptedException {
        while (!sim.loop().stopped()) {
            try {
                sim.loop().runRealtime();
            } catch (RuntimeException | StackOverflowError e) {
                try {
                    sim.error("internal simulator error in a task: " + e + thrownAt(e), null, null);
                } catch (RuntimeException | StackOverflowError again) {
                    // the report itself failed; the loop goes on all the same
                }
            }
        }
    }

    /** Where in the simulator {@code e} was thrown ({@code " (at File.java:12)"}), or nothing when unknown. */
    static String thrownAt(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        for (StackTraceElement f : trace) {
            if (f.getFileName() != null && f.getLineNumber() > 0) {
                return " (at " + f.getFileName() + ":" + f.getLineNumber() + ")";
            }
        }
        return "";
    }

    /** The window's listener, or null when the session was closed before the window listened. */
    private Listener listenerIfAny() {
        try {
            return listening().listener();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** The window follows {@code sim} (runtime thread, before the launch): the events so far, then each one as it comes. */
    private void follow(Simulation sim, Listener listener) {
        listener.started(sim);
        for (Event e : sim.events().snapshot()) {
            heard(sim, listener, e);
        }
        sim.events().subscribe(e -> heard(sim, listener, e));
        if (recording) {
            SessionRecorder r = SessionRecorder.attach(sim, profile);
            r.onStep(listener::recorded);
            recorder = r;
        }
    }

    /**
     * Hands an event to the window. The view state an event can change (the data, the tree, the
     * frame) follows as {@link Listener#state} two tasks later, once per burst of events: a tap's
     * handler with three setData calls makes one state, not three, and it is made after the
     * re-render and after the painted page's repaint, which is what the person waits for. At the
     * run's end the state comes with the event (no task runs after it).
     */
    private void heard(Simulation sim, Listener listener, Event e) {
        if (!STATEFUL.contains(e.type())) {
            listener.event(e, null);
        } else if (e.type().equals("end")) {
            listener.event(e, sim.viewState());
        } else {
            listener.event(e, null);
            if (statePosted.compareAndSet(false, true)) {
                sim.loop().post(() -> sim.loop().post(() -> {
                    statePosted.set(false);
                    listener.state(sim.viewState());
                }));
            }
        }
    }

    /** Runs {@code action} on the runtime thread (a tap on a method button, back). */
    public void post(Consumer<Simulation> action) {
        Simulation sim = simulation;
        if (sim != null) {
            sim.loop().post(() -> {
                try {
                    action.accept(sim);
                } finally {
                    listening().listener().state(sim.viewState());
                }
            });
        }
    }

    /**
     * Stops the recording now (on the runtime thread, between tasks) and hands the scenario and the
     * session's transcript so far to {@code done} (called on the runtime thread). Nothing happens
     * when this session does not record.
     */
    public void stopRecording(Consumer<Recording> done) {
        SessionRecorder r = recorder;
        Simulation sim = simulation;
        if (r != null && sim != null) {
            sim.loop().post(() -> done.accept(r.stop()));
        }
    }

    @Override
    public void close() {
        // an early session nobody listened to stops waiting for the window
        listening.completeExceptionally(new java.util.concurrent.CancellationException("closed before the window listened"));
        Simulation sim = simulation;
        if (sim != null) {
            sim.loop().stop();
        }
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (sim != null) {
            sim.close();
        }
    }
}
