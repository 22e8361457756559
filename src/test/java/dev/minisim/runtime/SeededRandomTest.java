package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #8 part 5: "Math.random follows --seed" (a scenario's "seed" is the same setting). */
class SeededRandomTest {

    @TempDir
    Path dir;

    private List<String> draws(String scenario) {
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js",
                "Page({ onLoad() {\n"
                        + "  const xs = [];\n"
                        + "  for (let i = 0; i < 5; i++) xs.push(Math.random());\n"
                        + "  console.log(xs.every((x) => typeof x === 'number' && x >= 0 && x < 1), new Set(xs).size);\n"
                        + "  console.log(xs.join(' '));\n"
                        + "  console.log(Math.random.name, Object.keys(Math).includes('random'));\n"
                        + "} });").run(scenario);
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).hasSize(3);
        assertThat(run.logs().get(0)).as("every draw in [0, 1), all different").isEqualTo("true 5");
        assertThat(run.logs().get(2)).as("shaped like the built-in").isEqualTo("random false");
        return run.logs();
    }

    @Test
    void theSameSeedDrawsTheSameNumbers() {
        assertThat(draws("{\"seed\": 42}")).isEqualTo(draws("{\"seed\": 42}"));
    }

    @Test
    void differentSeedsDrawDifferentNumbers() {
        assertThat(draws("{\"seed\": 42}").get(1)).isNotEqualTo(draws("{\"seed\": 43}").get(1));
    }

    @Test
    void withoutASeedTheBuiltInIsKept() {
        // two unseeded runs agreeing on five doubles would mean a fixed seed was used anyway
        assertThat(draws("{}").get(1)).isNotEqualTo(draws("{}").get(1));
    }
}
