package dev.minisim.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.events.Event;
import dev.minisim.events.TranscriptWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a replay wrote the transcript of the session it was recorded from. Compared line by
 * line, every field, after taking out what is not the mini-program's: the player's own lines
 * ({@code step} where each step begins, {@code expect} of the {@code see} steps, {@code end}), the
 * {@code seq} numbers (which those lines shift), the {@code source} of a decision (the person or a
 * policy answered in the window, the scenario in the replay) and, when asked, {@code t}: the window
 * runs on the real clock, where a handler takes real milliseconds and the person answers a prompt
 * after a while, while the replay's simulated clock stands still during a step.
 */
public final class ReplayCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PLAYER_LINES = Set.of("step", "expect", "end");

    private ReplayCheck() {
    }

    /**
     * Plays {@code scenarioFile} on {@code folder} as {@code run} does and compares its transcript
     * with the {@code session}'s (times apart, as the window runs on the real clock): empty when
     * they are the same, else the first difference, or why the replay could not run.
     */
    public static Optional<String> replay(java.nio.file.Path folder, java.nio.file.Path scenarioFile, List<Event> session) {
        try {
            dev.minisim.program.MiniProgram program = dev.minisim.program.MiniProgram.load(folder);
            Scenario scenario = ScenarioParser.read(scenarioFile);
            List<Event> events = java.util.Collections.synchronizedList(new ArrayList<>());
            new ScenarioPlayer(dev.minisim.app.Simulation.Options.headless(), java.time.Duration.ofSeconds(60))
                    .play(program, scenario, events::add);
            return difference(session, List.copyOf(events), false);
        } catch (dev.minisim.BadInputException e) {
            return Optional.of("the replay cannot run: " + e.getMessage());
        }
    }

    /** The lines that must be the same, as JSON text, from a transcript's JSON Lines. */
    public static List<String> comparable(List<String> jsonLines, boolean withTime) {
        List<String> out = new ArrayList<>();
        for (String text : jsonLines) {
            if (text.isBlank()) {
                continue;
            }
            try {
                ObjectNode line = (ObjectNode) JSON.readTree(text);
                String type = line.path("type").asText();
                if (PLAYER_LINES.contains(type)) {
                    continue;
                }
                line.remove("seq");
                if (!withTime) {
                    line.remove("t");
                }
                if (type.equals("decision")) {
                    line.remove("source");
                }
                out.add(JSON.writeValueAsString(line));
            } catch (IOException | ClassCastException ex) {
                throw new IllegalArgumentException("not a transcript line: " + text, ex);
            }
        }
        return out;
    }

    /** The events as the transcript writes them. */
    public static List<String> lines(List<Event> events) {
        return events.stream().map(TranscriptWriter::toJson).toList();
    }

    /** Empty when the replay's transcript is the session's; else where they part, both lines shown. */
    public static Optional<String> difference(List<Event> session, List<Event> replay, boolean withTime) {
        return differenceOfLines(lines(session), lines(replay), withTime);
    }

    /** As {@link #difference(List, List, boolean)}, from both transcripts' JSON Lines. */
    public static Optional<String> differenceOfLines(List<String> session, List<String> replay, boolean withTime) {
        List<String> a = comparable(session, withTime);
        List<String> b = comparable(replay, withTime);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(nothing)";
            String y = i < b.size() ? b.get(i) : "(nothing)";
            if (!x.equals(y)) {
                return Optional.of("line " + (i + 1) + " of the mini-program's lines differs:\n  session: " + x
                        + "\n  replay:  " + y);
            }
        }
        return Optional.empty();
    }
}
