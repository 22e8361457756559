package dev.minisim.auto;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The protocol's transport: a WebSocket server (Java-WebSocket) on 127.0.0.1 only. Each text
 * message is a request for {@link Protocol}; its answer goes back on the same connection when
 * ready, so a slow request (a JSAPI waiting on a prompt) never holds up the next one
 * ({@code Tool.native} answering that prompt). When the last client that connected goes away,
 * {@code onLastClose} runs (the process ends: no orphan JVM).
 */
final class AutoServer extends WebSocketServer {

    private final Protocol protocol;
    private final Runnable onLastClose;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicBoolean connected = new AtomicBoolean();
    private volatile Exception failure;

    AutoServer(int port, Protocol protocol, Runnable onLastClose) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        this.protocol = protocol;
        this.onLastClose = onLastClose;
        setReuseAddr(true);
        setTcpNoDelay(true);
    }

    /** Starts listening; throws when the port cannot be bound. */
    void listen() throws Exception {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not start within 10 s");
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        connected.set(true);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        protocol.answer(message).thenAccept(answer -> {
            if (conn.isOpen()) {
                conn.send(answer);
            }
        });
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        onMessage(conn, StandardCharsets.UTF_8.decode(message).toString());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        if (connected.get() && getConnections().stream().noneMatch(WebSocket::isOpen)) {
            onLastClose.run();
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            // the server itself: the port is taken, or binding failed
            failure = ex;
            started.countDown();
        }
    }

    /** Whether a client has connected so far. */
    boolean everConnected() {
        return connected.get();
    }

    /** Sends an event to every connected client. */
    void event(String message) {
        broadcast(message);
    }
}
