package dev.minisim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.app.MiniProgram;
import dev.minisim.events.TranscriptWriter;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.app.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README is the front door: its transcript excerpt must be what the command it shows prints. */
class ReadmeTest {

    private static final Path REPO = Path.of(System.getProperty("minisim.repo", "."));

    @Test
    void theTranscriptExcerptIsWhatTheSignDemoScenarioPrints() throws Exception {
        String readme = Files.readString(REPO.resolve("README.md"));
        int at = readme.indexOf("A transcript excerpt");
        int open = readme.indexOf("```json\n", at) + "```json\n".length();
        List<String> excerpt = readme.substring(open, readme.indexOf("```", open)).lines().toList();
        Path app = REPO.resolve("sample-miniapps/sign-demo");
        List<String> transcript = new ArrayList<>();
        new ScenarioPlayer(Simulation.Options.headless(), Duration.ofSeconds(60)).play(MiniProgram.load(app),
                ScenarioParser.read(app.resolve("scenarios/success.json")), e -> transcript.add(TranscriptWriter.toJson(e)));
        assertThat(excerpt).isNotEmpty();
        assertThat(transcript).as("README.md's excerpt, line by line").containsAll(excerpt);
    }
}
