package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.api.RunConfig;
import dev.minisim.program.MiniProgram;
import dev.minisim.scenario.RunResult;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.user.PolicyDecisions;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, part 5 ("shot PNGs show the painted page ... for every step") and the brief's "Screenshots
 * in tests compare against golden images": a PNG taken right after a tap must be the same every
 * time, so {@code shot} paints transitions and animations at their end, never half-way (the
 * fidelity3 survey caught WeUI's card half-faded).
 */
class StillShotsTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("shot after a tap that starts a 3 s colour transition shows the end colour")
    void aTransitionIsPaintedAtItsEnd() throws Exception {
        Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
        Files.writeString(dir.resolve("app.js"), "App({});");
        Files.createDirectories(dir.resolve("pages/index"));
        Files.writeString(dir.resolve("pages/index/index.js"), "Page({ data: { on: false }, flip() { this.setData({ on: true }); } });");
        Files.writeString(dir.resolve("pages/index/index.wxml"),
                "<view class=\"box {{on ? 'on' : ''}}\" bindtap=\"flip\"></view>\n<view class=\"spin\"></view>\n");
        Files.writeString(dir.resolve("pages/index/index.wxss"), """
                .box { width: 80px; height: 80px; background: #ff0000; transition: background-color 3s linear; }
                .box.on { background: #0000ff; }
                @keyframes grow { from { width: 0; } to { width: 80px; } }
                .spin { height: 80px; width: 80px; background: #00ff00; animation: grow 3s linear; }
                """);
        Path scenario = dir.resolve("flip.json");
        Files.writeString(scenario, "{\"steps\": [{\"tap\": \".box\"}]}");

        MiniProgram program = MiniProgram.load(dir);
        Scenario sc = ScenarioParser.read(scenario);
        ShotRunner shots = new ShotRunner(dir.resolve("shots"));
        RunResult result = shots.play(program, sc, sc.apply(Scenario.withFolderConfig(RunConfig.defaults(), program.folder()),
                null, null), new PolicyDecisions(), Duration.ofSeconds(60), e -> { });
        assertThat(result.status()).as("%s", result.problems()).isEqualTo("ok");
        List<Path> pngs = shots.written();
        BufferedImage afterTap = ImageIO.read(pngs.get(pngs.size() - 1).toFile());
        // the whole box is the end colour: no red left, no mix of red and blue
        assertThat(count(afterTap, 0x0000ff)).as("blue pixels after the tap").isGreaterThan(6000);
        assertThat(count(afterTap, 0xff0000)).as("red pixels after the tap").isZero();
        // and the animated bar is at its full width from the first picture on
        BufferedImage launch = ImageIO.read(pngs.get(0).toFile());
        assertThat(count(launch, 0x00ff00)).as("green pixels of the animation's end").isGreaterThan(6000);
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
