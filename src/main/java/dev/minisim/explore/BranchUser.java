package dev.minisim.explore;

import dev.minisim.api.auth.WalletProfile;
import dev.minisim.user.Decision;
import dev.minisim.user.DecisionSource;
import dev.minisim.user.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The simulated user of one branch: answers every prompt of the explored kinds from a list of
 * choices (the branch's prefix), then with each prompt's first answer, and writes down every such
 * prompt it met with the answers it offered. Put first in the user's sources, so the scenario's
 * own decisions for these kinds are never asked; other kinds fall through to them.
 */
public final class BranchUser implements DecisionSource {

    private final Set<String> kinds;
    private final List<Integer> prefix;
    private final WalletProfile profile;
    private final List<PathStep> met = new ArrayList<>();

    /**
     * @param kinds   the prompt kinds explored
     * @param prefix  the choice (index into the prompt's answer classes) at each explored prompt, in order
     * @param profile the run's wallet profile (getAuthCode's codes)
     */
    public BranchUser(Set<String> kinds, List<Integer> prefix, WalletProfile profile) {
        this.kinds = kinds;
        this.prefix = List.copyOf(prefix);
        this.profile = profile;
    }

    @Override
    public synchronized boolean ask(Prompt prompt, Consumer<Decision> answer) {
        if (!kinds.contains(prompt.kind())) {
            return false;
        }
        List<AnswerClass> classes = AnswerSpace.of(prompt, profile);
        int i = met.size();
        int choice = i < prefix.size() ? Math.min(prefix.get(i), classes.size() - 1) : 0;
        PathStep step = new PathStep(prompt.kind(), prompt.source(), choice, classes);
        met.add(step);
        // "scenario": the branch is a scenario's decisions, as `explore` can write them out
        answer.accept(new Decision(step.decision(), "scenario"));
        return true;
    }

    /** The explored prompts met so far, with the answer given at each. */
    public synchronized List<PathStep> met() {
        return List.copyOf(met);
    }
}
