package dev.minisim.api.wechat;

import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.ApiRegistry;
import dev.minisim.user.Decision;
import dev.minisim.user.Prompt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * WeChat's side of authorization, which WeChat pages call where Alipay pages call getAuthCode:
 * wx.login (a fresh code, silent), wx.checkSession, wx.getSetting (what this user has granted or
 * refused so far), wx.authorize({scope}) and wx.getUserProfile (prompts, asked once: a scope
 * already decided is answered without asking, as WeChat does), wx.getUserInfo according to those
 * grants.
 */
public final class WxAuth {

    /** The scopes wx.authorize accepts. */
    static final Set<String> SCOPES = Set.of("scope.userInfo", "scope.userLocation", "scope.userFuzzyLocation",
            "scope.userLocationBackground", "scope.record", "scope.camera", "scope.bluetooth",
            "scope.writePhotosAlbum", "scope.addPhoneContact", "scope.addPhoneCalendar", "scope.werun",
            "scope.address", "scope.invoiceTitle", "scope.invoice", "scope.channels");

    private final ApiEnv env;

    private WxAuth(ApiEnv env) {
        this.env = env;
    }

    public static void register(ApiRegistry apis, ApiEnv env) {
        WxAuth a = new WxAuth(env);
        apis.async("login", a::login);
        apis.async("checkSession", call -> call.ok(Map.of()));
        apis.async("getSetting", a::getSetting);
        apis.async("authorize", a::authorize);
        apis.async("getUserProfile", a::getUserProfile);
        apis.async("getUserInfo", a::getUserInfo);
    }

    private void login(ApiCall call) {
        call.ok(Map.of("code", env.codes().next(32, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")));
    }

    private void getSetting(ApiCall call) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("authSetting", env.grants().matching("scope."));
        call.ok(r);
    }

    private void authorize(ApiCall call) {
        String scope = call.args().path("scope").asText("");
        if (!SCOPES.contains(scope)) {
            call.fail(null, "invalid scope \"" + scope + "\"");
            return;
        }
        if (env.grants().granted(scope)) {
            call.ok(Map.of());
            return;
        }
        if (env.grants().refused(scope)) {
            call.fail(null, "auth deny");
            return;
        }
        Prompt p = call.prompt("authorize", Map.of("scope", scope), false);
        env.prompt(p, d -> {
            Boolean allowed = allowed(p, d);
            if (allowed == null) {
                return;
            }
            if (allowed) {
                env.grants().grant(scope);
                call.ok(Map.of());
            } else {
                env.grants().refuse(scope);
                call.fail(null, "auth deny");
            }
        });
    }

    private void getUserProfile(ApiCall call) {
        if (!call.args().path("desc").isTextual() || call.args().path("desc").asText().isBlank()) {
            call.fail(null, "desc is required: say why the profile is needed, e.g. {desc: '用于完善会员资料'}");
            return;
        }
        Map<String, Object> shown = Map.of("desc", call.args().path("desc").asText());
        Prompt p = call.prompt("getUserProfile", shown, false);
        env.prompt(p, d -> {
            Boolean allowed = allowed(p, d);
            if (allowed == null) {
                return;
            }
            if (allowed) {
                env.grants().grant("scope.userInfo");
                call.ok(userInfo());
            } else {
                call.fail(null, "auth deny");
            }
        });
    }

    private void getUserInfo(ApiCall call) {
        if (!env.grants().granted("scope.userInfo")) {
            call.fail(null, "scope unauthorized");
            return;
        }
        call.ok(userInfo());
    }

    private Map<String, Object> userInfo() {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("nickName", env.config().nickName());
        u.put("avatarUrl", env.config().avatar());
        u.put("gender", 0);
        u.put("country", "");
        u.put("province", "");
        u.put("city", "");
        u.put("language", "zh_CN");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("userInfo", u);
        r.put("rawData", ApiCall.json(u));
        r.put("signature", env.codes().next(40, "0123456789abcdef"));
        r.put("encryptedData", env.codes().next(64, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"));
        r.put("iv", env.codes().next(24, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"));
        return r;
    }

    private Boolean allowed(Prompt p, Decision d) {
        if (d.is("allow")) {
            return true;
        }
        if (d.is("deny") || d.is("cancel")) {
            return false;
        }
        env.badDecision(p, d, p.kind() + " answers are allow or deny");
        return null;
    }
}
