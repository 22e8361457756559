package dev.minisim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.events.Event;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code expect} step's rule: an event matches when it has every field given, with an equal
 * value; objects match as subsets, recursively; arrays match element by element; numbers match by
 * value (1 equals 1.0).
 */
public final class Expectation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Expectation() {
    }

    public static Optional<Event> firstMatch(JsonNode expected, List<Event> events) {
        for (Event e : events) {
            if (matches(expected, JSON.valueToTree(e.asMap()))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static List<Event> allMatches(JsonNode expected, List<Event> events) {
        return allMatches(expected, events, Expectation::tree);
    }

    /** As {@link #allMatches(JsonNode, List)}, with each event's tree from {@code trees} (a caller's cache). */
    public static List<Event> allMatches(JsonNode expected, List<Event> events,
                                         java.util.function.Function<Event, JsonNode> trees) {
        return events.stream().filter(e -> matches(expected, trees.apply(e))).toList();
    }

    /** An event as the JSON tree expectations are matched against. */
    public static JsonNode tree(Event e) {
        return JSON.valueToTree(e.asMap());
    }

    public static boolean matches(JsonNode expected, JsonNode actual) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode a = actual.get(f.getKey());
                if (a == null ? !f.getValue().isNull() : !matches(f.getValue(), a)) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }
}
