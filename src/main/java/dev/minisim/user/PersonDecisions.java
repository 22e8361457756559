package dev.minisim.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The person at the window: every prompt that reaches this source is shown, and answered when the
 * person clicks. The answer may come from any thread (the UI's); it is handed to the simulation
 * through the callback, which posts it to the runtime thread.
 */
public final class PersonDecisions implements DecisionSource {

    /** A prompt waiting for the person. {@link #answer} works once. */
    public static final class Pending {
        private final Prompt prompt;
        private final Consumer<Decision> answer;
        private final AtomicBoolean done = new AtomicBoolean();

        Pending(Prompt prompt, Consumer<Decision> answer) {
            this.prompt = prompt;
            this.answer = answer;
        }

        public Prompt prompt() {
            return prompt;
        }

        public boolean answer(JsonNode value) {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            answer.accept(new Decision(value, "user"));
            return true;
        }
    }

    private final Consumer<Pending> show;

    /** @param show called (on the runtime thread) with each prompt to show */
    public PersonDecisions(Consumer<Pending> show) {
        this.show = show;
    }

    @Override
    public boolean ask(Prompt prompt, Consumer<Decision> answer) {
        show.accept(new Pending(prompt, answer));
        return true;
    }
}
