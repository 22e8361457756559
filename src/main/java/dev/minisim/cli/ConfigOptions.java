package dev.minisim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.program.MiniProgram;
import dev.minisim.program.PluginDefinition;
import dev.minisim.scenario.Scenario;
import dev.minisim.user.PolicyDecisions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How the super app around a run is set up from the command line, shared by {@code run} and
 * {@code shot}: the command line's values, then the scenario's, then the folder's minisim.json.
 */
final class ConfigOptions {

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

    @Option(names = "--now", paramLabel = "DATE-TIME",
            description = "Date.now() at launch, e.g. 2026-11-22T10:00:00+08:00 (default: the real time); time then moves with the run")
    String now;

    /** The run's configuration for {@code scenario} on {@code program}. */
    RunConfig config(Scenario scenario, MiniProgram program) throws BadInputException {
        RunConfig c = RunConfig.defaults().withAllowedHosts(new HashSet<>(allowHosts));
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
        RunConfig config = scenario.apply(Scenario.withFolderConfig(c, program.folder()), profile, seed);
        if (now != null) {
            Long at = dev.minisim.scenario.ScenarioParser.parseNow(now);
            if (at == null) {
                throw new BadInputException("--now " + now + ": expected a date-time such as 2026-11-22T10:00:00+08:00");
            }
            config = config.withNow(at);
        }
        return config;
    }

    /** The standing policy from {@code --decide}. */
    PolicyDecisions policy() throws BadInputException {
        PolicyDecisions policy = new PolicyDecisions();
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
        return policy;
    }

    /**
     * The standing policy for a run of {@code folder}: its minisim.json's {@code "decide"} object
     * ({@code {"getAuthCode": "allow", "modal": "confirm"}}), then {@code --decide}, which wins.
     */
    PolicyDecisions policy(Path folder) throws BadInputException {
        PolicyDecisions policy = new PolicyDecisions();
        Path file = folder.resolve(Scenario.FOLDER_CONFIG);
        if (Files.isRegularFile(file)) {
            JsonNode decide = readJson(file).path("decide");
            if (!decide.isMissingNode()) {
                if (!decide.isObject()) {
                    throw BadInputException.at(file.toString(), 1, "\"decide\" must be an object: {\"KIND\": ANSWER, ...}");
                }
                for (var it = decide.fields(); it.hasNext(); ) {
                    var e = it.next();
                    if (!Scenario.PROMPT_KINDS.contains(e.getKey())) {
                        throw BadInputException.at(file.toString(), 1, "\"decide\": unknown prompt kind \"" + e.getKey()
                                + "\"; the kinds: " + String.join(", ", Scenario.PROMPT_KINDS));
                    }
                    policy.set(e.getKey(), e.getValue());
                }
            }
        }
        policy().current().forEach(policy::set);
        return policy;
    }

    private static JsonNode readJson(Path file) throws BadInputException {
        try {
            return MiniProgram.parseJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
