package dev.minisim.program;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.BadInputException;
import dev.minisim.program.MiniProgram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated plugin, read from a JSON file: its name and provider (as app.json declares it), its
 * pages with their query parameters, the events each page can finish with and whether an event
 * is a success or a failure, and the protocol (the small code) that drives it. MiniSim ships
 * {@code qyssdk-plugin} (契约锁, seed 003); {@code --plugin FILE} adds another.
 */
public record PluginDefinition(String name, String title, String provider, String protocol,
                               Map<String, Param> query, Map<String, Page> pages, Map<String, String> outcomes) {

    /** A query parameter: required or not, the values it may take (empty: any), its default. */
    public record Param(boolean required, List<String> values, String defaultValue, String description) {
    }

    /** A plugin page: its title, its own parameters, the events the user can finish it with. */
    public record Page(String title, Map<String, Param> query, List<String> finish) {
    }

    public static PluginDefinition parse(String text, String shown) throws BadInputException {
        JsonNode n = MiniProgram.parseJson(text, shown);
        for (String f : List.of("name", "provider", "pages")) {
            if (!n.hasNonNull(f)) {
                throw BadInputException.at(shown, 1, "a plugin definition needs \"" + f + "\"");
            }
        }
        if (!n.path("protocol").asText("jumpTo").equals("jumpTo")) {
            throw BadInputException.at(shown, 1, "protocol \"" + n.path("protocol").asText()
                    + "\" is not one MiniSim knows; plugins speak \"jumpTo\" (seed 003's callbacks, jumpTo and sendNavigatePaths)");
        }
        Map<String, Page> pages = new LinkedHashMap<>();
        for (var it = n.path("pages").fields(); it.hasNext(); ) {
            var e = it.next();
            List<String> finish = new ArrayList<>();
            e.getValue().path("finish").forEach(x -> finish.add(x.asText()));
            pages.put(e.getKey(), new Page(e.getValue().path("title").asText(e.getKey()),
                    params(e.getValue().path("query")), List.copyOf(finish)));
        }
        Map<String, String> outcomes = new LinkedHashMap<>();
        n.path("outcomes").fields().forEachRemaining(e -> outcomes.put(e.getKey(), e.getValue().asText()));
        return new PluginDefinition(n.get("name").asText(), n.path("title").asText(n.get("name").asText()),
                n.get("provider").asText(), n.path("protocol").asText("jumpTo"), params(n.path("query")),
                java.util.Collections.unmodifiableMap(pages), java.util.Collections.unmodifiableMap(outcomes));
    }

    private static Map<String, Param> params(JsonNode q) {
        Map<String, Param> m = new LinkedHashMap<>();
        q.fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().path("values").forEach(v -> values.add(v.asText()));
            m.put(e.getKey(), new Param(e.getValue().path("required").asBoolean(false), List.copyOf(values),
                    e.getValue().hasNonNull("default") ? e.getValue().get("default").asText() : null,
                    e.getValue().path("description").asText("")));
        });
        // unmodifiable: a bundled definition is parsed once and shared by every run of a process
        return java.util.Collections.unmodifiableMap(m);
    }

    /** "success" or "fail" for a finishing event (a success when the definition does not say). */
    public String outcome(String event) {
        return outcomes.getOrDefault(event, "success");
    }
}
