package dev.minisim.api.auth;

import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.JsApi;
import dev.minisim.program.PageUrl;
import dev.minisim.user.Decision;
import dev.minisim.user.Prompt;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * my.signContract (SPEC.md, "my.signContract"; seeds 000 and 001): opens the agreement-payment
 * authorization page for the signStr URL; the user completes it ({@code {authState, authCode}})
 * or it fails with 6001 user cancel, 6002 network error, 7001 result unknown, 7002 sign failed,
 * as {@code {error, errMessage}} (the seed's field name).
 */
public final class SignContract implements JsApi {

    /** The seed's error table. */
    public static final Map<String, String> ERRORS = Map.of(
            "6001", "User cancels the sign process.",
            "6002", "The sign fails because of network error.",
            "7001", "The result of the sign is unknown, it may be successful.",
            "7002", "The sign fails.");

    /** What closing the authorization page fails with: the seed's user-cancel code. */
    public static final String CANCEL_CODE = "6001";

    private final ApiEnv env;

    public SignContract(ApiEnv env) {
        this.env = env;
    }

    @Override
    public void invoke(ApiCall call) {
        String signStr = call.args().path("signStr").isTextual() ? call.args().path("signStr").asText() : null;
        if (signStr == null || signStr.isBlank()) {
            String found = call.args().path("signStr").isMissingNode() ? "it is missing"
                    : "found " + call.args().path("signStr");
            fail(call, "2", "parameter error: signStr (String) is required, the authorization URL from the "
                    + "merchant server's consult call; " + found);
            return;
        }
        int q = signStr.indexOf('?');
        Map<String, Object> query = new LinkedHashMap<>();
        PageUrl.parseQuery(q < 0 ? "" : signStr.substring(q + 1))
                .forEach((k, v) -> query.put(k, URLDecoder.decode(v, StandardCharsets.UTF_8)));
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("signStr", signStr);
        shown.put("url", q < 0 ? signStr : signStr.substring(0, q));
        shown.put("query", query);
        Prompt prompt = call.prompt("signContract", shown, true);
        env.prompt(prompt, d -> answer(call, prompt, d, query));
    }

    private void answer(ApiCall call, Prompt prompt, Decision d, Map<String, Object> query) {
        String a = d.text();
        if ("allow".equals(a)) {
            call.ok(success(query));
        } else if ("cancel".equals(a) || ERRORS.containsKey(a)) {
            String code = "cancel".equals(a) ? CANCEL_CODE : a;
            fail(call, code, ERRORS.get(code));
        } else {
            env.badDecision(prompt, d, "signContract answers are allow, cancel, or an error code (6001, 6002, 7001, 7002)");
        }
    }

    /**
     * authState is the state the merchant put in the URL ({@code authState}, else its
     * {@code authId}), else a fresh one; authCode is 32 characters, as in the seed's example
     * (the authState's hex without dashes when it is a UUID).
     */
    private Map<String, Object> success(Map<String, Object> query) {
        Object fromUrl = query.containsKey("authState") ? query.get("authState") : query.get("authId");
        String state = fromUrl != null ? fromUrl.toString() : env.codes().uuid();
        if (state.length() > 256) {
            state = state.substring(0, 256);
        }
        String compact = state.replace("-", "");
        String code = compact.matches("[0-9A-Fa-f]{32}") ? compact.toUpperCase()
                : env.codes().next(32, "0123456789ABCDEF");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("authState", state);
        p.put("authCode", code);
        return p;
    }

    private static void fail(ApiCall call, String code, String message) {
        if (call.isWx()) {
            call.fail(code, message);
            return;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("error", code);
        p.put("errMessage", message);
        call.failWith(p);
    }
}
