package dev.minisim.scenario;

import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.program.MiniProgram;
import dev.minisim.user.PolicyDecisions;
import dev.minisim.user.ScenarioDecisions;
import dev.minisim.program.PageInstance;
import dev.minisim.program.PageUrl;
import dev.minisim.app.Simulation;
import dev.minisim.events.Event;
import dev.minisim.events.EventStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Plays a scenario headless: launches the mini-program on the simulated clock, runs each step once
 * the previous one's effects have settled, and always ends the transcript with {@code end}, also
 * when the script fails or the run hits its time limit.
 */
public final class ScenarioPlayer {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Stack for the thread that owns the context: deep JS recursion must end in a RangeError. */
    private static final long JS_THREAD_STACK = 16L * 1024 * 1024;

    private final Simulation.Options options;
    private final Duration timeLimit;

    public ScenarioPlayer(Simulation.Options options, Duration timeLimit) {
        this.options = options;
        this.timeLimit = timeLimit;
    }

    /** Plays with the configuration the scenario itself gives (profile, mocks, seed, user, device). */
    public RunResult play(MiniProgram program, Scenario scenario, Consumer<Event> sink) throws BadInputException {
        return play(program, scenario, scenario.apply(Scenario.withFolderConfig(RunConfig.defaults(), program.folder()),
                null, null), new PolicyDecisions(), sink);
    }

    /**
     * Plays a scenario: the simulated user answers from the scenario's decisions first, then from
     * the standing {@code policy}.
     */
    public RunResult play(MiniProgram program, Scenario scenario, RunConfig config, PolicyDecisions policy,
                          Consumer<Event> sink) {
        return play(program, scenario, config, policy, sink, Observer.NONE);
    }

    /** Follows a run as it plays (the shot command renders the window at these moments). */
    public interface Observer {
        Observer NONE = new Observer() { };

        /** The simulation exists and is about to start; runtime thread. */
        default void created(Simulation simulation) {
        }

        /** The launch has settled (home page ready), before the first step; runtime thread. */
        default void launched(Simulation simulation) {
        }

        /** A step's effects have settled; runtime thread. */
        default void afterStep(Simulation simulation, Step step) {
        }

        /** The steps are over (or stopped), before the end line; runtime thread. */
        default void finished(Simulation simulation) {
        }
    }

