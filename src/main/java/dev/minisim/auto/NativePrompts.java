package dev.minisim.auto;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.minisim.user.Decision;
import dev.minisim.user.DecisionSource;
import dev.minisim.user.Prompt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The prompts on screen under automation: each waits for {@code Tool.native} to answer it
 * ({@code authorizeAllow} / {@code authorizeCancel} for authorization sheets, {@code confirmModal}
 * / {@code cancelModal} for dialogs), as the automator's user taps the vendor IDE's native
 * dialogs. A prompt nobody answers within the timeout is cancelled, and the {@code onTimeout}
 * callback says so: the app's call never hangs silently.
 */
public final class NativePrompts implements DecisionSource {

    /** The native methods and the answer each gives, per prompt kinds they answer. */
    private static final Set<String> AUTHORIZE_KINDS = Set.of("getAuthCode", "signContract", "authorize", "getUserProfile",
            "getPhoneNumber", "getUserInfo", "chooseAvatar", "getAuthorize");
    private static final Set<String> MODAL_KINDS = Set.of("confirm", "modal", "actionSheet");

    /** A prompt on screen, waiting. */
    private record Pending(Prompt prompt, Consumer<Decision> answer, ScheduledFuture<?> timeout) {
    }

    private final Deque<Pending> shown = new ArrayDeque<>();
    private final ScheduledExecutorService timer;
    private final long timeoutMs;
    private final Consumer<String> onTimeout;

    /**
     * @param timer     where timeouts run
     * @param timeoutMs how long a prompt waits for Tool.native
     * @param onTimeout told (with a sentence) about each prompt cancelled for want of an answer
     */
    public NativePrompts(ScheduledExecutorService timer, long timeoutMs, Consumer<String> onTimeout) {
        this.timer = timer;
        this.timeoutMs = timeoutMs;
        this.onTimeout = onTimeout;
    }

    @Override
    public boolean ask(Prompt prompt, Consumer<Decision> answer) {
        synchronized (shown) {
            Pending[] self = new Pending[1];
            ScheduledFuture<?> t = timer.schedule(() -> expire(self[0]), timeoutMs, TimeUnit.MILLISECONDS);
            self[0] = new Pending(prompt, answer, t);
            shown.push(self[0]);
            shown.notifyAll();
        }
        return true;
    }

    private void expire(Pending p) {
        synchronized (shown) {
            if (p == null || !shown.remove(p)) {
                return;
            }
        }
        onTimeout.accept("the " + p.prompt().kind() + " prompt (" + p.prompt().api() + ") had no answer from Tool.native within "
                + timeoutMs / 1000 + " s: it was cancelled (answer it with miniProgram.native()."
                + (MODAL_KINDS.contains(p.prompt().kind()) ? "confirmModal()" : "authorizeAllow()")
                + ", or set a policy with --decide " + p.prompt().kind() + "=ANSWER)");
        p.answer().accept(new Decision(JsonNodeFactory.instance.textNode("cancel"), "user"));
    }

    /** The kinds of prompt each native method answers, and the answer it gives. */
    static Map.Entry<Set<String>, String> meaning(String method) {
        return switch (method) {
            case "authorizeAllow" -> Map.entry(AUTHORIZE_KINDS, "allow");
            case "authorizeCancel" -> Map.entry(AUTHORIZE_KINDS, "cancel");
            case "confirmModal" -> Map.entry(MODAL_KINDS, "confirm");
            case "cancelModal" -> Map.entry(MODAL_KINDS, "cancel");
            default -> null;
        };
    }

    /**
     * Answers the newest prompt on screen of a kind {@code method} answers, waiting up to
     * {@code waitMs} for one to show (the tap that opens it may still be on its way); returns
     * the prompt answered.
     */
    Prompt answer(String method, long waitMs) throws InterruptedException {
        Map.Entry<Set<String>, String> m = meaning(method);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        Pending p;
        synchronized (shown) {
            while ((p = newest(m.getKey())) == null) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    throw new AutoError("Tool.native " + method + ": no " + (m.getKey() == MODAL_KINDS ? "dialog" : "authorization prompt")
                            + " is on screen" + (shown.isEmpty() ? "" : " (on screen: the " + shown.peek().prompt().kind() + " prompt)"));
                }
                shown.wait(left);
            }
            shown.remove(p);
        }
        p.timeout().cancel(false);
        String value = m.getValue();
        // a confirm dialog's and an action sheet's cancel is "cancel"; an action sheet has no confirm
        if (p.prompt().kind().equals("actionSheet") && value.equals("confirm")) {
            value = "0";
        }
        p.answer().accept(new Decision(value.matches("\\d+") ? JsonNodeFactory.instance.numberNode(Integer.parseInt(value))
                : JsonNodeFactory.instance.textNode(value), "user"));
        return p.prompt();
    }

    private Pending newest(Set<String> kinds) {
        for (Pending p : shown) {
            if (kinds.contains(p.prompt().kind())) {
                return p;
            }
        }
        return null;
    }
}
