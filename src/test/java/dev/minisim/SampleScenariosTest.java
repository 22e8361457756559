package dev.minisim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.program.MiniProgram;
import dev.minisim.app.Simulation;
import dev.minisim.events.Event;
import dev.minisim.events.TranscriptWriter;
import dev.minisim.scenario.RunResult;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.scenario.ScenarioPlayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Plays every scenario of every bundled sample (sample-miniapps/NAME/scenarios/*.json): each must
 * end with status ok, every expect held. A failure prints the whole transcript.
 */
class SampleScenariosTest {

    static Path samples() {
        return Path.of(System.getProperty("minisim.repo", ".")).resolve("sample-miniapps");
    }

    @TestFactory
    Stream<DynamicTest> everyBundledScenarioPasses() throws IOException {
        List<Path> scenarios;
        try (Stream<Path> s = Files.walk(samples(), 3)) {
            scenarios = s.filter(p -> p.getParent().getFileName().toString().equals("scenarios")
                    && p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(scenarios).as("bundled scenarios").isNotEmpty();
        return scenarios.stream().map(file -> DynamicTest.dynamicTest(
                samples().relativize(file).toString(), () -> {
                    MiniProgram program = MiniProgram.load(file.getParent().getParent());
                    List<Event> events = new ArrayList<>();
                    RunResult result = new ScenarioPlayer(Simulation.Options.headless(), Duration.ofSeconds(60))
                            .play(program, ScenarioParser.read(file), events::add);
                    assertThat(result.status())
                            .as("%s%n%s%n%s", file, String.join("\n", result.problems()),
                                    events.stream().map(TranscriptWriter::toJson).collect(Collectors.joining("\n")))
                            .isEqualTo("ok");
                }));
    }
}
