package dev.minisim.cli;

import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.app.Simulation;
import dev.minisim.events.Event;
import dev.minisim.events.TranscriptWriter;
import dev.minisim.program.MiniProgram;
import dev.minisim.scenario.JUnitReport;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.scenario.ScenarioSuite;
import dev.minisim.user.PolicyDecisions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code test}: every scenario of a mini-program in one process (CONTRACT.md, issue #11). */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Play every scenario (default: APP_DIR/scenarios/*.json) in one process; one line per scenario, "
                + "then 'N passed, M failed'. An invalid scenario file fails with its line; the others still run.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every scenario passed", "1:any scenario failed (a failed expect, an error, an invalid file)",
                "2:bad input (not a mini-program folder, no scenarios)"})
final class TestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "APP_DIR", description = "mini-program folder (with app.json)")
    Path app;

    @Parameters(index = "1..*", paramLabel = "SCENARIO", description = "scenario files (default: APP_DIR/scenarios/*.json)")
    List<Path> scenarios = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "FILE", description = "also write a JUnit XML report (one testcase per scenario)")
    Path junit;

    @Option(names = "--transcripts", paramLabel = "DIR", description = "write each scenario's transcript to DIR/NAME.jsonl")
    Path transcripts;

    @Option(names = "--jobs", paramLabel = "N",
            description = "play N scenarios at a time, each in its own context on the shared Engine (default: the number of "
                    + "cores, at most the number of scenarios); the lines still come in file order")
    Integer jobs;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "time limit of each scenario's run, in real seconds (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--task-budget", paramLabel = "MS", defaultValue = "5000",
            description = "how long one script task may run before it is stopped as runaway (default: ${DEFAULT-VALUE})")
    long taskBudgetMs;

    @Override
    public Integer call() {
        // each scenario's context is made on the second core while the one before plays
        dev.minisim.runtime.JsRuntime.prepareAhead();
        PrintStream out = System.out;
        PrintStream err = System.err;
        MiniProgram program;
        List<Path> files;
        try {
            program = MiniProgram.load(app);
            files = scenarios.isEmpty() ? ScenarioSuite.discover(app) : scenarios;
            options.policy(program.folder()); // a malformed --decide or minisim.json is bad input before anything runs
        } catch (BadInputException e) {
            err.println("minisim: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (files.isEmpty()) {
            err.println("minisim: " + app.resolve(ScenarioSuite.FOLDER) + ": no scenario files (*.json) there; "
                    + "put scenarios in that folder or name the files after APP_DIR");
            return Main.BAD_INPUT;
        }
        if (transcripts != null) {
            try {
                Files.createDirectories(transcripts);
            } catch (IOException e) {
                err.println("minisim: " + transcripts + ": cannot create the folder (" + e.getMessage() + ")");
                return Main.BAD_INPUT;
            }
        }
        Path folder = program.folder();
        ScenarioSuite.Setup setup = new ScenarioSuite.Setup() {
            @Override
            public RunConfig config(Scenario scenario, MiniProgram p) throws BadInputException {
                return options.config(scenario, p);
            }

            @Override
            public PolicyDecisions policy() throws BadInputException {
                return options.policy(folder);
            }
        };
        Simulation.Options sim = Simulation.Options.headless().withTaskBudget(Duration.ofMillis(taskBudgetMs));
        ScenarioSuite suite = new ScenarioSuite(program, new ScenarioPlayer(sim, Duration.ofSeconds(timeoutSeconds)), setup);
        Instant started = Instant.now();
        List<ScenarioSuite.Outcome> outcomes = new ArrayList<>();
        int width = files.stream().mapToInt(f -> name(f).length()).max().orElse(0);
        if (jobs != null && jobs < 1) {
            err.println("minisim: --jobs " + jobs + ": expected 1 or more");
            return Main.BAD_INPUT;
        }
        int parallel = jobs(jobs, Runtime.getRuntime().availableProcessors(), files.size());
        // one run per task; a failed transcript file stops the suite as bad input
        List<Callable<ScenarioSuite.Outcome>> tasks = files.stream().<Callable<ScenarioSuite.Outcome>>map(f -> () -> {
            try (OutputStream t = transcripts == null ? null
                    : new BufferedOutputStream(Files.newOutputStream(transcripts.resolve(name(f) + ".jsonl")))) {
                Consumer<Event> sink = t == null ? null : new TranscriptWriter(t);
                return suite.play(f, sink);
            }
        }).toList();
        ExecutorService pool = parallel == 1 ? null : Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "minisim-test");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ScenarioSuite.Outcome>> running = new ArrayList<>();
            for (Callable<ScenarioSuite.Outcome> task : tasks) {
                running.add(pool == null ? null : pool.submit(task));
            }
            for (int i = 0; i < tasks.size(); i++) {
                ScenarioSuite.Outcome o;
                try {
                    o = pool == null ? tasks.get(i).call() : running.get(i).get();
                } catch (ExecutionException e) {
                    err.println("minisim: " + transcripts + ": cannot write the transcript (" + e.getCause().getMessage() + ")");
                    return Main.BAD_INPUT;
                } catch (IOException | UncheckedIOException e) {
                    err.println("minisim: " + transcripts + ": cannot write the transcript (" + e.getMessage() + ")");
                    return Main.BAD_INPUT;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Main.FAILED;
                } catch (Exception e) {
                    err.println("minisim: internal error: " + e);
                    return Main.FAILED;
                }
                outcomes.add(o);
                out.println(String.format("%-6s  %-" + width + "s  %5d ms%s", o.passed() ? "passed" : "failed", o.name(),
                        o.millis(), o.passed() ? "" : "  " + o.why()));
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        out.println((outcomes.size() - failed) + " passed, " + failed + " failed");
        if (junit != null) {
            try (OutputStream x = new BufferedOutputStream(Files.newOutputStream(junit))) {
                String suiteName = program.folder().toAbsolutePath().normalize().getFileName().toString();
                JUnitReport.write(suiteName, outcomes, started, x);
            } catch (IOException e) {
                err.println("minisim: " + junit + ": cannot write the JUnit report (" + e.getMessage() + ")");
                return Main.BAD_INPUT;
            }
        }
        return failed == 0 ? Main.OK : Main.FAILED;
    }

    /**
     * How many scenarios play at a time: {@code --jobs} when given, else one per core (issue #11: the
     * runs are independent contexts on the shared Engine, and on two cores a suite of runs finished
     * 15-20 % sooner with two at a time; docs/benchmarks.md), never more than there are scenarios.
     */
    static int jobs(Integer asked, int cores, int scenarios) {
        int n = asked != null ? asked : Math.max(1, cores);
        return Math.max(1, Math.min(n, scenarios));
    }

    private static String name(Path f) {
        return f.getFileName().toString().replaceFirst("\\.json$", "");
    }
}
