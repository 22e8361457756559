package dev.minisim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.program.MiniProgram;
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
    private static final String MARKER = "A transcript excerpt";
    private static final String FENCE = "```json\n";

    @Test
    void theTranscriptExcerptIsWhatTheSignDemoScenarioPrints() throws Exception {
        String readme = Files.readString(REPO.resolve("README.md"));
        List<String> excerpt = excerpt(readme);
        Path app = REPO.resolve("sample-miniapps/sign-demo");
        List<String> transcript = new ArrayList<>();
        new ScenarioPlayer(Simulation.Options.headless(), Duration.ofSeconds(60)).play(MiniProgram.load(app),
                ScenarioParser.read(app.resolve("scenarios/success.json")), e -> transcript.add(TranscriptWriter.toJson(e)));
        assertThat(transcript).as("README.md's excerpt, line by line and in order").containsSubsequence(excerpt);
    }

    /**
     * The json block right after the "A transcript excerpt" paragraph; fails, saying what is
     * missing, when the README no longer has that paragraph or block (no fallback to another block).
     */
    static List<String> excerpt(String readme) {
        int at = readme.indexOf(MARKER);
        if (at < 0) {
            throw new AssertionError("README.md has no paragraph starting \"" + MARKER + "\"; this test checks the "
                    + "transcript excerpt that follows it, so update the test if the README moved it");
        }
        int open = readme.indexOf(FENCE, at);
        int nextHeading = readme.indexOf("\n#", at);
        if (open < 0 || nextHeading >= 0 && nextHeading < open) {
            throw new AssertionError("README.md: no ```json block follows \"" + MARKER + "\" in the same section");
        }
        int start = open + FENCE.length();
        int close = readme.indexOf("```", start);
        if (close < 0) {
            throw new AssertionError("README.md: the ```json block after \"" + MARKER + "\" is never closed");
        }
        List<String> lines = readme.substring(start, close).lines().toList();
        if (lines.isEmpty()) {
            throw new AssertionError("README.md: the transcript excerpt after \"" + MARKER + "\" is empty");
        }
        return lines;
    }

    @Test
    void aReadmeWithoutTheExcerptFailsLoudlyInsteadOfCheckingAnotherBlock() {
        String other = "# MiniSim\n\n```json\n{\"seq\":1}\n```\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> excerpt(other))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no paragraph starting");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> excerpt("A transcript excerpt:\n\n## Next\n```json\n{}\n```\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no ```json block follows");
        assertThat(excerpt("A transcript excerpt:\n\n```json\n{\"a\":1}\n{\"b\":2}\n```\n"))
                .containsExactly("{\"a\":1}", "{\"b\":2}");
    }
}
