package dev.minisim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.TestApp;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CONTRACT.md: "auto --project APP_DIR --auto-port PORT ... takes the argument vector the SDK's
 * launch({cliPath, projectPath}) gives its cliPath"; issue #12: "Prompts under automation wait for
 * Tool.native or follow --decide policies given on the command line or in minisim.json".
 */
class AutoCommandTest {

    @TempDir
    Path dir;

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A bare client: one request at a time. */
    static final class Client extends WebSocketClient {
        final LinkedBlockingQueue<JsonNode> in = new LinkedBlockingQueue<>();

        Client(int port) {
            super(URI.create("ws://127.0.0.1:" + port));
        }

        JsonNode call(String json) throws Exception {
            send(json);
            JsonNode m = in.poll(20, TimeUnit.SECONDS);
            assertThat(m).as("an answer to %s", json).isNotNull();
            return m;
        }

        @Override
        public void onOpen(ServerHandshake h) {
        }

        @Override
        public void onMessage(String message) {
            try {
                JsonNode m = new ObjectMapper().readTree(message);
                if (m.has("id")) {
                    in.add(m);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
        }

        @Override
        public void onError(Exception ex) {
        }
    }

    @Test
    void theSdksArgumentVectorServesTheFolderAndMinisimJsonDecidesItsPrompts() throws Exception {
        TestApp.withPages(dir, "pages/p/p").wechat()
                .file("minisim.json", "{\"decide\": {\"modal\": \"confirm\"}}")
                .file("pages/p/p.wxml", "<view>{{r}}</view>")
                .file("pages/p/p.js", "Page({ data: { r: '' }, ask() { wx.showModal({ title: 't', success: (x) => this.setData({ r: x.confirm ? 'yes' : 'no' }) }); } });");
        int port = freePort();
        // the SDK also passes --auto-account or --ticket and --trust-project: accepted
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.execute("auto", "--project", dir.toString(),
                "--auto-port", String.valueOf(port), "--trust-project"), r -> {
                    Thread t = new Thread(r);
                    t.setDaemon(true);
                    t.start();
                });
        Client c = new Client(port);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!c.connectBlocking(1, TimeUnit.SECONDS)) {
            assertThat(System.nanoTime()).as("MiniSim listens within 60 s").isLessThan(end);
            assertThat(exit).isNotDone();
            c = new Client(port);
        }
        int page = c.call("{\"id\":\"1\",\"method\":\"App.getCurrentPage\",\"params\":{}}").path("result").path("pageId").asInt();
        c.call("{\"id\":\"2\",\"method\":\"Page.callMethod\",\"params\":{\"pageId\":" + page + ",\"method\":\"ask\"}}");
        String r = "";
        while (System.nanoTime() < end && !r.equals("yes")) {
            r = c.call("{\"id\":\"3\",\"method\":\"Page.getData\",\"params\":{\"pageId\":" + page + ",\"path\":\"r\"}}")
                    .path("result").path("data").asText();
        }
        assertThat(r).as("minisim.json's decide answered the modal").isEqualTo("yes");
        c.call("{\"id\":\"4\",\"method\":\"Tool.close\",\"params\":{}}");
        assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(Main.OK);
    }

    /** A MiniSim of this build's classes in its own JVM, listing every class it loads in {@code log}. */
    private Process minisim(Path log, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xlog:class+load=info:file=" + log,
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.minisim.cli.Main"));
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        return pb.start();
    }

    private static boolean loadedWebKit(Path log) throws Exception {
        return java.nio.file.Files.readString(log).contains("javafx.scene.web.");
    }

