package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.api.RunConfig;
import dev.minisim.app.Simulation;
import dev.minisim.explore.Branch;
import dev.minisim.explore.ExploreReport;
import dev.minisim.explore.Explorer;
import dev.minisim.program.MiniProgram;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.user.PolicyDecisions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue #13, item 2: where the window can paint off screen, the HTML report has a thumbnail of each leaf's page. */
class ExploreThumbnailsTest {

    @Test
    @DisplayName("issue #13: --html --thumbnails paints each leaf's last page off screen into the self-contained report")
    void thumbnailsOfLeaves() throws Exception {
        Path app = Path.of("src/test/resources/explore/auth-sign");
        MiniProgram program = MiniProgram.load(app);
        Scenario sc = ScenarioParser.read(app.resolve("scenarios/start.json"));
        RunConfig config = sc.apply(Scenario.withFolderConfig(RunConfig.defaults(), program.folder()), null, null);
        Explorer explorer = new Explorer(program, sc, config, new PolicyDecisions(), Set.copyOf(Explorer.KINDS),
                new ScenarioPlayer(Simulation.Options.headless(), Duration.ofSeconds(60)));
        Explorer.Result r = explorer.explore(2, b -> { });

        Function<Branch, byte[]> paint = ExploreThumbnails.of(explorer);
        byte[] first = paint.apply(r.branches().get(0));
        byte[] second = paint.apply(r.branches().get(1));

        assertThat(first).isNotNull();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(first));
        assertThat(img.getWidth()).isEqualTo(ExploreThumbnails.WIDTH);
        assertThat(img.getHeight()).isGreaterThan(ExploreThumbnails.WIDTH);
        // two leaves with different last pages ("signed as ..." and "... sign failed 6001") paint differently
        assertThat(second).isNotNull().isNotEqualTo(first);
        String html = ExploreReport.html("t", r, b -> b == r.branches().get(0) ? first : second);
        assertThat(html).contains("<img alt=\"the page at the end of branch 1\" src=\"data:image/png;base64,");
    }
}
