package dev.minisim.user;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The simulated user's answer to a prompt, as a scenario writes it ({@code "allow"},
 * {@code {"allow": [...]}}, {@code "cancel"}, {@code "6001"}, {@code "signSuccessCb"}), and
 * where it came from: {@code scenario}, {@code policy} or {@code user}.
 */
public record Decision(JsonNode value, String source) {

    /** The answer as text when it is a string ("allow", "1003"), else null. */
    public String text() {
        return value.isTextual() ? value.asText() : null;
    }

    public boolean is(String answer) {
        return answer.equals(text());
    }
}
