package dev.minisim.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.api.RunConfig;
import dev.minisim.app.Simulation;
import dev.minisim.program.MiniProgram;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.user.PolicyDecisions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CONTRACT.md, "Explore", and issue #13: depth first over every answer, one branch per result. */
class ExplorerTest {

    static final Path FIXTURES = Path.of("src/test/resources/explore");

    static Explorer explorer(Path app, String scenario, Set<String> kinds) throws Exception {
        MiniProgram program = MiniProgram.load(app);
        Scenario sc = scenario == null ? Scenario.empty() : ScenarioParser.read(app.resolve(scenario));
        RunConfig config = sc.apply(Scenario.withFolderConfig(RunConfig.defaults(), program.folder()), null, null);
        return new Explorer(program, sc, config, new PolicyDecisions(), kinds,
                new ScenarioPlayer(Simulation.Options.headless(), Duration.ofSeconds(60)));
    }

    static List<String> lines(Explorer.Result r) {
        return r.branches().stream().map(b -> b.pathLabel() + " -> " + b.status() + " " + b.text()).toList();
    }

    @Test
    @DisplayName("issue #13: getAuthCode (allow, partial grants, refuse, close, six codes) then signContract has 21 distinct outcomes")
    void twentyOneBranches() throws Exception {
        Explorer.Result r = explorer(FIXTURES.resolve("auth-sign"), "scenarios/start.json", Set.copyOf(Explorer.KINDS))
                .explore(500, b -> { });

        assertThat(r.stoppedEarly()).isFalse();
        assertThat(r.branches()).as(String.join("\n", lines(r))).hasSize(21);
        assertThat(r.failed()).isZero();
        // every branch ends with a different page text: the branches really are distinct results
        assertThat(r.branches().stream().map(Branch::text).collect(Collectors.toSet())).hasSize(21);
        // depth first, the "yes" path first: allow, then sign
        assertThat(r.branches().get(0).pathLabel()).isEqualTo("getAuthCode=allow signContract=allow");
        assertThat(r.branches().get(0).text()).contains("signed as auth_user+USER_NAME");
        assertThat(r.branches().get(1).pathLabel()).isEqualTo("getAuthCode=allow signContract=cancel/6001");
    }

    @Test
    @DisplayName("CONTRACT.md: in the default wallet deny, cancel and \"1001\" of getAuthCode are one branch; cancel and \"6001\" of signContract are one")
    void equivalentAnswersAreOneBranch() throws Exception {
        Explorer.Result r = explorer(FIXTURES.resolve("auth-sign"), "scenarios/start.json", Set.copyOf(Explorer.KINDS))
                .explore(500, b -> { });

        List<String> labels = r.branches().stream().map(Branch::pathLabel).toList();
        assertThat(labels).contains("getAuthCode=deny/cancel/1001", "getAuthCode=3", "getAuthCode=2001",
                "getAuthCode={\"allow\":[\"USER_NAME\"]} signContract=7002",
                "getAuthCode={\"allow\":[\"auth_user\"]} signContract=cancel/6001");
        assertThat(labels).noneMatch(l -> l.contains("=cancel ") || l.endsWith("=1001") || l.endsWith("=6001"));
    }

    @Test
    @DisplayName("issue #13: a planted bug (the sign fail handler reads errorMessage, not errMessage) is reported on exactly the branches that reach it")
    void plantedBug() throws Exception {
        Explorer.Result r = explorer(FIXTURES.resolve("auth-sign-bug"), "scenarios/start.json", Set.copyOf(Explorer.KINDS))
                .explore(500, b -> { });

        assertThat(r.branches()).hasSize(21);
        List<Branch> failing = r.branches().stream().filter(b -> !b.ok()).toList();
        // 3 grants (allow, two partial) x 4 sign failures (6001, 6002, 7001, 7002)
        assertThat(failing).hasSize(12);
        assertThat(failing).allSatisfy(b -> {
            assertThat(b.path()).hasSize(2);
            assertThat(b.path().get(1).kind()).isEqualTo("signContract");
            assertThat(b.path().get(1).decision().asText()).isNotEqualTo("allow");
            assertThat(b.status()).isEqualTo("error");
            assertThat(b.errors()).anySatisfy(p -> {
                assertThat(p.message()).contains("TypeError");
                assertThat(p.source()).isEqualTo("pages/index/index.js:11");
            });
        });
        assertThat(r.branches().stream().filter(Branch::ok))
                .allSatisfy(b -> assertThat(b.pathLabel()).matches(".*signContract=allow|getAuthCode=[^ ]+$"));
    }

