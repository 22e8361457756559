package dev.minisim.auto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A protocol client as the SDK's Connection is: ids per request, answers matched by id, events queued. */
final class AutoClient extends WebSocketClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer with {@code error}: its message. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    final BlockingQueue<JsonNode> stray = new LinkedBlockingQueue<>();
    private final AtomicInteger next = new AtomicInteger();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    AutoClient(int port) throws InterruptedException {
        super(URI.create("ws://127.0.0.1:" + port));
        if (!connectBlocking(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("cannot connect to port " + port);
        }
    }

    /** Sends a request and waits for its answer: the result, or {@link Failed} with the error's message. */
    JsonNode call(String method, Object params) {
        String id = "r" + next.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        waiting.put(id, f);
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params == null ? Map.of() : params));
        send(msg.toString());
        JsonNode answer;
        try {
            try {
                answer = f.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException slow) {
                // a stall: keep the threads' state for whoever reads the report (issue-stall)
                dumpThreads(method);
                answer = f.get(20, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError(method + ": no answer within 30 s", e);
        }
        if (answer.has("error")) {
            throw new Failed(answer.path("error").path("message").asText());
        }
        return answer.get("result");
    }

    /** Writes every thread's stack to target/stall-dumps (a request waited 10 s: what is stuck?). */
    static void dumpThreads(String method) {
        StringBuilder out = new StringBuilder("waiting for " + method + " at " + java.time.Instant.now() + "\n");
        for (java.lang.management.ThreadInfo t : java.lang.management.ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            out.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
            if (t.getLockName() != null) {
                out.append(" on ").append(t.getLockName()).append(" owned by ").append(t.getLockOwnerName());
            }
            out.append('\n');
            for (StackTraceElement e : t.getStackTrace()) {
                out.append("    at ").append(e).append('\n');
            }
        }
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "stall-dumps");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("stall-" + System.nanoTime() + ".txt"), out);
        } catch (java.io.IOException e) {
            System.err.println(out);
        }
    }

    JsonNode call(String method) {
        return call(method, Map.of());
    }

    /** The next event named {@code method} within 10 s (others are skipped). */
    JsonNode event(String method) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            JsonNode e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.path("method").asText().equals(method)) {
                return e.get("params");
            }
        }
        throw new AssertionError("no " + method + " event within 10 s");
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
        JsonNode m;
        try {
            m = JSON.readTree(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String id = m.path("id").asText(null);
        if (id == null) {
            if (m.has("error")) {
                stray.add(m);
            } else {
                events.add(m);
            }
            return;
        }
        CompletableFuture<JsonNode> f = waiting.remove(id);
        if (f != null) {
            f.complete(m);
        } else {
            stray.add(m);
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closed.complete(code);
    }

    @Override
    public void onError(Exception ex) {
    }
}
