package dev.minisim;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.program.MiniProgram;
import dev.minisim.app.Simulation;
import dev.minisim.events.Event;
import dev.minisim.events.TranscriptWriter;
import dev.minisim.api.RunConfig;
import dev.minisim.scenario.RunResult;
import dev.minisim.scenario.Scenario;
import dev.minisim.user.PolicyDecisions;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.scenario.ScenarioPlayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** A throwaway mini-program folder written by a test, and the runs played against it. */
public final class TestApp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private Duration taskBudget = Duration.ofSeconds(5);

    private TestApp(Path dir) {
        this.dir = dir;
    }

    /** A folder with app.json listing {@code pages}. */
    public static TestApp withPages(Path dir, String... pages) {
        TestApp app = new TestApp(dir);
        StringBuilder json = new StringBuilder("{\"pages\": [");
        for (int i = 0; i < pages.length; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(pages[i]).append('"');
        }
        return app.file("app.json", json.append("]}").toString());
    }

    /** An existing mini-program folder (a bundled sample), played as it is. */
    public static TestApp of(Path dir) {
        return new TestApp(dir);
    }

    /** A folder with this app.json. */
    public static TestApp withAppJson(Path dir, String appJson) {
        return new TestApp(dir).file("app.json", appJson);
    }

    public TestApp file(String path, String content) {
        try {
            Path f = dir.resolve(path);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A WeChat mini-program (WeChat DevTools' project file): its scripts see {@code wx}, no {@code my}. */
    public TestApp wechat() {
        return file("project.config.json", "{}");
    }

    /** An Alipay mini-program (Alipay IDE's project file): its scripts see {@code my}, no {@code wx}. */
    public TestApp alipay() {
        return file("mini.project.json", "{}");
    }

    public TestApp taskBudget(Duration budget) {
        this.taskBudget = budget;
        return this;
    }

    public Path dir() {
        return dir;
    }

    /** Plays a scenario (JSON text) on the simulated clock. */
    public Run run(String scenarioJson) {
        return run(scenarioJson, new PolicyDecisions());
    }

    /** Plays a scenario with a standing policy for prompts the scenario does not decide. */
    public Run run(String scenarioJson, PolicyDecisions policy) {
        try {
            MiniProgram program = MiniProgram.load(dir);
            List<Event> events = Collections.synchronizedList(new ArrayList<>());
            ScenarioPlayer player = new ScenarioPlayer(Simulation.Options.headless().withTaskBudget(taskBudget),
                    Duration.ofSeconds(60));
            Scenario scenario = ScenarioParser.parse(scenarioJson, "scenario.json");
            RunResult result = player.play(program, scenario,
                    scenario.apply(Scenario.withFolderConfig(RunConfig.defaults(), program.folder()), null, null), policy,
                    events::add);
            return new Run(result, List.copyOf(events));
        } catch (BadInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Launches and stops: no steps. */
    public Run launch() {
        return run("{}");
    }

    /** Calls each method of the home page in turn. */
    public Run calling(String... methods) {
        String steps = java.util.Arrays.stream(methods).map(m -> "{\"call\": \"" + m + "\"}")
                .collect(Collectors.joining(", "));
        return run("{\"steps\": [" + steps + "]}");
    }

    /** What a run did. Its toString is the transcript, so a failing assertion shows it. */
    public record Run(RunResult result, List<Event> events) {

        public List<Event> of(String type) {
            return events.stream().filter(e -> e.type().equals(type)).toList();
        }

        /** Console texts in order. */
        public List<String> logs() {
            return of("console").stream().map(e -> e.str("text")).toList();
        }

        /** "page hook" (or "app hook") of each lifecycle event, in order. */
        public List<String> hooks() {
            return of("lifecycle").stream()
                    .map(e -> ("app".equals(e.str("target")) ? "app" : e.str("page")) + " " + e.str("hook"))
                    .toList();
        }

        public List<String> errors() {
            return of("error").stream().map(e -> e.str("message")).toList();
        }

        public Event last() {
            return events.get(events.size() - 1);
        }

        public String transcript() {
            return events.stream().map(TranscriptWriter::toJson).collect(Collectors.joining("\n"));
        }

        @Override
        public String toString() {
            return "transcript:\n" + transcript();
        }
    }

    public static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