    public RunResult play(MiniProgram program, Scenario scenario, RunConfig config, PolicyDecisions policy,
                          Consumer<Event> sink, Observer observer) {
        Simulation sim = new Simulation(program, options, config);
        sim.events().subscribe(sink);
        observer.created(sim);
        sim.user().add(new ScenarioDecisions(scenario.decisions())).add(policy);
        List<String> problems = new ArrayList<>();
        boolean[] expectFailed = {false};
        AtomicReference<Throwable> crash = new AtomicReference<>();
        Thread runner = new Thread(null, () -> {
            try {
                playSteps(sim, program, scenario, problems, expectFailed, observer);
                observer.finished(sim);
            } catch (Throwable t) {
                crash.set(t);
            }
        }, "minisim-js", JS_THREAD_STACK);
        runner.setDaemon(true);
        runner.start();
        boolean timedOut = false;
        try {
            runner.join(timeLimit.toMillis());
            if (runner.isAlive()) {
                timedOut = true;
                sim.loop().stop();
                sim.close();
                runner.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timedOut = true;
        }
        EventStream events = sim.events();
        if (timedOut) {
            String msg = "the run hit its time limit of " + timeLimit.toSeconds() + " s";
            events.emit("error", "message", msg, "source", scenario.file());
            problems.add(scenario.file() + ": " + msg);
        }
        if (crash.get() != null) {
            String msg = "internal simulator error: " + crash.get();
            events.emit("error", "message", msg);
            problems.add(msg);
        }
        int errors = (int) events.count("error");
        // every way a run can break (script error, step that cannot run, time limit) is an error event
        String status = errors > 0 ? "error" : expectFailed[0] ? "failed" : "ok";
        if (errors > 0) {
            for (Event e : events.snapshot()) {
                if (e.type().equals("error") && problems.stream().noneMatch(p -> p.contains(String.valueOf(e.get("message"))))) {
                    problems.add((e.get("source") == null ? "" : e.get("source") + ": ") + e.get("message"));
                }
            }
        }
        List<String> stack = timedOut ? List.of() : sim.router().stack().stream().map(PageInstance::route).toList();
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("status", status);
        end.put("pages", stack);
        end.put("errors", errors);
        if (!timedOut) {
            end.put("pendingTimers", sim.loop().pendingTimers());
        }
        events.emit("end", end);
        if (!timedOut) {
            sim.close();
        }
        return new RunResult(status, status.equals("ok") ? 0 : 1, List.copyOf(problems));
    }

    private void playSteps(Simulation sim, MiniProgram program, Scenario scenario, List<String> problems,
                           boolean[] expectFailed, Observer observer) throws Exception {
        // each event's JSON tree, made once for all the run's expects (issue #11: made again for
        // every expect, over the whole stream, it was a tenth of a warm run)
        Map<Event, com.fasterxml.jackson.databind.JsonNode> eventTrees = new java.util.IdentityHashMap<>();
        sim.start();
        String route = program.homePage();
        Map<String, String> query = new LinkedHashMap<>();
        if (scenario.page() != null) {
            PageUrl start = PageUrl.parse(scenario.page(), null);
            route = start.route();
            query.putAll(start.query());
        }
        query.putAll(scenario.query());
        sim.launch(route, query);
        sim.loop().settle();
        observer.launched(sim);
        for (Step step : scenario.steps()) {
            if (sim.loop().stopped()) {
                return;
            }
            sim.events().emit("step", "index", step.index(), "step", JSON.convertValue(step.source(), Object.class));
            String where = scenario.file() + (step.line() > 0 ? ":" + step.line() : "") + ": step " + step.index();
            Optional<String> failure = switch (step) {
                case Step.Call c -> sim.callMethod(c.method(), c.args());
                case Step.Back b -> sim.back(b.pages());
                case Step.Tab t -> t.tab() != null ? sim.tapTab(t.tab()) : sim.tapTab(t.text());
                case Step.Wait w -> {
                    sim.loop().advance(w.millis());
                    yield Optional.empty();
                }
                case Step.Tap t -> sim.screen().tap(t.target());
                case Step.Input in -> sim.screen().input(in.target(), in.value());
                case Step.Change ch -> sim.screen().change(ch.target(), ch.value());
                case Step.See see -> {
                    Optional<String> miss = sim.screen().see(see.target(), see.present());
                    sim.events().emit("expect", "index", see.index(), "expected", JSON.convertValue(see.source(), Object.class),
                            "ok", miss.isEmpty());
                    if (miss.isPresent()) {
                        expectFailed[0] = true;
                        problems.add(where + ": " + miss.get());
                    }
                    yield Optional.empty();
                }
                case Step.Expect e -> {
                    List<Event> hits = Expectation.allMatches(e.fields(), sim.events().snapshot(),
                            ev -> eventTrees.computeIfAbsent(ev, Expectation::tree));
                    boolean ok = e.times() == null ? !hits.isEmpty() : hits.size() == e.times();
                    sim.events().emit("expect", "index", e.index(), "expected", JSON.convertValue(e.fields(), Object.class),
                            "times", e.times(), "ok", ok, "matched", hits.isEmpty() ? null : hits.get(0).seq(),
                            "count", hits.size());
                    if (!ok) {
                        expectFailed[0] = true;
                        problems.add(where + ": expected " + (e.times() == null ? "an event" : e.times() + " event(s)")
                                + " matching " + e.fields() + ", " + (hits.isEmpty() ? "none happened" + closest(e, sim.events().snapshot())
                                : hits.size() + " happened (first: seq " + hits.get(0).seq() + ")"));
                    }
                    yield Optional.empty();
                }
            };
            if (failure.isPresent()) {
                sim.events().emit("error", "message", failure.get(), "source", where.substring(0, where.lastIndexOf(": step")),
                        "page", sim.router().topRoute());
                problems.add(where + ": " + failure.get());
                // a TARGET that matches nothing fails its step and the run goes on (CONTRACT); other steps stop it
                if (!(step instanceof Step.Tap || step instanceof Step.Input || step instanceof Step.Change)) {
                    return;
                }
            }
            sim.loop().settle();
            observer.afterStep(sim, step);
        }
        if (!sim.loop().stopped()) {
            sim.finish();
        }
    }

    private static String closest(Step.Expect e, List<Event> events) {
        String type = e.fields().path("type").asText("");
        if (type.isEmpty()) {
            return "";
        }
        List<Event> same = events.stream().filter(ev -> ev.type().equals(type)).toList();
        if (same.isEmpty()) {
            return "; there was no \"" + type + "\" event at all";
        }
        Event last = same.get(same.size() - 1);
        return "; the last \"" + type + "\" event was " + dev.minisim.events.TranscriptWriter.toJson(last);
    }
}
