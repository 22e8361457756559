package dev.minisim.screen;

import dev.minisim.api.ApiEnv;
import dev.minisim.user.Decision;
import dev.minisim.user.Prompt;
import dev.minisim.view.VElement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <button open-type>}: what the client opens when such a button is tapped (SPEC "Built-in
 * components"), each a prompt kind the simulated user answers, then the button's handler of that
 * event gets the result.
 *
 * <ul>
 *   <li>WeChat {@code getPhoneNumber} ({@code bindgetphonenumber}): allow gives {@code {errMsg:
 *       "getPhoneNumber:ok", code, encryptedData, iv}}, deny {@code {errMsg: "getPhoneNumber:fail user deny"}}.
 *   <li>WeChat {@code getUserInfo} ({@code bindgetuserinfo}): allow gives the user's info as
 *       {@code wx.getUserInfo} does; deny {@code {errMsg: "getUserInfo:fail auth deny"}}.
 *   <li>WeChat {@code chooseAvatar} ({@code bindchooseavatar}): allow gives {@code {avatarUrl}};
 *       cancel fires nothing, as in the client.
 *   <li>WeChat {@code openSetting}, {@code contact}, {@code share}: no prompt; their events fire
 *       ({@code share} calls the page's onShareAppMessage with {@code from: "button"}).
 *   <li>Alipay {@code getAuthorize} with {@code scope="userInfo"} or {@code "phoneNumber"}:
 *       allow fires {@code onGetAuthorize}, deny fires {@code onError} with {@code {error: 11,
 *       errorMessage}} (11 is the code seed 004 gives for refused user information; the Alipay docs
 *       name no code, so this is MiniSim's choice).
 * </ul>
 */
final class OpenTypes {

    private OpenTypes() {
    }

    static void open(Gestures gestures, ScreenHost host, PageScreen ps, VElement button, String openType) {
        ApiEnv env = host.env();
        String source = button.file() + ":" + button.line();
        switch (openType) {
            case "getPhoneNumber" -> prompt(host, ps, button, "getPhoneNumber", Map.of(), d -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                if (allowed(d)) {
                    detail.put("errMsg", "getPhoneNumber:ok");
                    detail.put("code", env.codes().next(32, "0123456789abcdef"));
                    detail.put("encryptedData", env.codes().next(64, B64));
                    detail.put("iv", env.codes().next(24, B64));
                } else {
                    detail.put("errMsg", "getPhoneNumber:fail user deny");
                }
                gestures.answerOpenType(ps, button, "getphonenumber", detail);
            });
            case "getUserInfo" -> prompt(host, ps, button, "getUserInfo", Map.of(), d -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                if (allowed(d)) {
                    env.grants().grant("scope.userInfo");
                    detail.put("errMsg", "getUserInfo:ok");
                    Map<String, Object> u = new LinkedHashMap<>();
                    u.put("nickName", env.config().nickName());
                    u.put("avatarUrl", env.config().avatar());
                    u.put("gender", 0);
                    u.put("language", "zh_CN");
                    detail.put("userInfo", u);
                    detail.put("rawData", Screen.json(u));
                    detail.put("signature", env.codes().next(40, "0123456789abcdef"));
                    detail.put("encryptedData", env.codes().next(64, B64));
                    detail.put("iv", env.codes().next(24, B64));
                } else {
                    detail.put("errMsg", "getUserInfo:fail auth deny");
                }
                gestures.answerOpenType(ps, button, "getuserinfo", detail);
            });
            case "chooseAvatar" -> prompt(host, ps, button, "chooseAvatar", Map.of(), d -> {
                if (allowed(d)) {
                    gestures.answerOpenType(ps, button, "chooseavatar", Map.of("avatarUrl", env.config().avatar()));
                }
            });
            case "getAuthorize" -> {
                String scope = button.attr("scope");
                prompt(host, ps, button, "getAuthorize", Map.of("scope", scope), d -> {
                    if (allowed(d)) {
                        gestures.answerOpenType(ps, button, "getAuthorize", Map.of("scope", scope));
                    } else {
                        Map<String, Object> detail = new LinkedHashMap<>();
                        detail.put("error", 11);
                        detail.put("errorMessage", "用户拒绝授权");
                        gestures.answerOpenType(ps, button, "error", detail);
                    }
                });
            }
            case "openSetting" -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("errMsg", "openSetting:ok");
                detail.put("authSetting", Map.of());
                gestures.answerOpenType(ps, button, "opensetting", detail);
            }
            case "contact" -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("errMsg", "enterContact:ok");
                detail.put("path", "");
                detail.put("query", Map.of());
                gestures.answerOpenType(ps, button, "contact", detail);
            }
            case "share" -> {
                Map<String, Object> arg = new LinkedHashMap<>();
                arg.put("from", "button");
                arg.put("target", Map.of("id", button.id(), "dataset", button.dataset()));
                host.guard(ps.route, () -> host.js().callHandler(ps.pageId, VElement.PAGE, "onShareAppMessage",
                        Screen.json(arg), null));
                host.events().emit("ui", "kind", "share", "page", ps.route, "source", source);
            }
            default -> host.warning("button open-type=\"" + openType + "\" is not simulated; nothing opens", source, ps.route);
        }
    }

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private static void prompt(ScreenHost host, PageScreen ps, VElement button, String kind, Map<String, Object> shown,
                               java.util.function.Consumer<Decision> then) {
        Map<String, Object> all = new LinkedHashMap<>(shown);
        all.put("openType", kind);
        Prompt p = new Prompt(kind, "button", ps.route, button.file() + ":" + button.line(), all, false);
        host.env().prompt(p, d -> {
            if (d.is("allow") || d.is("deny") || d.is("cancel")) {
                then.accept(d);
            } else {
                host.env().badDecision(p, d, kind + " answers are allow, deny or cancel");
            }
        });
    }

    private static boolean allowed(Decision d) {
        return d.is("allow");
    }
}
