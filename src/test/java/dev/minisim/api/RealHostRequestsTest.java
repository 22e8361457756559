package dev.minisim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.minisim.TestApp;
import dev.minisim.program.MiniProgram;
import dev.minisim.app.Simulation;
import dev.minisim.events.Event;
import dev.minisim.scenario.RunResult;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.user.PolicyDecisions;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8 part 5: "Real-host requests must not block the event loop or escape the watchdog." A
 * request to a host the user allowed runs off the loop's thread; a headless run waits for its
 * answer, up to the request's timeout.
 */
class RealHostRequestsTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private String base;
    /** Released when the loop has run the page's next task (a timer) after starting the request. */
    private final CountDownLatch pageWentOn = new CountDownLatch(1);
    private volatile boolean answeredAfterThePageWentOn;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/slow", exchange -> {
            // answers only once the loop has run the page's next task: if the request held the
            // loop's thread, that task could not run and this would wait out its 10 s
            try {
                answeredAfterThePageWentOn = pageWentOn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, "{\"n\": 7}");
        });
        server.createContext("/never", exchange -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, "late");
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private TestApp.Run run(String onLoad) throws Exception {
        TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js", "Page({ onLoad() {\n" + onLoad + "\n} });");
        MiniProgram program = MiniProgram.load(dir);
        Scenario scenario = ScenarioParser.parse("{}", "s.json");
        RunConfig config = RunConfig.defaults().withAllowedHosts(Set.of("127.0.0.1"));
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        Consumer<Event> sink = e -> {
            events.add(e);
            if (e.type().equals("console") && "went on".equals(e.str("text"))) {
                pageWentOn.countDown();
            }
        };
        RunResult result = new ScenarioPlayer(Simulation.Options.headless(), Duration.ofSeconds(60))
                .play(program, scenario, config, new PolicyDecisions(), sink);
        return new TestApp.Run(result, List.copyOf(events));
    }

    @Test
    void theRequestRunsOffTheLoopAndTheHeadlessRunWaitsForItsAnswer() throws Exception {
        TestApp.Run run = run("wx.request({ url: '" + base + "/slow', success: (r) => console.log('answer', r.statusCode, r.data.n) });\n"
                + "setTimeout(() => console.log('went on'), 0);");
        assertThat(answeredAfterThePageWentOn).as("the server saw the page go on before it answered").isTrue();
        assertThat(run.logs()).as("%s", run).containsExactly("went on", "answer 200 7");
        assertThat(run.of("request")).as("%s", run).singleElement()
                .satisfies(e -> assertThat(e.get("status")).isEqualTo(200))
                .satisfies(e -> assertThat(e.get("mock")).isEqualTo(false));
        assertThat(run.last().type()).isEqualTo("end");
        assertThat(run.last().get("status")).isEqualTo("ok");
    }

    @Test
    void aServerThatDoesNotAnswerEndsInATimeoutFailure() throws Exception {
        TestApp.Run run = run("my.request({ url: '" + base + "/never', timeout: 300, fail: (e) => console.log('fail', e.error, e.errorMessage) });");
        assertThat(run.logs()).as("%s", run).containsExactly("fail 13 timeout");
        assertThat(run.of("request").get(0).get("error")).isEqualTo("timeout");
        assertThat(run.last().get("status")).as("%s", run).isEqualTo("ok");
    }
}
