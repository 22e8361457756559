package dev.minisim.explore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.api.auth.SignContract;
import dev.minisim.api.auth.WalletProfile;
import dev.minisim.user.Prompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the simulated user can answer at a prompt, grouped by the result the app gets (README's
 * decisions table; CONTRACT.md, "Explore"). Two answers are one branch when the JSAPI turns them
 * into the same callback with the same code: the grouping key is that result, computed from the
 * wallet profile and the prompt as shown, so a profile where closing and refusing differ gives
 * two branches there without any change here.
 */
public final class AnswerSpace {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AnswerSpace() {
    }

    /** The branches of {@code prompt}, in the decisions table's order (the first is the "yes" path). */
    public static List<AnswerClass> of(Prompt prompt, WalletProfile profile) {
        Grouping g = new Grouping();
        switch (prompt.kind()) {
            case "getAuthCode" -> getAuthCode(g, prompt, profile);
            case "signContract" -> {
                g.add("success", text("allow"));
                // cancel is the user-cancel code of the seed's table
                g.add("fail " + SignContract.CANCEL_CODE, text("cancel"));
                for (String code : new TreeSet<>(SignContract.ERRORS.keySet())) {
                    g.add("fail " + code, text(code));
                }
            }
            case "plugin" -> {
                for (String event : strings(prompt.shown().get("answers"))) {
                    g.add(event, text(event));
                }
            }
            case "confirm" -> {
                g.add("confirm", text("confirm"));
                g.add("cancel", text("cancel"));
            }
            case "modal" -> {
                g.add("confirm", text("confirm"));
                // a modal without its cancel button cannot be cancelled (showCancel: false)
                if (!Boolean.FALSE.equals(prompt.shown().get("showCancel"))) {
                    g.add("cancel", text("cancel"));
                }
            }
            case "actionSheet" -> {
                int n = strings(prompt.shown().get("items")).size();
                for (int i = 0; i < n; i++) {
                    g.add("index " + i, F.numberNode(i));
                }
                g.add("cancel", text("cancel"));
            }
            // allow, or not: deny and cancel both refuse (WxAuth, OpenTypes)
            case "authorize", "getUserProfile", "getPhoneNumber", "getUserInfo", "getAuthorize" -> {
                g.add("allow", text("allow"));
                g.add("refuse", text("deny"));
                g.add("refuse", text("cancel"));
            }
            case "chooseAvatar" -> {
                g.add("allow", text("allow"));
                g.add("refuse", text("cancel"));
                g.add("refuse", text("deny"));
            }
            default -> g.add("allow", text("allow"));
        }
        return g.classes();
    }

    /**
     * getAuthCode: allow all; with two or more prompted scopes one partial grant per scope (that
     * scope refused); refuse, close, and each error code of the profile. Refuse and close fail with
     * the profile's deny and cancel codes, so they fall in with those codes' branches.
     */
    private static void getAuthCode(Grouping g, Prompt prompt, WalletProfile profile) {
        List<String> scopes = strings(prompt.shown().get("scopes"));
        g.add("success " + scopes, text("allow"));
        if (scopes.size() >= 2) {
            for (String refused : scopes) {
                ObjectNode partial = F.objectNode();
                ArrayNode allow = partial.putArray("allow");
                List<String> kept = new ArrayList<>(scopes);
                kept.remove(refused);
                kept.forEach(allow::add);
                g.add("success " + kept, partial);
            }
        }
        g.add("fail " + profile.denyCode(), text("deny"));
        g.add("fail " + profile.cancelCode(), text("cancel"));
        List<String> codes = new ArrayList<>(profile.errors().keySet());
        for (String code : codes) {
            g.add("fail " + code, text(code));
        }
    }

    private static JsonNode text(String s) {
        return F.textNode(s);
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof Iterable<?> it) {
            it.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    /** Answers grouped by result key, in the order the keys first came. */
    private static final class Grouping {
        private final Map<String, List<JsonNode>> byResult = new LinkedHashMap<>();

        void add(String result, JsonNode answer) {
            byResult.computeIfAbsent(result, k -> new ArrayList<>()).add(answer);
        }

        List<AnswerClass> classes() {
            List<AnswerClass> out = new ArrayList<>();
            byResult.values().forEach(a -> out.add(new AnswerClass(a.get(0), List.copyOf(a))));
            return out;
        }
    }
}
