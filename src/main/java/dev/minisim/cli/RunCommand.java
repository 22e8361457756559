package dev.minisim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.plugin.PluginDefinition;
import dev.minisim.user.PolicyDecisions;
import java.util.ArrayList;
import dev.minisim.app.MiniProgram;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run}: a headless run that writes the transcript (CONTRACT.md). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Launch the mini-program with no window, play the scenario, write the transcript (JSON Lines).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the run finished and every expect held",
                "1:an expect failed, the mini-program threw an uncaught error, or the run hit its time limit",
                "2:bad input (unreadable folder, invalid app.json, invalid scenario)"})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "APP_DIR", description = "mini-program folder (with app.json)")
    Path app;

    @Option(names = "--scenario", paramLabel = "FILE", description = "scenario file (JSON); none: launch and stop")
    Path scenario;

    @Option(names = "--transcript", paramLabel = "FILE", defaultValue = "-",
            description = "where the transcript goes; '-' (default) is standard output")
    String transcript;

    @Option(names = "--profile", paramLabel = "NAME|FILE",
            description = "wallet profile: default (seed 002), kyc (seed 004), or a profile .json file; overrides the scenario's")
    String profile;

    @Option(names = "--decide", paramLabel = "KIND=ANSWER",
            description = "standing policy for a prompt kind, used when the scenario has no decisions for it: "
                    + "getAuthCode=allow, signContract=6001, confirm=cancel, getAuthCode={\"allow\":[\"auth_user\"]}")
    List<String> decide = new ArrayList<>();

    @Option(names = "--mocks", paramLabel = "FILE",
            description = "more mock answers for requests and cloud calls (a JSON list, or {\"requests\": [...]})")
    Path mocks;

    @Option(names = "--allow-host", paramLabel = "HOST",
            description = "let requests to this host reach the real network (repeatable); all others need a mock")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "seed for authCodes and other generated codes (same seed, same codes)")
    Long seed;

    @Option(names = "--plugin", paramLabel = "FILE",
            description = "simulate one more plugin, defined in this JSON file (repeatable; see README, Plugins)")
    List<Path> pluginFiles = new ArrayList<>();

    @Option(names = "--device", paramLabel = "FILE", description = "device fields for getSystemInfo and friends (JSON object)")
    Path device;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "time limit of the whole run, in real seconds (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--task-budget", paramLabel = "MS", defaultValue = "5000",
            description = "how long one script task may run before it is stopped as runaway (default: ${DEFAULT-VALUE})")
    long taskBudgetMs;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        MiniProgram program;
        Scenario sc;
        RunConfig config;
        PolicyDecisions policy = new PolicyDecisions();
        try {
            program = MiniProgram.load(app);
            sc = scenario == null ? Scenario.empty() : ScenarioParser.read(scenario);
            config = sc.apply(Scenario.withFolderConfig(baseConfig(), program.folder()), profile, seed);
            for (String d : decide) {
                int eq = d.indexOf('=');
                String kind = eq < 0 ? d : d.substring(0, eq);
                if (eq < 0 || !Scenario.PROMPT_KINDS.contains(kind)) {
                    throw new BadInputException("--decide " + d + ": expected KIND=ANSWER with KIND one of "
                            + String.join(", ", Scenario.PROMPT_KINDS));
                }
                String answer = d.substring(eq + 1);
                policy.set(kind, answer.startsWith("{") || answer.startsWith("[")
                        ? MiniProgram.parseJson(answer, "--decide " + kind) : JsonNodeFactory.instance.textNode(answer));
            }
        } catch (BadInputException e) {
            err.println("minisim: " + e.getMessage());
            writeBadInputTranscript(e.getMessage());
            return Main.BAD_INPUT;
        }
        OutputStream out;
        try {
            out = transcript.equals("-") ? new NonClosing(System.out)
                    : new BufferedOutputStream(Files.newOutputStream(Path.of(transcript)));
        } catch (IOException e) {
            err.println("minisim: " + transcript + ": cannot write the transcript (" + e.getMessage() + ")");
            return Main.BAD_INPUT;
        }
        try (out) {
            Simulation.Options options = Simulation.Options.headless().withTaskBudget(Duration.ofMillis(taskBudgetMs));
            RunResult result = new ScenarioPlayer(options, Duration.ofSeconds(timeoutSeconds))
                    .play(program, sc, config, policy, new TranscriptWriter(out));
            for (String p : result.problems()) {
                err.println("minisim: " + p);
            }
            return result.exitCode();
        } catch (IOException e) {
            err.println("minisim: " + transcript + ": " + e.getMessage());
            return Main.FAILED;
        }
    }

    private RunConfig baseConfig() throws BadInputException {
        RunConfig c = RunConfig.defaults().withAllowedHosts(new java.util.HashSet<>(allowHosts));
        if (mocks != null) {
            JsonNode m = readJson(mocks);
            JsonNode list = m.isArray() ? m : m.path("requests");
            if (!list.isArray()) {
                throw BadInputException.at(mocks.toString(), 1, "mocks must be a JSON list, or an object with \"requests\": [...]");
            }
            List<JsonNode> all = new ArrayList<>();
            list.forEach(all::add);
            c = c.withMocks(all);
        }
        List<PluginDefinition> defs = new ArrayList<>();
        for (Path f : pluginFiles) {
            try {
                defs.add(PluginDefinition.parse(Files.readString(f), f.toString()));
            } catch (IOException e) {
                throw new BadInputException(f + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        c = c.withPlugins(defs);
        if (device != null) {
            JsonNode d = readJson(device);
            if (!d.isObject()) {
                throw BadInputException.at(device.toString(), 1, "the device file must be a JSON object");
            }
            c = c.withDevice((ObjectNode) d);
        }
        return c;
    }

    private static JsonNode readJson(Path file) throws BadInputException {
        try {
            return MiniProgram.parseJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Even a run that cannot start leaves a transcript whose last line is {@code end}. */
    private void writeBadInputTranscript(String message) {
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
