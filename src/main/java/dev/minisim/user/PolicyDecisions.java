package dev.minisim.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A standing policy a tester sets per prompt kind (always allow, deny, cancel, a given error
 * code): {@code --decide getAuthCode=allow} on the command line, the toolbar in the window. A kind
 * with no policy, or set to "ask", is left to the next source.
 */
public final class PolicyDecisions implements DecisionSource {

    private final Map<String, JsonNode> policy = new ConcurrentHashMap<>();

    public void set(String kind, JsonNode answer) {
        if (answer == null || answer.isTextual() && answer.asText().equals("ask")) {
            policy.remove(kind);
        } else {
            policy.put(kind, answer);
        }
    }

    public Map<String, JsonNode> current() {
        return Map.copyOf(policy);
    }

    @Override
    public boolean ask(Prompt prompt, Consumer<Decision> answer) {
        JsonNode a = policy.get(prompt.kind());
        if (a == null) {
            return false;
        }
        answer.accept(new Decision(a, "policy"));
        return true;
    }
}
