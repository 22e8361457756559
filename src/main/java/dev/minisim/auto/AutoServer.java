package dev.minisim.auto;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    /** Re-asks for writes the library lost (see {@link #flushStuck}); started with the server. */
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "minisim-auto-flush");
        t.setDaemon(true);
        return t;
    });
    /** How often queued answers are checked for a lost write. */
    static final long FLUSH_MS = 10;

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
        flusher.scheduleWithFixedDelay(this::flushStuck, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
        started.countDown();
    }

    /**
     * Issue #12, "never silence": Java-WebSocket can lose a write. {@code send} queues the frame
     * and asks the selector thread for a write; that thread, done writing the frames before,
     * checks the queue is empty and then drops its write interest. A frame queued between its
     * check and its drop (another thread answering, on a machine busy enough to pause the
     * selector thread there) stays queued until the next send on that connection, and the
     * client, waiting for this very answer, sends nothing: the request seemed unanswered for 30 s.
     * Any connection with queued frames is asked for a write again (harmless when one is pending).
     */
    void flushStuck() {
        try {
            for (WebSocket conn : getConnections()) {
                if (conn.isOpen() && conn.hasBufferedData()) {
                    onWriteDemand(conn);
                }
            }
        } catch (RuntimeException e) {
            // a connection closing meanwhile: the next round sees the new state
        }
    }

    @Override
    public void stop(int timeout, String closeMessage) throws InterruptedException {
        flusher.shutdownNow();
        super.stop(timeout, closeMessage);
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
