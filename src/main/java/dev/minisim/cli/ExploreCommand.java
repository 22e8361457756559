package dev.minisim.cli;

import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.app.Simulation;
import dev.minisim.explore.Branch;
import dev.minisim.explore.ExploreReport;
import dev.minisim.explore.Explorer;
import dev.minisim.program.MiniProgram;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.user.PolicyDecisions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code explore}: the scenario once per branch of the simulated user's answers (CONTRACT.md "Explore", issue #13). */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Play the scenario once per branch of the simulated user's answers, depth first: every answer "
                + "of every prompt (answers that give the app the same result are one branch). One line per branch, "
                + "then a summary.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every branch ok", "1:any branch with an error or a failed expect",
                "2:bad input (not a mini-program folder, invalid scenario, bad option)"})
final class ExploreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "APP_DIR", description = "mini-program folder (with app.json)")
    Path app;

    @Option(names = "--scenario", paramLabel = "FILE", description = "scenario file (JSON); none: launch and stop")
    Path scenario;

    @Option(names = "--json", paramLabel = "FILE", description = "write the tree as JSON (CONTRACT.md's shape)")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "write a self-contained HTML report of the tree")
    Path html;

    // issue #13: "where the window can paint off screen, a thumbnail of each leaf's page" — it can
    // (Monocle, as `shot`), so the report has them unless asked not to (each costs a replay)
    @Option(names = "--thumbnails", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "with --html: paint each leaf's last page off screen as a thumbnail (default; "
                    + "--no-thumbnails skips them: each leaf is played once more for its picture)")
    boolean thumbnails;

    @Option(names = "--max", paramLabel = "N", defaultValue = "500",
            description = "explore at most N branches (default: ${DEFAULT-VALUE}); the summary says when it stopped early")
    int max;

    @Option(names = "--kinds", paramLabel = "K,...", split = ",",
            description = "explore only these prompt kinds (default: all): getAuthCode, signContract, plugin, confirm, "
                    + "modal, actionSheet, authorize, getUserProfile, getPhoneNumber, getUserInfo, chooseAvatar, getAuthorize; "
                    + "the scenario's decisions answer the others")
    List<String> kinds = new ArrayList<>();

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "time limit of each branch's run, in real seconds (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--task-budget", paramLabel = "MS", defaultValue = "5000",
            description = "how long one script task may run before it is stopped as runaway (default: ${DEFAULT-VALUE})")
    long taskBudgetMs;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "play up to N branches at a time, each in its own context on the shared Engine (default: "
                    + "${DEFAULT-VALUE}, as test: on a busy 2-core machine more runs at a time were slower); the tree, its "
                    + "order and where --max cuts it stay the same")
    int jobs;

    @Option(names = "--bench", hidden = true, description = "print the exploration's wall time to standard error")
    boolean bench;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = System.err;
        MiniProgram program;
        Scenario sc;
        RunConfig config;
        PolicyDecisions policy;
        try {
            program = MiniProgram.load(app);
            sc = scenario == null ? Scenario.empty() : ScenarioParser.read(scenario);
            config = options.config(sc, program);
            policy = options.policy();
        } catch (BadInputException e) {
            err.println("minisim: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (max < 1) {
            err.println("minisim: --max " + max + ": expected 1 or more");
            return Main.BAD_INPUT;
        }
        Set<String> explored = new LinkedHashSet<>(kinds.isEmpty() ? Explorer.KINDS : kinds);
        for (String k : explored) {
            if (!Explorer.KINDS.contains(k)) {
                err.println("minisim: --kinds " + k + ": not a prompt kind; expected some of " + String.join(", ", Explorer.KINDS));
                return Main.BAD_INPUT;
            }
        }
        Simulation.Options sim = Simulation.Options.headless().withTaskBudget(Duration.ofMillis(taskBudgetMs));
        Explorer explorer = new Explorer(program, sc, config, policy, explored,
                new ScenarioPlayer(sim, Duration.ofSeconds(timeoutSeconds)));
        if (jobs < 1) {
            err.println("minisim: --jobs " + jobs + ": expected 1 or more");
            return Main.BAD_INPUT;
        }
        // one branch = one fresh context, each made ahead on the second core while the branch before plays
        dev.minisim.runtime.JsRuntime.prepareAhead();
        Explorer.Result result = explorer.explore(max, jobs, b -> out.println(ExploreReport.line(b)));
        out.println(ExploreReport.summary(result));
        if (bench) {
            err.printf("explore: %d branches in %d ms (whole command, parsing included); per branch: %s ms%n",
                    result.branches().size(), (System.nanoTime() - started) / 1_000_000,
                    result.branches().stream().map(b -> String.valueOf(b.millis())).collect(java.util.stream.Collectors.joining(" ")));
        }
        try {
            if (json != null) {
                Files.writeString(json, ExploreReport.json(result), StandardCharsets.UTF_8);
            }
            if (html != null) {
                String title = "explore " + program.folder().getFileName() + (scenario == null ? "" : " — " + scenario.getFileName());
                java.util.function.Function<Branch, byte[]> paint = thumbnails ? dev.minisim.ui.ExploreThumbnails.of(explorer) : null;
                Files.writeString(html, ExploreReport.html(title, result, paint), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println("minisim: cannot write the report (" + e.getMessage() + ")");
            return Main.BAD_INPUT;
        }
        return result.failed() == 0 ? Main.OK : Main.FAILED;
    }
}
