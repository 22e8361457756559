package dev.minisim.api.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiRegistry;
import dev.minisim.api.SyncApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local storage, in memory for the run. The namespaces call it differently: {@code wx} passes
 * positional arguments ({@code setStorageSync(key, data)}, {@code getStorageSync(key)} gives the
 * value or ""), {@code my} passes an object ({@code setStorageSync({key, data})},
 * {@code getStorageSync({key})} gives {@code {data}}, null when absent).
 */
public final class Storage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT_KB = 10240;
    private final Map<String, JsonNode> items = new LinkedHashMap<>();

    public static void register(ApiRegistry apis) {
        Storage s = new Storage();
        apis.sync("setStorageSync", s::setSync);
        apis.sync("getStorageSync", s::getSync);
        apis.sync("removeStorageSync", s::removeSync);
        apis.sync("clearStorageSync", (ns, args) -> {
            s.items.clear();
            return null;
        });
        apis.sync("getStorageInfoSync", (ns, args) -> s.info());
        apis.async("setStorage", call -> s.async(call, "set"));
        apis.async("getStorage", call -> s.async(call, "get"));
        apis.async("removeStorage", call -> s.async(call, "remove"));
        apis.async("clearStorage", call -> {
            s.items.clear();
            call.ok(Map.of());
        });
        apis.async("getStorageInfo", call -> call.ok(s.info()));
    }

    private static String key(String ns, JsonNode args) throws SyncApi.ApiException {
        JsonNode k = ns.equals("my") ? args.path(0).path("key") : args.path(0);
        if (!k.isTextual()) {
            throw new SyncApi.ApiException(ns + ".xxxStorageSync: key must be a string, e.g. "
                    + (ns.equals("my") ? "my.getStorageSync({key: 'token'})" : "wx.getStorageSync('token')"));
        }
        return k.asText();
    }

    private Object setSync(String ns, JsonNode args) throws SyncApi.ApiException {
        JsonNode data = ns.equals("my") ? args.path(0).path("data") : args.path(1);
        items.put(key(ns, args), data.isMissingNode() ? JSON.nullNode() : data.deepCopy());
        return null;
    }

    private Object getSync(String ns, JsonNode args) throws SyncApi.ApiException {
        JsonNode v = items.get(key(ns, args));
        if (ns.equals("my")) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("data", v == null ? null : v);
            return r;
        }
        return v == null ? "" : v;
    }

    private Object removeSync(String ns, JsonNode args) throws SyncApi.ApiException {
        items.remove(key(ns, args));
        return null;
    }

    private Map<String, Object> info() {
        int bytes = items.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().toString().length()).sum();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("keys", List.copyOf(items.keySet()));
        r.put("currentSize", (bytes + 1023) / 1024);
        r.put("limitSize", LIMIT_KB);
        return r;
    }

    private void async(ApiCall call, String op) {
        JsonNode k = call.args().path("key");
        if (!k.isTextual()) {
            call.fail(2, "parameter error: key (String) is required");
            return;
        }
        switch (op) {
            case "set" -> {
                items.put(k.asText(), call.args().path("data").deepCopy());
                call.ok(Map.of());
            }
            case "remove" -> {
                items.remove(k.asText());
                call.ok(Map.of());
            }
            default -> {
                JsonNode v = items.get(k.asText());
                if (v == null && call.isWx()) {
                    call.fail(null, "data not found");
                } else {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("data", v);
                    call.ok(r);
                }
            }
        }
    }
}
