package dev.minisim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One step of a scenario (CONTRACT.md), with its position for messages. */
public sealed interface Step {

    /** 1-based index in "steps" and the line it starts on in the scenario file. */
    int index();

    int line();

    /** The step as written, for the transcript. */
    JsonNode source();

    /** Call a method of the top page with these arguments. */
    record Call(int index, int line, JsonNode source, String method, List<Object> args) implements Step {
    }

    /** Tap an element of the rendered page. */
    record Tap(int index, int line, JsonNode source, String selector) implements Step {
    }

    /** Let simulated time pass. */
    record Wait(int index, int line, JsonNode source, long millis) implements Step {
    }

    /** The user goes back this many pages. */
    record Back(int index, int line, JsonNode source, int pages) implements Step {
    }

    /**
     * A transcript event with these fields (subset match) must have happened by now; with
     * {@code times}, exactly that many such events (0: none).
     */
    record Expect(int index, int line, JsonNode source, JsonNode fields, Integer times) implements Step {
    }
}
