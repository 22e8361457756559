package dev.minisim.auto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.Framedata;
import org.junit.jupiter.api.Test;

/** The transport of the automation protocol (issue #12, "never silence"). */
class AutoServerTest {

    /**
     * Java-WebSocket can lose a write: a frame queued just as the selector thread drops its write
     * interest stays queued until the next send, and a client waiting for that answer sends
     * nothing (the 30 s "no answer" seen under load, issue-stall). The state is made here by
     * queueing a frame without asking for a write; the server must still deliver it.
     */
    @Test
    void aFrameQueuedWithoutAWriteRequestIsStillDelivered() throws Exception {
        Protocol protocol = new Protocol(Duration.ofSeconds(5));
        protocol.add("Tool.ping", params -> CompletableFuture.completedFuture(Map.of("pong", true)));
        AutoServer server = new AutoServer(0, protocol, () -> { });
        server.listen();
        try (AutoClient client = new AutoClient(server.getPort())) {
            // a round trip first: every write of the server is done, its write interest dropped
            assertThat(client.call("Tool.ping").path("pong").asBoolean()).isTrue();
            WebSocket conn = server.getConnections().iterator().next();
            WebSocketImpl impl = (WebSocketImpl) conn;
            for (Framedata frame : impl.getDraft().createFrames(Protocol.event("stuck", Map.of("n", 1)), false)) {
                ByteBuffer bytes = impl.getDraft().createBinaryFrame(frame);
                impl.outQueue.add(bytes);   // queued as send() queues it, but no write asked for
            }
            assertThat(client.event("stuck").path("n").asInt()).isEqualTo(1);
            client.closeBlocking();
        } finally {
            server.stop(500);
        }
    }
}
