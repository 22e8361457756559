package dev.minisim.explore;

import dev.minisim.api.RunConfig;
import dev.minisim.app.Simulation;
import dev.minisim.events.Event;
import dev.minisim.program.MiniProgram;
import dev.minisim.program.PageInstance;
import dev.minisim.scenario.RunResult;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.scenario.Step;
import dev.minisim.user.PolicyDecisions;
import dev.minisim.view.VElement;
import dev.minisim.view.VNode;
import dev.minisim.view.VText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Plays a scenario once per branch of the simulated user's answers, depth first (CONTRACT.md,
 * "Explore"; issue #13). Every branch is a fresh run that replays its prefix of answers, so a
 * prompt that only comes after a given answer (a second getAuthCode after a refusal) is met
 * because the branch really runs. The mini-program is parsed once and every run shares the
 * Engine, as {@code test} does.
 */
public final class Explorer {

    /** Every prompt kind the explorer answers unless {@code --kinds} narrows it. */
    public static final List<String> KINDS = Scenario.PROMPT_KINDS;

    /** The seed when the scenario gives none: each branch must be the same run but for its answers. */
    static final long SEED = 13;

    /** What a whole exploration found: the leaves in depth-first order, and whether --max cut it short. */
    public record Result(List<Branch> branches, boolean stoppedEarly, int max) {
        public long failed() {
            return branches.stream().filter(b -> !b.ok()).count();
        }
    }

    private final MiniProgram program;
    private final Scenario scenario;
    private final RunConfig config;
    private final PolicyDecisions policy;
    private final Set<String> kinds;
    private final ScenarioPlayer player;

    /**
     * @param config run configuration; without a seed or launch time it gets fixed ones, the same for
     *               every branch, so branches differ only by their answers
     */
    public Explorer(MiniProgram program, Scenario scenario, RunConfig config, PolicyDecisions policy, Set<String> kinds,
                    ScenarioPlayer player) {
        this.program = program;
        this.scenario = scenario;
        RunConfig c = config.seed() == null ? config.withSeed(SEED) : config;
        this.config = c.now() == null ? c.withNow(System.currentTimeMillis()) : c;
        this.policy = policy;
        this.kinds = Set.copyOf(kinds);
        this.player = player;
    }

    /** Explores up to {@code max} branches, one run at a time; {@code each} hears every branch as it ends. */
    public Result explore(int max, Consumer<Branch> each) {
        return explore(max, 1, each);
    }

    /**
     * Explores up to {@code max} branches with up to {@code jobs} runs at a time. The tree, its order
     * and where --max cuts it are those of one run at a time: a branch's siblings, known as soon as it
     * ends, are played ahead on other threads while the walk goes on in order; {@code each} hears the
     * branches in the tree's order, from the calling thread.
     */
    public Result explore(int max, int jobs, Consumer<Branch> each) {
        Walk w = new Walk(max, jobs, each);
        try {
            w.walk(List.of());
        } finally {
            w.close();
        }
        return new Result(List.copyOf(w.found), w.stopped, max);
    }

    /** One exploration's state: the leaves found, and the runs started ahead of the walk. */
    private final class Walk {
        final int max;
        final Consumer<Branch> each;
        final List<Branch> found = new ArrayList<>();
        final Map<List<Integer>, Future<Branch>> ahead = new HashMap<>();
        final ExecutorService pool;
        boolean stopped;

        Walk(int max, int jobs, Consumer<Branch> each) {
            this.max = max;
            this.each = each;
            this.pool = jobs <= 1 ? null : Executors.newFixedThreadPool(jobs, r -> {
                Thread t = new Thread(r, "minisim-explore");
                t.setDaemon(true);
                return t;
            });
        }

        /**
         * Depth first in the tree's order: the branch that takes every prompt's first answer, then its
         * deepest prompt's other answers, then up. Each sibling starts from its own prefix, and what it
         * meets after that prefix is learnt by running it.
         */
        void walk(List<Integer> prefix) {
            if (found.size() >= max) {
                stopped = true;
                return;
            }
            Branch leaf = run(prefix);
            found.add(leaf);
            each.accept(leaf);
            List<Integer> taken = leaf.choices();
            List<List<Integer>> siblings = new ArrayList<>();
            for (int i = taken.size() - 1; i >= prefix.size(); i--) {
                int options = leaf.path().get(i).classes().size();
                for (int j = 1; j < options; j++) {
                    List<Integer> next = new ArrayList<>(taken.subList(0, i));
                    next.add(j);
                    siblings.add(List.copyOf(next));
                }
            }
            startAhead(siblings);
            for (List<Integer> next : siblings) {
                if (found.size() >= max) {
                    stopped = true;
                    return;
                }
                walk(next);
            }
        }

