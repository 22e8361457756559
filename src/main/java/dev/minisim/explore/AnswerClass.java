package dev.minisim.explore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One branch at a prompt: the answers that give the app the same result (CONTRACT.md, "Explore"),
 * played as the first of them.
 *
 * @param decision the answer the branch plays (the first of {@code answers})
 * @param answers  every answer of the decisions table with that result, in the table's order
 */
public record AnswerClass(JsonNode decision, List<JsonNode> answers) {

    /** The answers as a scenario writes them, joined by '/': {@code deny/cancel/1001}. */
    public String label() {
        StringBuilder b = new StringBuilder();
        for (JsonNode a : answers) {
            b.append(b.isEmpty() ? "" : "/").append(a.isTextual() ? a.asText() : a.toString());
        }
        return b.toString();
    }
}
