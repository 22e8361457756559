package dev.minisim.scenario;

import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.events.Event;
import dev.minisim.program.MiniProgram;
import dev.minisim.user.PolicyDecisions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A mini-program's scenarios played one after another in one process (issue #11, the {@code test}
 * command and the JUnit Platform engine): the folder is loaded once, every run shares the
 * Engine's code cache, and a scenario file that cannot be read or is invalid is one failed
 * outcome naming its file and line, while the others still run.
 */
public final class ScenarioSuite {

    /** Where the scenarios of a folder live by default: {@code APP_DIR/scenarios/*.json}. */
    public static final String FOLDER = "scenarios";

    /** How a run is configured from its scenario (the command line adds its options here). */
    public interface Setup {
        /** The scenario's own configuration on top of the folder's minisim.json. */
        Setup DEFAULT = new Setup() { };

        default RunConfig config(Scenario scenario, MiniProgram program) throws BadInputException {
            return scenario.apply(Scenario.withFolderConfig(RunConfig.defaults(), program.folder()), null, null);
        }

        default PolicyDecisions policy() throws BadInputException {
            return new PolicyDecisions();
        }
    }

    /**
     * One scenario's result.
     *
     * @param name       the file's name without {@code .json}
     * @param file       the scenario file
     * @param result     how the run ended; for a file that could not be played, status
     *                   {@code invalid} and the one-line reason (file:line: what)
     * @param millis     wall time of parsing and playing
     * @param transcript the events of a run that did not pass (empty for a passed run or an invalid file)
     */
    public record Outcome(String name, Path file, RunResult result, long millis, List<Event> transcript) {

        public boolean passed() {
            return result.status().equals("ok");
        }

        /** Why it failed, in one line (the first problem, and how many more). */
        public String why() {
            List<String> p = result.problems();
            if (p.isEmpty()) {
                return passed() ? "" : "the run ended with status " + result.status();
            }
            return p.get(0) + (p.size() > 1 ? " (+" + (p.size() - 1) + " more)" : "");
        }
    }

    private final MiniProgram program;
    private final ScenarioPlayer player;
    private final Setup setup;

    public ScenarioSuite(MiniProgram program, ScenarioPlayer player, Setup setup) {
        this.program = program;
        this.player = player;
        this.setup = setup;
    }

    /** The folder's scenarios, {@code APP_DIR/scenarios/*.json} in name order (none: empty). */
    public static List<Path> discover(Path appDir) throws BadInputException {
        Path dir = appDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Parses and plays one scenario file; never throws for a bad file (it is a failed outcome). */
    public Outcome play(Path file, Consumer<Event> sink) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        long t0 = System.nanoTime();
        List<Event> events = new ArrayList<>();
        Consumer<Event> collect = events::add;
        Consumer<Event> to = sink == null ? collect : collect.andThen(sink);
        RunResult result;
        try {
            Scenario scenario = ScenarioParser.read(file);
            RunConfig config = setup.config(scenario, program);
            result = player.play(program, scenario, config, setup.policy(), to);
        } catch (BadInputException e) {
            result = new RunResult("invalid", 2, List.of(e.getMessage()));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        // a passed run's transcript is of no further use: keep only the ones a report shows
        return new Outcome(name, file, result, millis, result.status().equals("ok") ? List.of() : events);
    }
}