        /** Starts the siblings' runs on the pool, as many as --max can still take. */
        private void startAhead(List<List<Integer>> siblings) {
            if (pool == null) {
                return;
            }
            for (List<Integer> next : siblings) {
                if (found.size() + ahead.size() >= max) {
                    return;
                }
                ahead.put(next, pool.submit(() -> play(next, e -> { }, ScenarioPlayer.Observer.NONE)));
            }
        }

        private Branch run(List<Integer> prefix) {
            Future<Branch> f = ahead.remove(prefix);
            if (f == null) {
                return play(prefix, e -> { }, ScenarioPlayer.Observer.NONE);
            }
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while exploring", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("internal simulator error: " + e.getCause(), e.getCause());
            }
        }

        void close() {
            if (pool != null) {
                ahead.values().forEach(f -> f.cancel(true));
                pool.shutdownNow();
            }
        }
    }

    /**
     * Plays one branch: the explored prompts answered by {@code choices} (then by their first
     * answer), the scenario's steps and other decisions as written. The window replays a branch
     * with this, following it through {@code observer}.
     */
    public Branch play(List<Integer> choices, Consumer<Event> sink, ScenarioPlayer.Observer observer) {
        BranchUser user = new BranchUser(kinds, choices, config.profile());
        List<Event> events = new ArrayList<>();
        String[] text = {null};
        long started = System.nanoTime();
        RunResult result = player.play(program, scenario, config, policy, e -> {
            events.add(e);
            sink.accept(e);
        }, new ScenarioPlayer.Observer() {
            @Override
            public void created(Simulation sim) {
                sim.user().add(user);
                observer.created(sim);
            }

            @Override
            public void launched(Simulation sim) {
                observer.launched(sim);
            }

            @Override
            public void afterStep(Simulation sim, Step step) {
                observer.afterStep(sim, step);
            }

            @Override
            public void finished(Simulation sim) {
                PageInstance top = sim.router().top();
                text[0] = top == null ? "" : sim.screen().tree(top.id()).map(Explorer::text).orElse("");
                observer.finished(sim);
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Branch(user.met(), result.status(), problems(result, events), endPages(events), text[0] == null ? "" : text[0],
                List.copyOf(events), millis);
    }

    /** The page's text as a reader sees it: each text node trimmed, separated by one space. */
    public static String text(VElement root) {
        StringBuilder b = new StringBuilder();
        collect(root, b);
        return b.toString().trim();
    }

    private static void collect(VNode node, StringBuilder b) {
        if (node instanceof VText t) {
            String s = t.text().trim().replaceAll("\\s+", " ");
            if (!s.isEmpty()) {
                b.append(b.isEmpty() ? "" : " ").append(s);
            }
        } else if (node instanceof VElement e && !e.hidden()) {
            e.children().forEach(c -> collect(c, b));
        }
    }

    /** The run's error events, then the failed expects (which have no event of type error). */
    private static List<Branch.Problem> problems(RunResult result, List<Event> events) {
        List<Branch.Problem> out = new ArrayList<>();
        for (Event e : events) {
            if (e.type().equals("error")) {
                out.add(new Branch.Problem(String.valueOf(e.get("message")), e.str("source")));
            }
        }
        for (String p : result.problems()) {
            if (out.stream().anyMatch(x -> p.contains(x.message()))) {
                continue;
            }
            int step = p.indexOf(": step ");
            out.add(step < 0 ? new Branch.Problem(p, null) : new Branch.Problem(p.substring(step + 2), p.substring(0, step)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> endPages(List<Event> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).type().equals("end") && events.get(i).get("pages") instanceof List<?> l) {
                return ((List<Object>) l).stream().map(String::valueOf).toList();
            }
        }
        return List.of();
    }

    public Set<String> kinds() {
        return kinds;
    }

    public Scenario scenario() {
        return scenario;
    }
}
