package dev.minisim.auto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.app.Automation;
import dev.minisim.events.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The protocol's events, from the run's event stream: {@code App.logAdded} for each console line
 * once the client asked with {@code App.enableLog}, {@code App.exceptionThrown} for each uncaught
 * error of the app, {@code App.bindingCalled} for each call of an exposed function.
 */
final class EventsOut implements Consumer<Event>, Automation {

    private final Consumer<String> send;
    private volatile boolean logs;

    /** @param send sends one event message to the connected clients */
    EventsOut(Consumer<String> send) {
        this.send = send;
    }

    void enableLogs() {
        logs = true;
    }

    @Override
    public void accept(Event e) {
        switch (e.type()) {
            case "console" -> {
                if (logs) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("type", e.str("level") == null ? "log" : e.str("level"));
                    p.put("args", List.of(e.str("text") == null ? "" : e.str("text")));
                    send.accept(Protocol.event("App.logAdded", p));
                }
            }
            case "error" -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("message", e.str("message"));
                Object stack = e.get("stack");
                p.put("stack", stack == null ? (e.str("source") == null ? "" : "    at " + e.str("source")) : String.valueOf(stack));
                send.accept(Protocol.event("App.exceptionThrown", p));
            }
            default -> {
            }
        }
    }

    @Override
    public void answered(int id, boolean ok, String text) {
    }

    @Override
    public void bindingCalled(String name, String argsJson) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        JsonNode args;
        try {
            args = Protocol.JSON.readTree(argsJson);
        } catch (Exception e) {
            args = Protocol.JSON.createArrayNode();
        }
        p.put("args", args);
        send.accept(Protocol.event("App.bindingCalled", p));
    }
}
