package dev.minisim.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A scenario's {@code decisions}: per prompt kind, answers consumed in order; the last one repeats
 * (CONTRACT.md).
 */
public final class ScenarioDecisions implements DecisionSource {

    private final Map<String, List<JsonNode>> answers;
    private final Map<String, Integer> used = new HashMap<>();

    public ScenarioDecisions(Map<String, List<JsonNode>> answers) {
        this.answers = answers;
    }

    @Override
    public boolean ask(Prompt prompt, Consumer<Decision> answer) {
        List<JsonNode> list = answers.get(prompt.kind());
        if (list == null || list.isEmpty()) {
            return false;
        }
        int i = used.merge(prompt.kind(), 1, Integer::sum) - 1;
        answer.accept(new Decision(list.get(Math.min(i, list.size() - 1)), "scenario"));
        return true;
    }
}
