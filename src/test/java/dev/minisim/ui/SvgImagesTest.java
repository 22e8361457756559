package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.minisim.api.RunConfig;
import dev.minisim.program.MiniProgram;
import dev.minisim.scenario.RunResult;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.user.PolicyDecisions;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, painting ("images from the app folder"): SVG images are drawn, as the clients draw an
 * {@code <image>} of an .svg file and a WXSS {@code url(data:image/svg+xml...)} (WeUI draws every
 * icon that way). The page is untrusted, so what makes that safe is pinned here on the painted
 * page itself: WebKit draws an SVG image with its scripts off and fetches nothing it names.
 */
class SvgImagesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("an SVG file and an SVG data URL are painted; their scripts do not run and nothing they name is fetched")
    void svgImagesArePaintedAndInert() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            // red square; a script that would reach the network (and the page around it), an
            // <image> and an @import that name the server
            String svg = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='60' height='60'>"
                    + "<script>var i = new Image(); i.src = '" + base + "/script'; try { top.document.body.innerHTML = '' } catch (e) {}</script>"
                    + "<style>@import url(" + base + "/import.css);</style>"
                    + "<image href='" + base + "/href.png' xlink:href='" + base + "/xlink.png' width='10' height='10'/>"
                    + "<rect width='60' height='60' fill='#ff0000'/></svg>";
            // the same in blue, as a data URL in the page's stylesheet
            String blue = svg.replace("#ff0000", "#0000ff");
            Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
            Files.writeString(dir.resolve("app.js"), "App({});");
            Files.createDirectories(dir.resolve("pages/index"));
            Files.writeString(dir.resolve("red.svg"), svg);
            Files.writeString(dir.resolve("pages/index/index.js"), "Page({});");
            Files.writeString(dir.resolve("pages/index/index.wxml"),
                    "<image src=\"/red.svg\" style=\"width: 60px; height: 60px\"></image>\n<view class=\"blue\"></view>\n");
            Files.writeString(dir.resolve("pages/index/index.wxss"), ".blue { width: 60px; height: 60px; background: url(\"data:image/svg+xml;base64,"
                    + Base64.getEncoder().encodeToString(blue.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"); }");
            Path scenario = dir.resolve("look.json");
            Files.writeString(scenario, "{\"steps\": [{\"see\": \".blue\"}]}");

            MiniProgram program = MiniProgram.load(dir);
            Scenario sc = ScenarioParser.read(scenario);
            Path out = dir.resolve("shots");
            ShotRunner shots = new ShotRunner(out);
            RunResult result = shots.play(program, sc, sc.apply(Scenario.withFolderConfig(RunConfig.defaults(), program.folder()),
                    null, null), new PolicyDecisions(), Duration.ofSeconds(60), e -> { });
            assertThat(result.status()).as("%s", result.problems()).isEqualTo("ok");
            List<Path> pngs = new ArrayList<>(shots.written());
            assertThat(pngs).isNotEmpty();
            BufferedImage last = ImageIO.read(pngs.get(pngs.size() - 1).toFile());
            // both squares are drawn: the file (red) and the data URL (blue), 60 x 60 px each at least
            assertThat(count(last, 0xff0000)).as("red pixels of /red.svg").isGreaterThan(3000);
            assertThat(count(last, 0x0000ff)).as("blue pixels of the data URL").isGreaterThan(3000);
            Thread.sleep(500); // anything the scripts or the references asked for would have arrived by now
            assertThat(hits.get()).as("requests from the SVG images").isZero();
        } finally {
            server.stop(0);
        }
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
