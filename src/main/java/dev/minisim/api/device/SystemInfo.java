package dev.minisim.api.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.ApiRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The synchronous information APIs, with realistic values for a configurable device
 * ({@code src/main/resources/dev/minisim/device.json}, overridden field by field by the run's
 * device settings): getSystemInfo(Sync), getWindowInfo, getDeviceInfo, getAppBaseInfo,
 * getAccountInfoSync, getLaunchOptionsSync, getEnterOptionsSync, getMenuButtonBoundingClientRect,
 * canIUse, which is true exactly for the names the client has on that namespace (as {@code in}
 * is), and the namespaces' data: {@code my.SDKVersion}, {@code my.isIDE}, {@code wx.env} and
 * {@code my.env}.
 */
public final class SystemInfo {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** device.json, parsed once per process (issue #11); never handed out, only copied. */
    private static final class BundledDevice {
        static final ObjectNode DEVICE = read();

        private static ObjectNode read() {
            try (InputStream in = SystemInfo.class.getResourceAsStream("/dev/minisim/device.json")) {
                return (ObjectNode) JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
    private final ApiEnv env;
    private final ApiRegistry apis;
    private final ObjectNode device;

    private SystemInfo(ApiEnv env, ApiRegistry apis) {
        this.env = env;
        this.apis = apis;
        // each run gets its own copy (the run's config overrides fields below) of the one parse
        this.device = BundledDevice.DEVICE.deepCopy();
        device.setAll(env.config().device());
        String appId = env.program().appId();
        if (!appId.isEmpty() && env.config().device().path("appId").isMissingNode()) {
            device.put("appId", appId);
        }
    }

    public static void register(ApiRegistry apis, ApiEnv env) {
        SystemInfo s = new SystemInfo(env, apis);
        apis.sync("getSystemInfoSync", (ns, a) -> s.systemInfo(ns));
        apis.async("getSystemInfo", call -> call.ok(s.systemInfo(call.ns())));
        apis.async("getSystemInfoAsync", call -> call.ok(s.systemInfo(call.ns())));
        apis.sync("getWindowInfo", (ns, a) -> s.windowInfo());
        apis.sync("getDeviceInfo", (ns, a) -> s.deviceInfo());
        apis.sync("getAppBaseInfo", (ns, a) -> s.appBaseInfo(ns));
        // the newer split of getSystemInfoSync (base library 2.20.1); apps call them unguarded
        apis.sync("getSystemSetting", (ns, a) -> s.systemSetting());
        apis.sync("getAppAuthorizeSetting", (ns, a) -> s.appAuthorizeSetting());
        // A/B experiment parameters: the simulated user is in no experiment (WeChat's demo home page asks)
        apis.sync("getExptInfoSync", (ns, a) -> Map.of());
        apis.sync("getAccountInfoSync", (ns, a) -> s.accountInfo());
        apis.sync("getLaunchOptionsSync", (ns, a) -> env.launchOptions());
        apis.sync("getEnterOptionsSync", (ns, a) -> env.launchOptions());
        apis.sync("getMenuButtonBoundingClientRect", (ns, a) -> s.device.path("menuButton"));
        apis.sync("canIUse", (ns, a) -> s.canIUse(ns, a.path(0).asText("")));
        apis.async("getNetworkType", call -> call.ok(Map.of("networkType", s.t("networkType").isEmpty() ? "wifi" : s.t("networkType"))));
        // the clipboard of the simulated phone, for this run
        String[] clipboard = {""};
        apis.async("setClipboardData", call -> {
            clipboard[0] = call.args().path("data").asText("");
            env.events().emit("ui", "kind", "toast", "title", "内容已复制", "page", call.page());
            call.ok(Map.of());
        });
        apis.async("getClipboardData", call -> call.ok(Map.of("data", clipboard[0])));
        // Alipay's names for the same clipboard: my.setClipboard({text}), my.getClipboard() -> {text}
        apis.async("my", "setClipboard", call -> {
            clipboard[0] = call.args().path("text").asText("");
            call.ok(Map.of());
        });
        apis.async("my", "getClipboard", call -> call.ok(Map.of("text", clipboard[0])));
        apis.value("my", "SDKVersion", () -> s.t("mySDKVersion"));
        // the phone's client, not Alipay's IDE (which says true)
        apis.value("my", "isIDE", () -> false);
        apis.value("wx", "env", () -> Map.of("USER_DATA_PATH", "wxfile://usr"));
        apis.value("my", "env", () -> s.myEnv());
        // third-party platforms: the "ext" of ext.json, {} without one
        apis.sync("getExtConfigSync", (ns, a) -> s.extConfig());
        apis.async("getExtConfig", call -> call.ok(Map.of("extConfig", s.extConfig())));
    }

    private int i(String f) {
        return device.path(f).asInt();
    }

    private String t(String f) {
        return device.path(f).asText();
    }

    private Map<String, Object> windowInfo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pixelRatio", device.path("pixelRatio").asDouble());
        m.put("screenWidth", i("screenWidth"));
        m.put("screenHeight", i("screenHeight"));
        m.put("windowWidth", i("windowWidth"));
        m.put("windowHeight", i("windowHeight"));
        m.put("statusBarHeight", i("statusBarHeight"));
        m.put("screenTop", 0);
        Map<String, Object> safe = new LinkedHashMap<>();
        safe.put("left", 0);
        safe.put("right", i("screenWidth"));
        safe.put("top", i("statusBarHeight"));
        safe.put("bottom", i("screenHeight") - 34);
        safe.put("width", i("screenWidth"));
        safe.put("height", i("screenHeight") - 34 - i("statusBarHeight"));
        m.put("safeArea", safe);
        return m;
    }

    private Map<String, Object> deviceInfo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brand", t("brand"));
        m.put("model", t("model"));
        m.put("system", t("system"));
        m.put("platform", t("platform"));
        m.put("benchmarkLevel", i("benchmarkLevel"));
        m.put("abi", "arm64");
        m.put("cpuType", "unknown");
        m.put("memorySize", 4096);
        return m;
    }

    private Map<String, Object> appBaseInfo(String ns) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean my = ns.equals("my");
        m.put("SDKVersion", t(my ? "mySDKVersion" : "wxSDKVersion"));
        m.put("version", t(my ? "myVersion" : "wxVersion"));
        m.put("language", t("language"));
        m.put("theme", t("theme"));
        m.put("fontSizeSetting", i("fontSizeSetting"));
        m.put("enableDebug", false);
        if (my) {
            m.put("app", t("myApp"));
        }
        return m;
    }

    private Map<String, Object> systemSetting() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bluetoothEnabled", false);
        m.put("locationEnabled", true);
        m.put("wifiEnabled", true);
        m.put("deviceOrientation", "portrait");
        return m;
    }

