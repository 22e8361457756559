package dev.minisim.user;

import java.util.function.Consumer;

/**
 * Answers prompts. Every prompt of every API goes through this one interface; the APIs never know
 * whether a scenario file, a standing policy or the person at the window answered.
 */
public interface DecisionSource {

    /**
     * Answers {@code prompt} now or later by calling {@code answer} (from any thread); returns
     * false, without calling it, when this source has no answer for the prompt.
     */
    boolean ask(Prompt prompt, Consumer<Decision> answer);
}
