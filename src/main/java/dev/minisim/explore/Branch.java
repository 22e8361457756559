package dev.minisim.explore;

import dev.minisim.events.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * One leaf of the tree: the answers along its path and how its run ended.
 *
 * @param path     every explored prompt met, with the answer given
 * @param status   the run's end status: {@code ok}, {@code failed} (an expect), {@code error}
 * @param errors   the script's uncaught errors, the run's own errors, and failed expects
 * @param pages    the page stack at the end, home first
 * @param text     the final rendered text of the top page ({@code ""} when it has no template)
 * @param events   the run's transcript
 * @param millis   how long the run took (real time)
 */
public record Branch(List<PathStep> path, String status, List<Problem> errors, List<String> pages, String text,
                     List<Event> events, long millis) {

    /** An error of the run, with where it happened ({@code file:line}, may be null). */
    public record Problem(String message, String source) {
        @Override
        public String toString() {
            return source == null || source.isEmpty() ? message : source + ": " + message;
        }
    }

    public boolean ok() {
        return status.equals("ok");
    }

    /** The choices that replay this branch (see {@link Explorer#play}). */
    public List<Integer> choices() {
        List<Integer> c = new ArrayList<>();
        path.forEach(s -> c.add(s.choice()));
        return c;
    }

    /** {@code getAuthCode=allow signContract=cancel/6001}, or {@code (no prompt)}. */
    public String pathLabel() {
        if (path.isEmpty()) {
            return "(no prompt)";
        }
        StringBuilder b = new StringBuilder();
        path.forEach(s -> b.append(b.isEmpty() ? "" : " ").append(s.label()));
        return b.toString();
    }

    /**
     * What kind of end this is, in words: {@code ok}, {@code failed expect}, {@code error},
     * {@code prompt unanswered}, {@code loop stopped}, {@code time limit} (several joined by ", ").
     */
    public String outcome() {
        if (ok()) {
            return "ok";
        }
        List<String> kinds = new ArrayList<>();
        for (Problem p : errors) {
            String k = p.message().startsWith("no decision for the ") ? "prompt unanswered"
                    : p.message().contains("loops here for ever") ? "loop stopped"
                    : p.message().contains("hit its time limit") ? "time limit"
                    : p.message().startsWith("step ") ? "failed expect" : "error";
            if (!kinds.contains(k)) {
                kinds.add(k);
            }
        }
        if (kinds.isEmpty()) {
            kinds.add(status.equals("failed") ? "failed expect" : "error");
        }
        return String.join(", ", kinds);
    }
}
