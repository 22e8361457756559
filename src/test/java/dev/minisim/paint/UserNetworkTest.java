package dev.minisim.paint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #10 (paintgaps2): fonts on a CDN (and network images) are painted only as the user lets
 * requests be had — a mock of the URL in the scenario's {@code requests}, or an allowed host —
 * never from the open network.
 */
class UserNetworkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> mocks(String json) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(json).forEach(out::add);
        return out;
    }

    @Test
    @DisplayName("a mock answers with the folder's file or a data: URL, matched as request mocks are; nothing else is had")
    void mocksAnswerAndNothingElseIsFetched() throws Exception {
        PaintFiles folder = PaintFiles.of(Map.of("fonts/t.woff", "wOFFfont"));
        UserNetwork net = new UserNetwork(mocks("""
                [{"url": "https://cdn.example/t.woff", "file": "/fonts/t.woff"},
                 {"url": "https://cdn.example/i.woff", "data": "data:font/woff;base64,d09GRg=="},
                 {"url": "https://cdn.example/gone.woff", "error": "fail", "file": "fonts/t.woff"}]"""), Set.of(), folder);
        assertThat(net.get("https://cdn.example/t.woff?v=3")).map(b -> new String(b, StandardCharsets.UTF_8)).contains("wOFFfont");
        assertThat(net.get("https://cdn.example/i.woff")).map(b -> new String(b, StandardCharsets.UTF_8)).contains("wOFF");
        assertThat(net.get("https://cdn.example/gone.woff")).isEmpty();
        assertThat(net.get("https://cdn.example/other.woff")).isEmpty();
    }

    @Test
    @DisplayName("an allowed host is asked once per URL; a host not allowed never")
    void allowedHostIsAskedOnce() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger asked = new AtomicInteger();
        server.createContext("/", x -> {
            asked.incrementAndGet();
            byte[] body = "wOF2....".getBytes(StandardCharsets.ISO_8859_1);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            UserNetwork allowed = new UserNetwork(List.of(), Set.of("127.0.0.1"), PaintFiles.of(Map.of()));
            assertThat(allowed.get(base + "/f.woff2")).isPresent();
            assertThat(allowed.get(base + "/f.woff2")).isPresent();
            assertThat(asked).hasValue(1);
            UserNetwork closed = new UserNetwork(List.of(), Set.of("cdn.example"), PaintFiles.of(Map.of()));
            assertThat(closed.get(base + "/g.woff2")).isEmpty();
            assertThat(asked).hasValue(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    @DisplayName("a CDN font the user mocked is painted as a data: URL of its real type; one not mocked is dropped with the warning")
    void mockedCdnFontReachesThePaintedStylesheet() {
        PaintFiles files = new PaintFiles() {
            @Override
            public Optional<String> text(String path) {
                return Optional.empty();
            }

            @Override
            public Optional<byte[]> bytes(String path) {
                return Optional.empty();
            }

            @Override
            public Optional<byte[]> network(String url) {
                return url.equals("https://cdn.example/t.woff?v=1") ? Optional.of("wOFF-bytes".getBytes(StandardCharsets.ISO_8859_1))
                        : url.equals("https://img.example/a.png") ? Optional.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
                        : url.equals("https://img.example/b.svg") ? Optional.of("<svg onload=x>".getBytes(StandardCharsets.UTF_8))
                        : Optional.empty();
            }
        };
        List<String> warnings = new ArrayList<>();
        WxssTranslator t = new WxssTranslator(files, "wx-", 375, warnings::add);
        String css = t.translate("""
                @font-face { font-family: "t"; src: url('//cdn.example/t.woff?v=1') format('woff'); }
                @font-face { font-family: "u"; src: url('https://cdn.example/u.woff') format('woff'); }
                .a { background: url(https://img.example/a.png); }
                .b { background: url(https://img.example/b.svg); }""", "app.wxss", null);
        // protocol-relative URLs are asked as https, as the client loads them
        assertThat(css).contains("font-family: \"t\"; src: url(\"data:font/woff;base64,")
                .contains("url(\"data:image/png;base64,").doesNotContain("img.example/b.svg").doesNotContain("cdn.example")
                // a mocked SVG is an image too, told by its content (WebKit draws SVG images inert: SvgImagesTest)
                .contains("url(\"data:image/svg+xml;base64,");
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w).contains("\"u\"").contains("--allow-host"));
    }
}
