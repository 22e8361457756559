package dev.minisim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.api.RunConfig;
import dev.minisim.app.Simulation;
import dev.minisim.app.UserAction;
import dev.minisim.events.Event;
import dev.minisim.program.PageInstance;
import dev.minisim.screen.Gesture;
import dev.minisim.view.VElement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/**
 * Records what the person did to a running mini-program as a scenario file (CONTRACT "Scenario
 * file") that {@code run} replays to the same transcript: taps, typing and controls on the page
 * ({@link dev.minisim.screen.Screen#watchGestures}, where every gesture passes, the window's
 * clicks included), method calls and back ({@link Simulation#watchActions}), and every decision at
 * every prompt, whoever gave it (the {@code decision} lines of the transcript, in the scenario's
 * own form). The time that passed before each action becomes a {@code wait} step, so timers fire
 * where they fired; at {@link #stop} the texts the session put on the top page become {@code see}
 * steps.
 *
 * <p>A recording starts at the launch: attach before {@link Simulation#start}, with a
 * {@link #recordable} configuration (a seed and a launch time, written into the file, so
 * generated codes, {@code Math.random} and {@code Date.now()} are the same in the replay).
 * Runtime thread only, as the simulation is.
 */
public final class SessionRecorder {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The clients' time zone (README "Sandbox"): the launch time is written in it. */
    private static final ZoneId CLIENT_ZONE = ZoneId.of("Asia/Shanghai");
    /** At most this many {@code see} steps: a few meaningful texts, not the whole page. */
    static final int MAX_SEE = 4;

    private final Simulation sim;
    private final String profile;
    private final ArrayNode steps = JSON.createArrayNode();
    private final Map<String, ArrayNode> decisions = new LinkedHashMap<>();
    /** Per route, the values the session's setData calls sent: texts showing them changed during the session. */
    private final Map<String, Set<String>> dataShown = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private long lastAt;
    private int actions;
    private int openPrompts;
    /** Lines that timers wrote while a prompt waited for its answer. */
    private int whilePromptOpen;
    private long timersAtPrompt;
    private boolean stopped;
    private IntConsumer onStep = n -> { };

    private SessionRecorder(Simulation sim, String profile) {
        this.sim = sim;
        this.profile = profile;
    }

    /**
     * {@code config} made replayable: the seed and the launch time it has, or a fresh seed and now;
     * a recorded session must run with these, since the file carries them to the replay.
     */
    public static RunConfig recordable(RunConfig config) {
        RunConfig c = config;
        if (c.seed() == null) {
            c = c.withSeed((long) ThreadLocalRandom.current().nextInt(1, 1_000_000));
        }
        if (c.now() == null) {
            c = c.withNow(System.currentTimeMillis());
        }
        return c;
    }

    /**
     * Starts recording {@code sim}, which must not have started yet and must run with a
     * {@link #recordable} configuration; {@code profile} is the wallet profile's name or file as
     * the session was given it (null: the default).
     */
    public static SessionRecorder attach(Simulation sim, String profile) {
        if (sim.config().seed() == null || sim.config().now() == null) {
            throw new IllegalArgumentException("a recorded session needs a seed and a launch time: use SessionRecorder.recordable");
        }
        SessionRecorder r = new SessionRecorder(sim, profile);
        sim.events().subscribe(r::event);
        sim.screen().watchGestures(r::gesture);
        sim.watchActions(r::action);
        return r;
    }

    /** Called (runtime thread) with the number of actions and decisions so far, after each one. */
    public void onStep(IntConsumer listener) {
        this.onStep = listener;
    }

    /** Actions and decisions recorded so far (waits not counted). */
    public int count() {
        return actions;
    }