    @Test
    @DisplayName("issue #13: a prompt that only comes after a refusal is found, because each branch really runs")
    void dependentPrompts() throws Exception {
        Explorer.Result r = explorer(FIXTURES.resolve("retry"), null, Set.copyOf(Explorer.KINDS)).explore(500, b -> { });

        List<String> labels = r.branches().stream().map(Branch::pathLabel).toList();
        // the first getAuthCode: allow, deny/cancel/1001, 3, 1000, 1002, 1003, 2001 (one scope: no partial grant)
        // a refusal asks to confirm; confirm asks again (7 answers), cancel gives up
        assertThat(labels).contains("getAuthCode=allow",
                "getAuthCode=deny/cancel/1001 confirm=confirm getAuthCode=allow",
                "getAuthCode=1003 confirm=cancel");
        assertThat(r.branches()).hasSize(1 + 6 * (7 + 1));
        assertThat(r.branches().stream().filter(b -> b.pathLabel().equals("getAuthCode=3 confirm=confirm getAuthCode=2001"))
                .findFirst().orElseThrow().text()).isEqualTo("refused twice, last 2001");
    }

    @Test
    @DisplayName("issue #13: --max N bounds the branches and says it stopped early")
    void maxStopsEarly() throws Exception {
        Explorer.Result r = explorer(FIXTURES.resolve("auth-sign"), "scenarios/start.json", Set.copyOf(Explorer.KINDS))
                .explore(5, b -> { });

        assertThat(r.branches()).hasSize(5);
        assertThat(r.stoppedEarly()).isTrue();
        assertThat(ExploreReport.summary(r)).contains("stopped early after 5 branches");
        Explorer.Result all = explorer(FIXTURES.resolve("auth-sign"), "scenarios/start.json", Set.copyOf(Explorer.KINDS))
                .explore(21, b -> { });
        assertThat(all.stoppedEarly()).as("exactly 21 branches fit in --max 21").isFalse();
    }

    @Test
    @DisplayName("--kinds: only those kinds branch; another kind's prompt with no decision is a prompt left unanswered")
    void kindsFilter() throws Exception {
        Explorer.Result r = explorer(FIXTURES.resolve("auth-sign"), "scenarios/start.json", Set.of("getAuthCode"))
                .explore(500, b -> { });

        assertThat(r.branches()).hasSize(9);
        assertThat(r.branches()).allSatisfy(b -> assertThat(b.path()).extracting(PathStep::kind).containsOnly("getAuthCode"));
        Branch granted = r.branches().get(0);
        assertThat(granted.status()).isEqualTo("error");
        assertThat(granted.outcome()).isEqualTo("prompt unanswered");
        assertThat(granted.errors().get(0).message()).startsWith("no decision for the signContract prompt");
    }

    @Test
    @DisplayName("--jobs: several runs at a time give the same tree in the same order, cut by --max at the same place")
    void parallelIsTheSameTree() throws Exception {
        Path app = FIXTURES.resolve("retry");
        List<String> one = lines(explorer(app, null, Set.copyOf(Explorer.KINDS)).explore(500, 1, b -> { }));
        List<String> three = lines(explorer(app, null, Set.copyOf(Explorer.KINDS)).explore(500, 3, b -> { }));
        assertThat(three).isEqualTo(one);

        Explorer.Result cutOne = explorer(app, null, Set.copyOf(Explorer.KINDS)).explore(11, 1, b -> { });
        Explorer.Result cutThree = explorer(app, null, Set.copyOf(Explorer.KINDS)).explore(11, 3, b -> { });
        assertThat(lines(cutThree)).isEqualTo(lines(cutOne)).hasSize(11);
        assertThat(cutThree.stoppedEarly()).isTrue();
    }

    @Test
    @DisplayName("issue #13: a leaf's outcome can be a loop stopped (a page that asks again from the onShow the prompt's close causes)")
    void loopStopped() throws Exception {
        Explorer.Result r = explorer(FIXTURES.resolve("loop"), null, Set.copyOf(Explorer.KINDS)).explore(4, b -> { });

        assertThat(r.branches()).hasSize(4).allSatisfy(b -> {
            assertThat(b.status()).isEqualTo("error");
            assertThat(b.outcome()).isEqualTo("loop stopped");
            assertThat(b.errors().get(0).source()).isEqualTo("pages/index/index.js:5");
            assertThat(b.path()).extracting(PathStep::kind).containsOnly("getAuthCode");
        });
        assertThat(r.stoppedEarly()).isTrue();
    }
}
