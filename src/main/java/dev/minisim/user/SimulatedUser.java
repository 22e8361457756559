package dev.minisim.user;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The user of the super app: the first source that has an answer gives it. */
public final class SimulatedUser implements DecisionSource {

    private final List<DecisionSource> sources = new CopyOnWriteArrayList<>();

    public SimulatedUser add(DecisionSource source) {
        sources.add(source);
        return this;
    }

    @Override
    public boolean ask(Prompt prompt, Consumer<Decision> answer) {
        for (DecisionSource s : sources) {
            if (s.ask(prompt, answer)) {
                return true;
            }
        }
        return false;
    }
}