    /** What the recording could not express (an element no target resolves to, a prompt left open). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    // ------------------------------------------------------------------ watching

    private void gesture(Gesture g) {
        if (stopped) {
            return;
        }
        Optional<JsonNode> target = TargetPicker.forAction(g.root(), g.element(), g.kind().equals("tap"));
        if (target.isEmpty()) {
            problems.add(g.kind() + " on " + g.element() + " (page " + g.route() + "): no TARGET resolves to that "
                    + "element, so the step is missing from the recording");
            return;
        }
        ObjectNode step = JSON.createObjectNode();
        step.set(g.kind(), target.get());
        if (!g.kind().equals("tap")) {
            step.set("value", JSON.valueToTree(g.value()));
        }
        add(g.at(), step);
    }

    private void action(UserAction a) {
        if (stopped) {
            return;
        }
        ObjectNode step = JSON.createObjectNode();
        switch (a) {
            case UserAction.Unscripted u -> {
                problems.add(u.what() + " at " + u.at() + " ms: a scenario has no step for it, so the replay goes on "
                        + "without it");
                return;
            }
            case UserAction.Call c -> {
                step.put("call", c.method());
                step.set("args", JSON.valueToTree(c.args()));
            }
            case UserAction.Back b -> step.put("back", b.pages());
            case UserAction.Tab t -> {
                if (t.text() == null || t.text().isEmpty()) {
                    step.put("tab", t.index());
                } else {
                    step.put("tab", t.text());
                }
            }
        }
        add(a.at(), step);
    }

    private void event(Event e) {
        if (stopped) {
            return;
        }
        switch (e.type()) {
            case "prompt" -> {
                if (openPrompts++ == 0) {
                    timersAtPrompt = sim.loop().timersRun();
                }
            }
            case "decision" -> {
                if (whilePromptOpen > 0) {
                    // the scenario's user answers at once: what ran while the person thought comes after the answer
                    problems.add("timers wrote " + whilePromptOpen + " line(s) of the transcript while the " + e.str("kind")
                            + " prompt waited for your answer; the replay answers at once, so they come after its "
                            + "decision there");
                    whilePromptOpen = 0;
                }
                openPrompts = Math.max(0, openPrompts - 1);
                decisions.computeIfAbsent(e.str("kind"), k -> JSON.createArrayNode())
                        .add(JSON.valueToTree(e.get("decision")));
                counted();
            }
            case "setData" -> {
                if (e.get("page") != null) {
                    leaves(e.get("data"), dataShown.computeIfAbsent(e.str("page"), k -> new LinkedHashSet<>()));
                }
            }
            default -> {
            }
        }
        // the replay's user answers as soon as the prompt's own task is done, before any timer fires
        if (openPrompts > 0 && !e.type().equals("decision") && sim.loop().timersRun() > timersAtPrompt) {
            whilePromptOpen++;
        }
    }

    /** The time since the previous action as a wait, then the step. */
    private void add(long at, ObjectNode step) {
        waitUntil(at);
        steps.add(step);
        counted();
    }

    private void waitUntil(long at) {
        if (at > lastAt) {
            steps.add(JSON.createObjectNode().put("wait", at - lastAt));
            lastAt = at;
        }
    }

    private void counted() {
        actions++;
        onStep.accept(actions);
    }

