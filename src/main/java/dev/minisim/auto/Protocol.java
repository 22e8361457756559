package dev.minisim.auto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The wire format of the WeChat automation protocol (CONTRACT.md, "Automation protocol"): a
 * request {@code {id, method, params}} gets {@code {id, result}} or {@code {id, error: {message}}};
 * an event is {@code {method, params}} with no id. The methods are a table filled by the domains
 * ({@link ToolMethods}, {@link AppMethods}, {@link PageMethods}, {@link ElementMethods}); this
 * class owns nothing else. Every request gets exactly one answer: a method MiniSim lacks, a
 * malformed message or a method that throws answers an error (the SDK waits forever otherwise).
 */
public final class Protocol {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One method: its result (a map, list or JSON node) now or later. */
    @FunctionalInterface
    public interface Method {
        CompletableFuture<?> call(JsonNode params) throws Exception;
    }

    private final Map<String, Method> methods = new TreeMap<>();
    private final Duration backstop;

    /**
     * @param backstop how long any request may go unanswered before it answers an error: the last
     *                 guard of "never silence" (a method's own timeouts, such as the request
     *                 timeout of calls into the app's world, come first and say more)
     */
    public Protocol(Duration backstop) {
        this.backstop = backstop;
    }

    void add(String name, Method method) {
        methods.put(name, method);
    }

    /** The methods MiniSim implements, by name. */
    public java.util.Set<String> names() {
        return methods.keySet();
    }

    /** The answer to one message (text of a JSON object), when it is ready. */
    public CompletableFuture<String> answer(String message) {
        JsonNode msg;
        try {
            msg = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            return CompletableFuture.completedFuture(error(null, "malformed message (not JSON): "
                    + e.getOriginalMessage()));
        }
        if (msg == null || !msg.isObject()) {
            return CompletableFuture.completedFuture(error(null, "malformed message: expected a JSON object {id, method, params}"));
        }
        JsonNode id = msg.get("id");
        String name = msg.path("method").asText("");
        if (name.isEmpty()) {
            return CompletableFuture.completedFuture(error(id, "malformed message: no \"method\""));
        }
        Method m = methods.get(name);
        if (m == null) {
            return CompletableFuture.completedFuture(error(id, "MiniSim does not implement the automation method " + name));
        }
        JsonNode params = msg.path("params").isObject() ? msg.get("params") : JsonNodeFactory.instance.objectNode();
        CompletableFuture<?> result;
        try {
            result = m.call(params);
        } catch (Exception | StackOverflowError e) {
            return CompletableFuture.completedFuture(error(id, name + ": " + message(e)));
        }
        if (result == null) {
            return CompletableFuture.completedFuture(error(id, name + ": internal error (no answer)"));
        }
        // a copy: the method's own future is not completed by the backstop, only the answer is
        return result.copy().orTimeout(backstop.toMillis(), TimeUnit.MILLISECONDS)
                .handle((value, t) -> t == null ? result(id, value) : error(id, name + ": " + message(t)));
    }

    /** An event message. */
    public static String event(String method, Object params) {
        ObjectNode out = JSON.createObjectNode();
        out.put("method", method);
        out.set("params", JSON.valueToTree(params));
        return out.toString();
    }

    private static String result(JsonNode id, Object value) {
        ObjectNode out = JSON.createObjectNode();
        out.set("id", id);
        try {
            out.set("result", value == null ? JSON.createObjectNode() : JSON.valueToTree(value));
        } catch (IllegalArgumentException e) {
            return error(id, "the result cannot be written as JSON: " + e.getMessage());
        }
        return out.toString();
    }

    static String error(JsonNode id, String message) {
        ObjectNode out = JSON.createObjectNode();
        if (id != null) {
            out.set("id", id);
        }
        out.putObject("error").put("message", message);
        return out.toString();
    }

    private String message(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TimeoutException) {
            return "no answer within " + backstop.toSeconds() + " s (the mini-program's thread is busy or stuck); the session goes on";
        }
        if (t instanceof AutoError) {
            return t.getMessage();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
