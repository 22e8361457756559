package dev.minisim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A scenario file (CONTRACT.md): where the run starts, what the simulated user decides, the mock
 * answers for requests, and the steps.
 *
 * @param file      how messages name the file
 * @param page      start route, or null for app.json's first page
 * @param query     start query
 * @param profile   wallet profile name, or null for the default
 * @param decisions prompt kind -> answers in order (the last one repeats)
 * @param requests  mock answers for my.request / wx.request
 */
public record Scenario(String file, String page, Map<String, String> query, String profile,
                       Map<String, List<JsonNode>> decisions, List<JsonNode> requests, List<Step> steps) {

    /** No scenario: launch the home page and stop. */
    public static Scenario empty() {
        return new Scenario("(no scenario)", null, Map.of(), null, Map.of(), List.of(), List.of());
    }
}
