package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.api.RunConfig;
import dev.minisim.program.MiniProgram;
import dev.minisim.scenario.RunResult;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.user.PolicyDecisions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue #5, "Screenshots", and issue #10 ("shot PNGs show the painted page", part 6): {@code shot}
 * PNGs of sample flows of both platforms compared with golden images
 * (src/test/resources/golden/FLOW/), drawn with the bundled fonts, with a tolerance for
 * anti-aliasing. A mismatch writes the
 * actual image and a diff (changed pixels in red) to target/golden-diffs/FLOW/.
 *
 * <p>Refresh the goldens after an intended change of the window:
 * {@code ./mvnw test -Dtest=ScreenshotTest -Dminisim.updateGoldens=true}, then look at the
 * PNGs before committing them.
 */
class ScreenshotTest {

    /** A pixel differs when a channel moves by more than this. */
    private static final int CHANNEL_TOLERANCE = 40;
    /** An image matches when at most this share of its pixels differ. */
    private static final double PIXEL_SHARE = 0.005;

    private static final Path REPO = Path.of(System.getProperty("minisim.repo", "."));
    private static final boolean UPDATE = Boolean.getBoolean("minisim.updateGoldens");

    private record Flow(String name, String sample, String scenario) {
    }

    private static final List<Flow> FLOWS = List.of(
            new Flow("auth-partial", "auth-demo", "partial"),
            new Flow("sign-success", "sign-demo", "success"),
            new Flow("plugin-chain", "plugin-demo", "chain-auth-then-auth"),
            // issue #10 part 2: a white navigation bar with black text, the tab bar, back on a deeper page
            new Flow("basics-navigate", "basics", "navigate"),
            // issue #10: rendered pages of both platforms painted in the phone (the Alipay flows above, WeChat's here)
            new Flow("wechat-form", "basics", "form"));

    @TestFactory
    Stream<DynamicTest> theWindowLooksAsItsGoldenImages() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Flow flow : FLOWS) {
            Path out = REPO.resolve("target/shots").resolve(flow.name());
            deleteTree(out);
            Path app = REPO.resolve("sample-miniapps").resolve(flow.sample());
            MiniProgram program = MiniProgram.load(app);
            Scenario sc = ScenarioParser.read(app.resolve("scenarios").resolve(flow.scenario() + ".json"));
            ShotRunner shots = new ShotRunner(out);
            RunResult result = shots.play(program, sc, sc.apply(Scenario.withFolderConfig(RunConfig.defaults(), program.folder()),
                    null, null), new PolicyDecisions(), Duration.ofSeconds(120), e -> { });
            assertThat(result.status()).as("%s: %s", flow, result.problems()).isEqualTo("ok");
            assertThat(shots.written()).as("PNGs of %s", flow).isNotEmpty();
            for (Path actual : shots.written()) {
                tests.add(DynamicTest.dynamicTest(flow.name() + "/" + actual.getFileName(), () -> compare(flow, actual)));
            }
            tests.add(DynamicTest.dynamicTest(flow.name() + ": every golden is still produced", () -> noStaleGoldens(flow, shots.written())));
        }
        return tests.stream();
    }

    /** Issue #10: a golden that is no longer produced fails (refreshing the goldens deletes it). */
    private static void noStaleGoldens(Flow flow, List<Path> written) throws IOException {
        Path dir = REPO.resolve("src/test/resources/golden").resolve(flow.name());
        List<String> produced = written.stream().map(p -> p.getFileName().toString()).toList();
        List<Path> stale;
        try (Stream<Path> files = Files.list(dir)) {
            stale = files.filter(p -> p.toString().endsWith(".png") && !produced.contains(p.getFileName().toString())).toList();
        }
        if (UPDATE) {
            for (Path p : stale) {
                Files.delete(p);
            }
            return;
        }
        assertThat(stale).as("goldens of %s that the flow no longer produces (refresh with -Dminisim.updateGoldens=true)",
                flow.name()).isEmpty();
    }

    private static void compare(Flow flow, Path actualFile) throws IOException {
        Path golden = REPO.resolve("src/test/resources/golden").resolve(flow.name()).resolve(actualFile.getFileName());
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.copy(actualFile, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        assertThat(golden).as("golden image %s is missing: run ./mvnw test -Dtest=ScreenshotTest "
                + "-Dminisim.updateGoldens=true and look at it", golden).exists();
        BufferedImage expected = ImageIO.read(golden.toFile());
        BufferedImage actual = ImageIO.read(actualFile.toFile());
        assertThat(actual.getWidth()).as("width of %s", actualFile).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).as("height of %s", actualFile).isEqualTo(expected.getHeight());
        BufferedImage diff = new BufferedImage(actual.getWidth(), actual.getHeight(), BufferedImage.TYPE_INT_RGB);
        long different = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int e = expected.getRGB(x, y);
                boolean differs = channel(a, 16, e) || channel(a, 8, e) || channel(a, 0, e);
                if (differs) {
                    different++;
                }
                int grey = ((e >> 16 & 0xff) + (e >> 8 & 0xff) + (e & 0xff)) / 3 / 2 + 127;
                diff.setRGB(x, y, differs ? 0xff0000 : grey << 16 | grey << 8 | grey);
            }
        }
        double share = (double) different / ((long) actual.getWidth() * actual.getHeight());
        if (share > PIXEL_SHARE) {
            Path dir = REPO.resolve("target/golden-diffs").resolve(flow.name());
            Files.createDirectories(dir);
            Files.copy(actualFile, dir.resolve(actualFile.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ImageIO.write(diff, "png", dir.resolve("diff-" + actualFile.getFileName()).toFile());
        }
        assertThat(share).as("share of differing pixels in %s (diff in target/golden-diffs/%s)", actualFile.getFileName(),
                flow.name()).isLessThanOrEqualTo(PIXEL_SHARE);
    }

    private static boolean channel(int a, int shift, int e) {
        return Math.abs((a >> shift & 0xff) - (e >> shift & 0xff)) > CHANNEL_TOLERANCE;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
