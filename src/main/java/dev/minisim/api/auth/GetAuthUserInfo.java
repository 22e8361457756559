package dev.minisim.api.auth;

import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.JsApi;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * my.getAuthUserInfo: after an {@code auth_user} grant, the user's {@code {nickName, avatar}}
 * (the run's configured user); without one, the profile's not-authorized failure.
 */
public final class GetAuthUserInfo implements JsApi {

    private final ApiEnv env;

    public GetAuthUserInfo(ApiEnv env) {
        this.env = env;
    }

    @Override
    public void invoke(ApiCall call) {
        WalletProfile profile = env.config().profile();
        if (!env.grants().granted("auth_user")) {
            String code = profile.notAuthorizedCode();
            call.fail(GetAuthCode.number(code), profile.errors().getOrDefault(code, "not authorized")
                    + ": the user has not granted auth_user; call my.getAuthCode({scopes: 'auth_user'}) first");
            return;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("nickName", env.config().nickName());
        p.put("avatar", env.config().avatar());
        call.ok(p);
    }
}
