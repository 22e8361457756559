package dev.minisim.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.events.Event;
import java.util.List;

/**
 * A finished recording: the scenario (CONTRACT's format), the session's transcript up to the stop
 * (what a replay must reproduce, see {@link ReplayCheck}), and what could not be recorded.
 */
public record Recording(ObjectNode scenario, List<Event> transcript, List<String> problems) {

    /** The scenario file's text: pretty-printed JSON. */
    public String text() {
        return SessionRecorder.write(scenario);
    }

    /** Steps in the file (waits and see steps included). */
    public int steps() {
        return scenario.path("steps").size();
    }
}