    @Test
    void runNeverLoadsTheWebViewAndAutoLoadsItOnlyAtTheFirstLayoutRequest() throws Exception {
        // issue #12 (autolayout): "attach the off-screen painter lazily on the first offset/size/style
        // request ... The plain headless run/test must still never load javafx-web"
        TestApp.withPages(dir, "pages/p/p").wechat()
                .file("pages/p/p.wxml", "<view class=\"box\">{{t}}</view>")
                .file("pages/p/p.wxss", ".box { width: 50px; height: 30px; }")
                .file("pages/p/p.js", "Page({ data: { t: 'hi' } });");
        Path runLog = dir.resolve("run-classes.log");
        Process run = minisim(runLog, "run", dir.toString(), "--transcript", dir.resolve("t.jsonl").toString());
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(java.nio.file.Files.readString(dir.resolve("out.log"))).isZero();
        assertThat(java.nio.file.Files.readString(runLog)).contains("dev.minisim.app.Simulation");
        assertThat(loadedWebKit(runLog)).as("run loaded javafx.scene.web").isFalse();

        int port = freePort();
        Path autoLog = dir.resolve("auto-classes.log");
        Process auto = minisim(autoLog, "auto", "--project", dir.toString(), "--auto-port", String.valueOf(port));
        try {
            Client c = new Client(port);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!c.connectBlocking(1, TimeUnit.SECONDS)) {
                assertThat(System.nanoTime()).as("MiniSim listens within 90 s").isLessThan(end);
                assertThat(auto.isAlive()).isTrue();
                c = new Client(port);
            }
            int page = c.call("{\"id\":\"1\",\"method\":\"App.getCurrentPage\",\"params\":{}}").path("result").path("pageId").asInt();
            String el = c.call("{\"id\":\"2\",\"method\":\"Page.getElement\",\"params\":{\"pageId\":" + page
                    + ",\"selector\":\".box\"}}").path("result").path("elementId").asText();
            String on = "\"pageId\":" + page + ",\"elementId\":\"" + el + "\"";
            assertThat(c.call("{\"id\":\"3\",\"method\":\"Element.getDOMProperties\",\"params\":{" + on
                    + ",\"names\":[\"innerText\"]}}").path("result").path("properties").get(0).asText()).isEqualTo("hi");
            assertThat(loadedWebKit(autoLog)).as("auto loaded javafx.scene.web before any layout request").isFalse();
            JsonNode size = c.call("{\"id\":\"4\",\"method\":\"Element.getDOMProperties\",\"params\":{" + on
                    + ",\"names\":[\"offsetWidth\",\"offsetHeight\"]}}").path("result").path("properties");
            assertThat(size.get(0).asDouble()).isEqualTo(50.0);
            assertThat(size.get(1).asDouble()).isEqualTo(30.0);
            assertThat(loadedWebKit(autoLog)).as("the layout request started the painter").isTrue();
            c.call("{\"id\":\"5\",\"method\":\"Tool.close\",\"params\":{}}");
            assertThat(auto.waitFor(30, TimeUnit.SECONDS)).as("Tool.close ends MiniSim").isTrue();
        } finally {
            auto.destroyForcibly();
        }
    }

    @Test
    void theOlderSdksArgumentVectorIsTheSameCommand() {
        // miniprogram-automator 0.10 (still in public suites) runs `cli --auto DIR --auto-port PORT`
        assertThat(AutoCommand.olderSdkArguments(new String[] {"--auto", "/p", "--auto-port", "9420"}))
                .containsExactly("auto", "--project", "/p", "--auto-port", "9420");
        assertThat(AutoCommand.olderSdkArguments(new String[] {"run", "/p"})).containsExactly("run", "/p");
        assertThat(Main.execute("--auto", dir.resolve("nowhere").toString(), "--auto-port", "9")).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void aFolderThatIsNotAMiniProgramIsBadInput() {
        assertThat(Main.execute("auto", "--project", dir.resolve("nowhere").toString(), "--auto-port", "9")).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void anUnknownPromptKindInMinisimJsonIsBadInput() throws Exception {
        TestApp.withPages(dir, "pages/p/p").wechat().file("pages/p/p.js", "Page({});")
                .file("minisim.json", "{\"decide\": {\"teleport\": \"allow\"}}");
        assertThat(Main.execute("auto", "--project", dir.toString(), "--auto-port", String.valueOf(freePort())))
                .isEqualTo(Main.BAD_INPUT);
    }
}
