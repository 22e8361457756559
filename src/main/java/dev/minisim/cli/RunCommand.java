package dev.minisim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.program.PluginDefinition;
import dev.minisim.user.PolicyDecisions;
import java.util.ArrayList;
import dev.minisim.program.MiniProgram;
import dev.minisim.app.Simulation;
import dev.minisim.events.EventStream;
import dev.minisim.events.TranscriptWriter;
import dev.minisim.scenario.RunResult;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.scenario.ScenarioPlayer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run}: a headless run that writes the transcript (CONTRACT.md). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Launch the mini-program with no window, play the scenario, write the transcript (JSON Lines).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the run finished and every expect held",
                "1:an expect failed, the mini-program threw an uncaught error, or the run hit its time limit",
                "2:bad input (unreadable folder, invalid app.json, invalid scenario)"})
class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "APP_DIR", description = "mini-program folder (with app.json)")
    Path app;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--scenario", paramLabel = "FILE", description = "scenario file (JSON); none: launch and stop")
    Path scenario;

    @Option(names = "--transcript", paramLabel = "FILE", defaultValue = "-",
            description = "where the transcript goes; '-' (default) is standard output")
    String transcript;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "time limit of the whole run, in real seconds (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--task-budget", paramLabel = "MS", defaultValue = "5000",
            description = "how long one script task may run before it is stopped as runaway (default: ${DEFAULT-VALUE})")
    long taskBudgetMs;

    @Override
    public Integer call() {
        return execute(ScenarioPlayer.Observer.NONE);
    }

    /** Plays the run; {@code observer} follows it (render prints the page at its end). */
    Integer execute(ScenarioPlayer.Observer observer) {
        PrintStream err = System.err;
        MiniProgram program;
        Scenario sc;
        RunConfig config;
        PolicyDecisions policy;
        try {
            program = MiniProgram.load(app);
            sc = scenario == null ? Scenario.empty() : ScenarioParser.read(scenario);
            config = options.config(sc, program);
            policy = options.policy(program.folder());
        } catch (BadInputException e) {
            err.println("minisim: " + e.getMessage());
            writeBadInputTranscript(e.getMessage());
            return Main.BAD_INPUT;
        }
        OutputStream out;
        try {
            out = transcript.isEmpty() ? OutputStream.nullOutputStream() : transcript.equals("-") ? new NonClosing(System.out)
                    : new BufferedOutputStream(Files.newOutputStream(Path.of(transcript)));
        } catch (IOException e) {
            err.println("minisim: " + transcript + ": cannot write the transcript (" + e.getMessage() + ")");
            return Main.BAD_INPUT;
        }
        try (out) {
            Simulation.Options options = Simulation.Options.headless().withTaskBudget(Duration.ofMillis(taskBudgetMs));
            RunResult result = new ScenarioPlayer(options, Duration.ofSeconds(timeoutSeconds))
                    .play(program, sc, config, policy, transcript.isEmpty() ? e -> { } : new TranscriptWriter(out), observer);
            for (String p : result.problems()) {
                err.println("minisim: " + p);
            }
            return result.exitCode();
        } catch (IOException e) {
            err.println("minisim: " + transcript + ": " + e.getMessage());
            return Main.FAILED;
        }
    }

    /** Even a run that cannot start leaves a transcript whose last line is {@code end}. */
    private void writeBadInputTranscript(String message) {
        if (transcript.isEmpty()) {
            return;
        }
        EventStream events = new EventStream(() -> 0L);
        try (OutputStream out = transcript.equals("-") ? new NonClosing(System.out)
                : new BufferedOutputStream(Files.newOutputStream(Path.of(transcript)))) {
            events.subscribe(new TranscriptWriter(out));
            events.emit("error", "message", message, "source", "input");
            events.emit("end", "status", "error", "pages", List.of(), "errors", 1);
        } catch (IOException e) {
            err().println("minisim: " + transcript + ": cannot write the transcript (" + e.getMessage() + ")");
        }
    }

    private static PrintStream err() {
        return System.err;
    }

    /** Standard output must stay open after the run. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