    /** The phone's permissions for the client app; the mini-program's own scopes are getSetting's. */
    private Map<String, Object> appAuthorizeSetting() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : new String[] {"albumAuthorized", "bluetoothAuthorized", "cameraAuthorized", "locationAuthorized",
                "microphoneAuthorized", "notificationAuthorized", "phoneCalendarAuthorized"}) {
            m.put(k, "authorized");
        }
        m.put("locationReducedAccuracy", false);
        return m;
    }

    private Map<String, Object> systemInfo(String ns) {
        Map<String, Object> m = new LinkedHashMap<>(deviceInfo());
        m.putAll(windowInfo());
        m.putAll(appBaseInfo(ns));
        m.put("titleBarHeight", i("titleBarHeight"));
        m.put("storage", "128 GB");
        m.put("currentBattery", "100%");
        m.put("wifiEnabled", true);
        m.put("locationEnabled", true);
        m.put("bluetoothEnabled", false);
        return m;
    }

    private Map<String, Object> myEnv() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("USER_DATA_PATH", "https://usr");
        m.put("clientName", t("myApp"));
        m.put("clientVersion", t("myVersion"));
        m.put("language", t("language"));
        m.put("platform", t("platform").equals("ios") ? "iOS" : t("platform").equals("android") ? "Android" : t("platform"));
        return m;
    }

    private Map<String, Object> accountInfo() {
        Map<String, Object> mp = new LinkedHashMap<>();
        mp.put("appId", t("appId"));
        mp.put("envVersion", "develop");
        mp.put("version", "");
        return Map.of("miniProgram", mp);
    }

    private JsonNode extConfig() {
        java.nio.file.Path ext = env.program().root().resolve("ext.json");
        if (!java.nio.file.Files.isRegularFile(ext)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(ext.toFile()).path("ext");
            return node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException e) {
            env.warning("ext.json cannot be read: " + e.getMessage());
            return JSON.createObjectNode();
        }
    }

    /**
     * True for an API (or an API's parameter/return form) that the namespace has, as {@code name
     * in wx} says: a real API MiniSim lacks is there (and fails when called), as in the client.
     */
    private boolean canIUse(String ns, String schema) {
        if (schema.isBlank()) {
            return false;
        }
        if (ns.equals("my") && schema.equals("component2")) {
            return true; // the IDE's default compile mode, whose lifecycles MiniSim implements; antd-mini asserts it
        }
        String first = schema.split("\\.")[0];
        return apis.exists(ns, first);
    }
}
