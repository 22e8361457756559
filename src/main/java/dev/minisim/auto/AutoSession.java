package dev.minisim.auto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.api.RunConfig;
import dev.minisim.app.Automation;
import dev.minisim.app.Simulation;
import dev.minisim.events.Event;
import dev.minisim.program.MiniProgram;
import dev.minisim.user.DecisionSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The mini-program an automation client drives: one {@link Simulation} on the real clock (the
 * SDK's scripts wait in real time), on its own thread, launched on its home page before the
 * first client connects. Requests run on that thread as tasks between the app's own; the
 * requests that end in the app's world later (a promise, a JSAPI's callback) answer when it
 * calls back.
 */
public final class AutoSession implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MiniProgram program;
    private final RunConfig config;
    private final List<DecisionSource> decisions;
    private final Duration taskBudget;
    private final Painter painter;
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    /** Requests whose call into the app's world runs now, with the watchdog's token of that task. */
    private final Map<Integer, Long> running = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final CountDownLatch launched = new CountDownLatch(1);
    private volatile Simulation simulation;
    private volatile Consumer<Event> events = e -> { };
    private volatile Automation bindings = Automation.NONE;
    private Thread thread;

    /**
     * @param decisions  who answers prompts, in order (the standing policies, then Tool.native)
     * @param taskBudget how long one task of the app may run before it is stopped as runaway
     */
    public AutoSession(MiniProgram program, RunConfig config, List<DecisionSource> decisions, Duration taskBudget,
                       Painter painter) {
        this.program = program;
        this.config = config;
        this.decisions = decisions;
        this.taskBudget = taskBudget;
        this.painter = painter;
    }

    /** Where the run's events go (console lines, errors), from the runtime thread. */
    public void onEvent(Consumer<Event> listener) {
        this.events = listener;
    }

    /** Who hears the app's calls of exposed functions. */
    void onBinding(Automation listener) {
        this.bindings = listener;
    }

    public MiniProgram program() {
        return program;
    }

    /** The running simulation (null before {@link #start}); use it on the runtime thread. */
    public Simulation current() {
        return simulation;
    }

    public Painter painter() {
        return painter;
    }

    /** Starts the run and waits until the home page has launched (or the launch failed). */
    public void start() throws InterruptedException {
        thread = new Thread(null, this::run, "minisim-js", 16L * 1024 * 1024);
        thread.setDaemon(true);
        thread.start();
        launched.await();
    }

    private void run() {
        Simulation sim = new Simulation(program, new Simulation.Options(false, taskBudget, 0.8), config);
        sim.automate(new Automation() {
            @Override
            public void answered(int id, boolean ok, String text) {
                CompletableFuture<JsonNode> f = waiting.remove(id);
                if (f == null) {
                    return;
                }
                if (ok) {
                    try {
                        f.complete(JSON.readTree(text));
                    } catch (Exception e) {
                        f.completeExceptionally(new AutoError("the result is not JSON: " + e.getMessage()));
                    }
                } else {
                    f.completeExceptionally(new AutoError(text));
                }
            }

            @Override
            public void bindingCalled(String name, String argsJson) {
                bindings.bindingCalled(name, argsJson);
            }
        });
        for (DecisionSource d : decisions) {
            sim.user().add(d);
        }
        sim.events().subscribe(e -> events.accept(e));
        simulation = sim;
        try {
            painter.attach(sim);
            sim.start();
            sim.launch(program.homePage(), Map.of());
        } catch (RuntimeException e) {
            sim.error("internal simulator error at launch: " + e, null, null);
        } finally {
            launched.countDown();
        }
        // a task that throws past its guard must not end the thread: every later request would
        // then wait on a loop nobody runs (issue #12: "never silence")
        while (!sim.loop().stopped()) {
            try {
                sim.loop().runRealtime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | StackOverflowError e) {
                try {
                    sim.error("internal simulator error in a task: " + e, null, null);
                } catch (RuntimeException | StackOverflowError again) {
                    // the report itself failed; the loop goes on all the same
                }
            }
        }
        for (Integer id : List.copyOf(waiting.keySet())) {
            CompletableFuture<JsonNode> f = waiting.remove(id);
            if (f != null) {
                f.completeExceptionally(new AutoError("the mini-program stopped"));
            }
        }
    }

    /** Runs {@code body} on the runtime thread, between the app's tasks; its result or its error. */
    public <T> CompletableFuture<T> call(Function<Simulation, T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Simulation sim = simulation;
        if (sim == null || sim.loop().stopped()) {
            f.completeExceptionally(new AutoError("the mini-program is not running"));
            return f;
        }
        sim.loop().post(() -> {
            try {
                f.complete(body.apply(sim));
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    /** How many rounds of the task queue a gesture's answer waits for (see {@link #gesture}). */
    private static final int GESTURE_ROUNDS = 3;

    /**
     * A gesture on the page ({@code body} on the runtime thread), answered once the tasks it queued
     * have run (a few rounds of the queue, not timers): a tap's navigateTo or setData re-render is
     * done when the client hears the tap's answer, as the SDK's scripts expect of the IDE.
     */
    public <T> CompletableFuture<T> gesture(Function<Simulation, T> body) {
        return call(body).thenCompose(v -> rounds(GESTURE_ROUNDS).thenApply(x -> v));
    }

    private CompletableFuture<Void> rounds(int n) {
        if (n == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return call(sim -> null).thenCompose(x -> rounds(n - 1));
    }

    /**
     * A request answered from the app's world: {@code start} gets a fresh id and calls an
     * {@code auto*} entry point with it (runtime thread); the answer comes through
     * {@link Automation#answered}, or as an error when the call was stopped (a runaway
     * evaluate) or no answer comes within {@code timeout}.
     */
    public CompletableFuture<JsonNode> inWorld(String what, String page, Duration timeout, IntConsumer start) {
        int id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        waiting.put(id, f);
        CompletableFuture<Object> posted = call(sim -> {
            if (sim.world() == null) {
                throw new AutoError("the mini-program's scripts did not start");
            }
            if (!waiting.containsKey(id)) {
                return null; // answered already (timed out while queued): nobody waits for it to run
            }
            Object done = sim.guard(page, () -> {
                running.put(id, sim.currentTask());
                try {
                    start.accept(id);
                } finally {
                    running.remove(id);
                }
                return Boolean.TRUE;
            });
            if (done == null && waiting.remove(id) != null) {
                f.completeExceptionally(new AutoError(what + " was stopped: "
                        + lastError(sim).orElse("it threw or ran past its time budget")));
            }
            return null;
        });
        posted.whenComplete((v, t) -> {
            if (t != null && waiting.remove(id) != null) {
                f.completeExceptionally(t);
            }
        });
        return f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(t -> {
            waiting.remove(id);
            Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
            if (cause instanceof java.util.concurrent.TimeoutException) {
                // the call may still run (a runaway evaluate on a busy machine, where its CPU-time
                // budget takes far longer than this timeout): the client is answered now, so stop
                // it, or every later request waits behind a task nobody waits for
                Long task = running.get(id);
                Simulation sim = simulation;
                if (task != null && sim != null) {
                    sim.stopTask(task);
                    return CompletableFuture.failedFuture(new AutoError(what + " did not finish within " + timeout.toSeconds()
                            + " s and was stopped (an endless loop, or a machine too busy to run it?)"));
                }
                return CompletableFuture.failedFuture(new AutoError(what + " did not finish within " + timeout.toSeconds()
                        + " s (is a prompt waiting for Tool.native?)"));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private static java.util.Optional<String> lastError(Simulation sim) {
        List<Event> all = sim.events().snapshot();
        for (int i = all.size() - 1; i >= 0 && i >= all.size() - 5; i--) {
            if (all.get(i).type().equals("error")) {
                return java.util.Optional.ofNullable(all.get(i).str("message"));
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public void close() {
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
