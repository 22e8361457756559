package dev.minisim.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.api.RunConfig;
import dev.minisim.app.Simulation;
import dev.minisim.events.Event;
import dev.minisim.program.MiniProgram;
import dev.minisim.program.PageInstance;
import dev.minisim.scenario.RunResult;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.scenario.ScenarioSuite;
import dev.minisim.user.PolicyDecisions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #13, "Done when": on the bundled samples the explorer finds every outcome the scenarios
 * test by hand. Each sample scenario is played as written, then explored: the branch that gives
 * the scenario's own answers must be there with the same end (status, pages, page text), and every
 * result the app got from a prompting JSAPI or a plugin in the hand-played run must appear in some
 * branch.
 */
class SampleExploreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 60;
    private static final Set<String> PROMPTING = Set.of("getAuthCode", "signContract", "confirm", "showModal",
            "showActionSheet", "authorize", "getUserProfile");

    static Stream<Path> scenarios() throws Exception {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> apps = Files.list(Path.of("sample-miniapps"))) {
            for (Path app : apps.sorted().toList()) {
                if (Files.isDirectory(app.resolve("scenarios"))) {
                    all.addAll(ScenarioSuite.discover(app));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @DisplayName("issue #13: the explorer finds the outcome a sample scenario tests by hand")
    void findsTheHandTestedOutcome(Path file) throws Exception {
        Path app = file.getParent().getParent();
        MiniProgram program = MiniProgram.load(app);
        Scenario sc = ScenarioParser.read(file);
        RunConfig config = sc.apply(Scenario.withFolderConfig(RunConfig.defaults(), program.folder()), null, null);
        config = config.withSeed(config.seed() == null ? 7L : config.seed()).withNow(config.now() == null ? 1_764_000_000_000L : config.now());
        ScenarioPlayer player = new ScenarioPlayer(Simulation.Options.headless(), Duration.ofSeconds(60));

        List<Event> hand = new ArrayList<>();
        String[] handText = {""};
        RunResult handResult = player.play(program, sc, config, new PolicyDecisions(), hand::add, new ScenarioPlayer.Observer() {
            @Override
            public void finished(Simulation sim) {
                PageInstance top = sim.router().top();
                handText[0] = top == null ? "" : sim.screen().tree(top.id()).map(Explorer::text).orElse("");
            }
        });
        List<JsonNode> handAnswers = hand.stream().filter(e -> e.type().equals("decision"))
                .map(e -> JSON.valueToTree(e.get("decision"))).map(JsonNode.class::cast).toList();

        Explorer.Result explored = new Explorer(program, sc, config, new PolicyDecisions(), Set.copyOf(Explorer.KINDS), player)
                .explore(MAX, b -> { });

        Branch same = explored.branches().stream().filter(b -> takes(b, handAnswers)).findFirst().orElse(null);
        if (!explored.stoppedEarly() && enumerated(hand)) {
            assertThat(same).as("a branch answering %s among %s", handAnswers,
                    explored.branches().stream().map(Branch::pathLabel).toList()).isNotNull();
        }
        // a branch that played exactly the scenario's answers is the scenario's own run
        if (same != null && plays(same, handAnswers)) {
            assertThat(same.status()).isEqualTo(handResult.status());
            assertThat(same.text()).isEqualTo(handText[0]);
            assertThat(same.pages()).isEqualTo(endPages(hand));
        }
        Set<String> found = new LinkedHashSet<>();
        explored.branches().forEach(b -> found.addAll(results(b.events())));
        assertThat(found).containsAll(results(hand));
    }

    /**
     * Whether the explorer offers each of the run's answers: CONTRACT.md's partial grants refuse one
     * scope each, so a hand-written grant of one scope out of three (auth-demo's partial.json) is
     * not a branch of its own; its result (a partial grant) is still checked below.
     */
    private static boolean enumerated(List<Event> events) {
        Event prompt = null;
        for (Event e : events) {
            if (e.type().equals("prompt")) {
                prompt = e;
            } else if (e.type().equals("decision") && prompt != null && e.get("decision") instanceof Map<?, ?> m
                    && m.get("allow") instanceof List<?> allow && prompt.get("scopes") instanceof List<?> scopes
                    && allow.size() != scopes.size() - 1) {
                return false;
            }
        }
        return true;
    }

    /** Whether the branch played exactly these answers (not only answers with the same result). */
    private static boolean plays(Branch b, List<JsonNode> answers) {
        for (int i = 0; i < answers.size(); i++) {
            if (!b.path().get(i).decision().equals(answers.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the branch gave, prompt by prompt, answers with the same result as the scenario's. */
    private static boolean takes(Branch b, List<JsonNode> answers) {
        if (b.path().size() != answers.size()) {
            return false;
        }
        for (int i = 0; i < answers.size(); i++) {
            if (!b.path().get(i).answers().contains(answers.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the app was told by the prompting JSAPIs and the plugins, at the grain CONTRACT.md's
     * branches have: the callback and its error code (getAuthCode's refused scopes aside, since
     * refusing and closing are one branch there), a grant whole or partial, channel events.
     */
    private static Set<String> results(List<Event> events) {
        Set<String> out = new LinkedHashSet<>();
        for (Event e : events) {
            if ((e.type().equals("callback") || e.type().equals("promise")) && PROMPTING.contains(e.str("api"))) {
                String how = e.str("callback") != null ? e.str("callback") : e.str("state");
                Object payload = e.get("payload");
                if (payload instanceof Map<?, ?> m && m.containsKey("error")) {
                    payload = "error " + m.get("error");
                } else if (payload instanceof Map<?, ?> m && m.containsKey("authSuccessScopes")) {
                    payload = m.get("authErrorScopes") instanceof Map<?, ?> refused && !refused.isEmpty() ? "partial" : "all";
                } else if (payload instanceof Map<?, ?> m) {
                    Map<Object, Object> copy = new java.util.LinkedHashMap<>(m);
                    copy.remove("authCode");   // a fresh code per grant
                    payload = copy;
                }
                out.add(e.str("api") + " " + how + " " + payload);
            } else if (e.type().equals("channel")) {
                out.add("channel " + e.str("event") + " " + e.get("args"));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> endPages(List<Event> events) {
        Event end = events.get(events.size() - 1);
        return ((List<Object>) end.get("pages")).stream().map(String::valueOf).toList();
    }
}
