package dev.minisim.api;

import dev.minisim.api.auth.GetAuthCode;
import dev.minisim.api.auth.GetAuthUserInfo;
import dev.minisim.api.auth.SignContract;
import dev.minisim.api.cloud.Cloud;
import dev.minisim.api.device.SystemInfo;
import dev.minisim.api.net.Requests;
import dev.minisim.api.storage.Storage;
import dev.minisim.api.ui.UiApis;
import dev.minisim.api.wechat.WxAuth;

/** Every JSAPI MiniSim implements besides navigation, in one list. */
public final class StandardApis {

    private StandardApis() {
    }

    public static void register(ApiRegistry apis, ApiEnv env) {
        apis.async("getAuthCode", new GetAuthCode(env));
        apis.async("getAuthUserInfo", new GetAuthUserInfo(env));
        apis.async("signContract", new SignContract(env));
        Requests requests = new Requests(env);
        apis.async("request", requests);
        apis.async("httpRequest", requests);
        UiApis.register(apis, env);
        dev.minisim.api.ui.ScreenApis.register(apis, env);
        Storage.register(apis);
        SystemInfo.register(apis, env);
        WxAuth.register(apis, env);
        Cloud.register(apis, env);
        for (String ns : java.util.List.of("wx", "my")) {
            apis.object(ns, "getUpdateManager");
            apis.object(ns, "nextTick");
            apis.object(ns, "createSelectorQuery");
            // the Animation object, built in managers.js (plain data: it works headless)
            apis.object(ns, "createAnimation");
        }
        apis.sync("createAnimation", (ns, args) -> null);
        // the update manager's own call, recorded as an api event; there is never an update
        apis.sync("getUpdateManager", (ns, args) -> null);
        // WeChat's performance object and worklet (its Easing functions), built in managers.js
        apis.object("wx", "getPerformance");
        apis.object("wx", "worklet");
        apis.sync("getPerformance", (ns, args) -> null);
    }
}
