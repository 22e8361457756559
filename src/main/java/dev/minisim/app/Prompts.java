package dev.minisim.app;

import dev.minisim.program.PageInstance;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.user.Decision;
import dev.minisim.user.Prompt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Prompts as the super app shows them (SPEC.md, "App, pages, lifecycle"): the prompt and the
 * decision go to the transcript; a prompt that covers the page hides it, and shows it again when
 * it closes; a page that opens the prompt again from that very onShow loops in the real client,
 * which is shown for {@link #LOOP_LIMIT} rounds and then stopped; a prompt nobody can answer ends
 * a headless run with an error instead of hanging.
 */
final class Prompts {

    /** How many times in a row a page may prompt again from the onShow a prompt's close caused. */
    static final int LOOP_LIMIT = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Simulation sim;
    private int returningTo = -1;       // the page whose onShow runs because a prompt closed
    private int loopPage = -1;
    private int loopRounds;

    Prompts(Simulation sim) {
        this.sim = sim;
    }

    void open(Prompt prompt, Consumer<Decision> then) {
        PageInstance under = sim.router().top();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("api", prompt.api());
        fields.put("kind", prompt.kind());
        fields.put("page", prompt.page() != null ? prompt.page() : under == null ? null : under.route());
        fields.put("source", prompt.source());
        fields.putAll(prompt.shown());
        fields.values().removeIf(Objects::isNull);
        sim.events().emit("prompt", fields);
        if (under != null && returningTo == under.id()) {
            loopRounds = loopPage == under.id() ? loopRounds + 1 : 1;
            loopPage = under.id();
            if (loopRounds >= LOOP_LIMIT) {
                sim.abort(under.route() + " opens the " + prompt.kind() + " prompt again from onShow, which the "
                        + "prompt's own close triggers: the real client loops here for ever (stopped after "
                        + loopRounds + " rounds); ask once, e.g. from onLoad or behind a flag", prompt.source());
                return;
            }
        } else {
            loopRounds = 0;
            loopPage = -1;
        }
        if (prompt.coversPage() && under != null) {
            sim.hook(under, "onHide");
        }
        boolean asked = sim.user().ask(prompt, d -> sim.loop().post(() -> close(prompt, under, d, then)));
        if (!asked) {
            sim.abort("no decision for the " + prompt.kind() + " prompt" + (prompt.kind().equals(prompt.api()) ? ""
                    : " (" + prompt.api() + ")") + ": add one to the scenario's \"decisions\": {\"" + prompt.kind()
                    + "\": [" + example(prompt.kind()) + "]}, or set a policy with --decide " + prompt.kind() + "=ANSWER",
                    prompt.source());
        }
    }

    private void close(Prompt prompt, PageInstance under, Decision d, Consumer<Decision> then) {
        sim.events().emit("decision", "api", prompt.api(), "kind", prompt.kind(),
                "decision", JSON.convertValue(d.value(), Object.class), "source", d.source());
        if (prompt.coversPage() && under != null && sim.live(under)) {
            int saved = returningTo;
            returningTo = under.id();
            try {
                sim.hook(under, "onShow");
            } finally {
                returningTo = saved;
            }
        }
        if (!sim.loop().stopped()) {
            then.accept(d);
        }
    }

    void badDecision(Prompt prompt, Decision decision, String why) {
        sim.abort("decision " + decision.value() + " (from the " + decision.source() + ") cannot answer the "
                + prompt.kind() + " prompt: " + why, prompt.source());
    }

    private static String example(String kind) {
        return switch (kind) {
            case "getAuthCode" -> "\"allow\"";
            case "signContract" -> "\"allow\" or \"6001\"";
            case "plugin" -> "\"signSuccessCb\"";
            case "confirm", "modal" -> "\"confirm\"";
            case "actionSheet" -> "0";
            default -> "\"allow\"";
        };
    }
}
