package dev.minisim.cli;

import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.program.MiniProgram;
import dev.minisim.events.TranscriptWriter;
import dev.minisim.scenario.RunResult;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.ui.ShotRunner;
import dev.minisim.user.PolicyDecisions;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shot}: the window, off screen, after every step and prompt of a scenario. */
@Command(name = "shot", mixinStandardHelpOptions = true,
        description = "Like run, but render the simulator window off screen (no display needed) and write a PNG of it "
                + "after the launch, every step and every prompt; the transcript goes to DIR/transcript.jsonl.")
final class ShotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "APP_DIR", description = "mini-program folder")
    Path app;

    @Option(names = "--scenario", required = true, paramLabel = "FILE")
    Path scenario;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the PNGs go (created)")
    Path out;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        MiniProgram program;
        Scenario sc;
        RunConfig config;
        PolicyDecisions policy;
        try {
            program = MiniProgram.load(app);
            sc = ScenarioParser.read(scenario);
            config = options.config(sc, program);
            policy = options.policy(program.folder());
            Files.createDirectories(out);
        } catch (BadInputException e) {
            System.err.println("minisim: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        ShotRunner shots = new ShotRunner(out);
        RunResult result;
        try (OutputStream t = new BufferedOutputStream(Files.newOutputStream(out.resolve("transcript.jsonl")))) {
            result = shots.play(program, sc, config, policy, Duration.ofSeconds(timeoutSeconds),
                    new TranscriptWriter(t));
        }
        shots.written().forEach(p -> System.out.println(p));
        for (String p : result.problems()) {
            System.err.println("minisim: " + p);
        }
        return result.exitCode();
    }
}
