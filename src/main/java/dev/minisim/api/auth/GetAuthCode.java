package dev.minisim.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.JsApi;
import dev.minisim.user.Decision;
import dev.minisim.user.Prompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * my.getAuthCode (SPEC.md, "my.getAuthCode"; seeds 002 and 004). Silent scopes are granted
 * without a prompt; the others are shown together, and the user allows all, allows some, refuses,
 * closes the sheet, or the wallet fails with one of its error codes.
 */
public final class GetAuthCode implements JsApi {

    /** Parameter errors (not a wallet's documented code): the platform's "invalid parameter". */
    static final int PARAM_ERROR = 2;

    private final ApiEnv env;

    public GetAuthCode(ApiEnv env) {
        this.env = env;
    }

    @Override
    public void invoke(ApiCall call) {
        WalletProfile profile = env.config().profile();
        JsonNode args = call.args();
        if (!args.isObject() && !args.isNull()) {
            call.fail(PARAM_ERROR, "parameter error: getAuthCode expects an object such as {scopes: ['auth_user']}");
            return;
        }
        JsonNode s = args.path("scopes");
        List<String> scopes = new ArrayList<>();
        if (s.isMissingNode() || s.isNull()) {
            scopes.add("auth_base");
        } else if (s.isTextual()) {
            scopes.add(s.asText());
        } else if (s.isArray() && !s.isEmpty()) {
            for (JsonNode one : s) {
                if (!one.isTextual()) {
                    call.fail(PARAM_ERROR, "parameter error: scopes must be strings, found " + one);
                    return;
                }
                scopes.add(one.asText());
            }
        } else {
            call.fail(PARAM_ERROR, "parameter error: scopes must be a String or an Array of String, found " + s);
            return;
        }
        for (String scope : scopes) {
            if (!profile.knows(scope)) {
                call.fail(PARAM_ERROR, "parameter error: unknown scope \"" + scope + "\" for wallet profile "
                        + profile.name() + "; its scopes: " + String.join(", ", profile.scopes().keySet()));
                return;
            }
        }
        Set<String> silent = new LinkedHashSet<>();
        Set<String> prompted = new LinkedHashSet<>();
        for (String scope : scopes) {
            (profile.silent(scope) ? silent : prompted).add(scope);
        }
        if (prompted.isEmpty()) {
            silent.forEach(env.grants()::grant);
            call.ok(success(profile, List.copyOf(silent), Map.of()));
            return;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("wallet", profile.walletName());
        shown.put("scopes", List.copyOf(prompted));
        Map<String, String> descriptions = new LinkedHashMap<>();
        prompted.forEach(p -> descriptions.put(p, profile.scopes().get(p)));
        shown.put("descriptions", descriptions);
        if (!silent.isEmpty()) {
            shown.put("silentScopes", List.copyOf(silent));
        }
        shown.put("errorCodes", List.copyOf(profile.errors().keySet()));
        Prompt prompt = call.prompt("getAuthCode", shown, true);
        env.prompt(prompt, d -> answer(call, prompt, d, profile, silent, prompted));
    }

    private void answer(ApiCall call, Prompt prompt, Decision d, WalletProfile profile, Set<String> silent,
                        Set<String> prompted) {
        Set<String> allowed = new LinkedHashSet<>();
        if (d.is("allow")) {
            allowed.addAll(prompted);
        } else if (d.value().isObject() && d.value().path("allow").isArray()) {
            for (JsonNode a : d.value().path("allow")) {
                if (!prompted.contains(a.asText())) {
                    env.badDecision(prompt, d, "\"" + a.asText() + "\" was not asked for; the prompt shows "
                            + String.join(", ", prompted));
                    return;
                }
                allowed.add(a.asText());
            }
            if (allowed.isEmpty()) {
                refuse(call, profile, prompted, profile.denyCode());
                return;
            }
        } else if (d.is("deny")) {
            refuse(call, profile, prompted, profile.denyCode());
            return;
        } else if (d.is("cancel")) {
            failWith(call, profile, profile.cancelCode(), Map.of());
            return;
        } else if (d.text() != null && profile.errors().containsKey(d.text())) {
            failWith(call, profile, d.text(), Map.of());
            return;
        } else {
            env.badDecision(prompt, d, "getAuthCode answers are allow, deny, cancel, {\"allow\": [scopes]} or an "
                    + "error code of profile " + profile.name() + " (" + String.join(", ", profile.errors().keySet()) + ")");
            return;
        }
        Map<String, String> refused = new LinkedHashMap<>();
        for (String p : prompted) {
            if (allowed.contains(p)) {
                env.grants().grant(p);
            } else {
                env.grants().refuse(p);
                refused.put(p, profile.refusedScopeCode());
            }
        }
        silent.forEach(env.grants()::grant);
        List<String> granted = new ArrayList<>(silent);
        granted.addAll(allowed);
        call.ok(success(profile, granted, refused));
    }

    private Map<String, Object> success(WalletProfile profile, List<String> granted, Map<String, String> refused) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("authCode", env.codes().next(profile.authCodeLength(), profile.authCodeAlphabet()));
        p.put("authSuccessScopes", granted);
        p.put("authErrorScopes", refused);
        return p;
    }

    private void refuse(ApiCall call, WalletProfile profile, Set<String> prompted, String code) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (String p : prompted) {
            env.grants().refuse(p);
            refused.put(p, profile.refusedScopeCode());
        }
        failWith(call, profile, code, refused);
    }

    private static void failWith(ApiCall call, WalletProfile profile, String code, Map<String, String> refused) {
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("authErrorScopes", refused);
        call.fail(number(code), profile.errors().get(code), more);
    }

    /** Error codes are numbers in the payload when they are numeric, as in the clients. */
    static Object number(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return code;
        }
    }
}