    private static void leaves(Object value, Set<String> out) {
        if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> leaves(v, out));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> leaves(v, out));
        } else if (value instanceof String || value instanceof Number) {
            String s = value instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                    ? String.valueOf(d.longValue()) : String.valueOf(value);
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
    }

    // ------------------------------------------------------------------ the file

    /**
     * Ends the recording (runtime thread, at the moment the person stops): the time since the last
     * action as a wait, {@code see} steps for what the top page shows; returns the scenario in
     * CONTRACT's format with the session's transcript so far. Later events are not recorded.
     */
    public Recording stop() {
        if (!stopped) {
            waitUntil(sim.loop().now());
            seeSteps();
            if (openPrompts > 0) {
                problems.add(openPrompts + " prompt(s) were still open when the recording stopped: the replay has no "
                        + "decision for them and stops there");
            }
            stopped = true;
        }
        ObjectNode root = JSON.createObjectNode();
        RunConfig config = sim.config();
        root.put("description", "Recorded in the MiniSim window"
                + (problems.isEmpty() ? "" : "; not recorded: " + String.join("; ", problems)));
        root.put("page", sim.program().homePage());
        if (profile != null) {
            root.put("profile", profile);
        }
        root.put("seed", config.seed());
        root.put("now", Instant.ofEpochMilli(config.now()).atZone(CLIENT_ZONE).toOffsetDateTime().toString());
        if (!decisions.isEmpty()) {
            ObjectNode d = root.putObject("decisions");
            decisions.forEach(d::set);
        }
        root.set("steps", steps.deepCopy());
        return new Recording(root, sim.events().snapshot(), problems());
    }

    /**
     * The scenario as the file holds it, laid out as people write scenarios (the README's): one
     * key per line, each step and each kind's decisions on a line of its own, values as compact
     * JSON; every value is written by Jackson.
     */
    public static String write(ObjectNode scenario) {
        StringBuilder sb = new StringBuilder("{\n");
        var fields = scenario.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            sb.append("  ").append(compact(JSON.getNodeFactory().textNode(f.getKey()))).append(": ");
            JsonNode v = f.getValue();
            if (v.size() > 0 && (f.getKey().equals("steps") && v.isArray() || f.getKey().equals("decisions") && v.isObject())) {
                boolean array = v.isArray();
                sb.append(array ? "[\n" : "{\n");
                List<String> lines = new ArrayList<>();
                if (array) {
                    v.forEach(item -> lines.add("    " + compact(item)));
                } else {
                    v.fields().forEachRemaining(d -> lines.add("    " + compact(JSON.getNodeFactory().textNode(d.getKey()))
                            + ": " + compact(d.getValue())));
                }
                sb.append(String.join(",\n", lines)).append(array ? "\n  ]" : "\n  }");
            } else {
                sb.append(compact(v));
            }
            sb.append(fields.hasNext() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    /** {@code {"a": 1, "b": [2, 3]}}: JSON on one line, spaced as people write it. */
    private static String compact(JsonNode node) {
        if (node.isObject()) {
            List<String> parts = new ArrayList<>();
            node.fields().forEachRemaining(f -> parts.add(compact(JSON.getNodeFactory().textNode(f.getKey())) + ": "
                    + compact(f.getValue())));
            return "{" + String.join(", ", parts) + "}";
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(compact(n)));
            return "[" + String.join(", ", parts) + "]";
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code see} steps for the top page: the texts that show values the session's setData calls
     * sent (what changed), else the first few texts of the page.
     */
    private void seeSteps() {
        PageInstance top = sim.router().top();
        if (top == null) {
            return;
        }
        Optional<VElement> tree = sim.screen().tree(top.id());
        if (tree.isEmpty()) {
            return;   // a simulated plugin page, or a page without a template
        }
        VElement root = tree.get();
        List<VElement> texts = new ArrayList<>();
        root.walk(e -> {
            if (!e.hidden() && TargetPicker.holdsText(e) && TargetPicker.deepestWithText(e)) {
                texts.add(e);
            }
        });
        Set<String> shown = dataShown.getOrDefault(top.route(), Set.of());
        List<VElement> chosen = texts.stream().filter(e -> showsAny(e.text(), shown)).limit(MAX_SEE).toList();
        if (chosen.isEmpty()) {
            chosen = texts.stream().limit(MAX_SEE - 1).toList();
        }
        Set<String> written = new LinkedHashSet<>();
        for (VElement e : chosen) {
            TargetPicker.forSee(root, e).ifPresent(t -> {
                if (written.add(t.toString())) {
                    steps.add(JSON.createObjectNode().set("see", t));
                }
            });
        }
    }

    /** Whether the text shows one of the values: as a part of it, or (a short one) as a word of its own. */
    private static boolean showsAny(String text, Set<String> values) {
        List<String> words = List.of(text.split("[\\s:：/,，()（）]+"));
        for (String v : values) {
            if (text.equals(v) || v.length() >= 2 && text.contains(v) || words.contains(v)) {
                return true;
            }
        }
        return false;
    }
}
