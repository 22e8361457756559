package dev.minisim.explore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One prompt met along a branch, and the answer the branch gave it.
 *
 * @param kind    the prompt kind ({@code getAuthCode}, {@code signContract}, ...)
 * @param source  file:line of the call that opened it
 * @param choice  which of {@code classes} the branch took
 * @param classes every branch this prompt offers
 */
public record PathStep(String kind, String source, int choice, List<AnswerClass> classes) {

    /** The answer played. */
    public JsonNode decision() {
        return classes.get(choice).decision();
    }

    /** The answers with the same result as the one played. */
    public List<JsonNode> answers() {
        return classes.get(choice).answers();
    }

    /** {@code getAuthCode=deny/cancel/1001}. */
    public String label() {
        return kind + "=" + classes.get(choice).label();
    }
}
