package dev.minisim.api.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.ApiRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * wx.cloud answered from mocks, like requests: a mock {@code {"callFunction": "login", "result":
 * {...}}} answers that cloud function; {@code {"collection": "todos", "data": [...]}} seeds an
 * in-memory collection that {@code database()} queries (where with equal values, orderBy, skip,
 * limit, count, add, doc().get/update/set/remove). Without a mock, or before wx.cloud.init, the
 * call fails clearly; file calls are not supported.
 */
public final class Cloud {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiEnv env;
    private final Map<String, List<ObjectNode>> collections = new LinkedHashMap<>();
    private boolean initialised;
    private int nextId = 1;

    private Cloud(ApiEnv env) {
        this.env = env;
        for (JsonNode mock : env.config().mocks()) {
            if (mock.path("collection").isTextual()) {
                List<ObjectNode> docs = collections.computeIfAbsent(mock.get("collection").asText(), k -> new ArrayList<>());
                for (JsonNode d : mock.path("data")) {
                    if (d.isObject()) {
                        ObjectNode doc = d.deepCopy();
                        if (!doc.has("_id")) {
                            doc.put("_id", "mock-" + nextId++);
                        }
                        docs.add(doc);
                    }
                }
            }
        }
    }

    public static void register(ApiRegistry apis, ApiEnv env) {
        Cloud c = new Cloud(env);
        for (String ns : List.of("wx", "my")) {
            apis.object(ns, "cloud");
        }
        apis.sync("cloud.init", (ns, args) -> {
            c.initialised = true;
            return null;
        });
        apis.async("cloud.callFunction", c::callFunction);
        apis.async("cloud.database", c::database);
    }

    private boolean ready(ApiCall call) {
        if (!initialised) {
            call.fail(-1, "Cloud API isn't enabled, please call wx.cloud.init first");
            return false;
        }
        return true;
    }

    private void callFunction(ApiCall call) {
        if (!ready(call)) {
            return;
        }
        String name = call.args().path("name").asText("");
        JsonNode mock = env.config().mocks().stream()
                .filter(m -> name.equals(m.path("callFunction").asText(null)))
                .findFirst().orElse(null);
        env.events().emit("cloud", "op", "callFunction", "name", name, "mock", mock != null, "page", call.page());
        if (mock == null) {
            env.warning("no mock answers cloud function \"" + name + "\"; add {\"callFunction\": \"" + name
                    + "\", \"result\": ...} to the scenario's \"requests\"");
            call.fail(-1, "no mock for cloud function \"" + name + "\" (the simulator has no cloud)");
            return;
        }
        if (mock.hasNonNull("error")) {
            call.fail(-1, mock.get("error").asText());
            return;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("result", JSON.convertValue(mock.path("result"), Object.class));
        r.put("requestID", env.codes().uuid().toLowerCase());
        call.ok(r);
    }

    private void database(ApiCall call) {
        if (!ready(call)) {
            return;
        }
        JsonNode a = call.args();
        String name = a.path("collection").asText();
        String op = a.path("op").asText();
        env.events().emit("cloud", "op", "database." + op, "name", name, "mock", collections.containsKey(name),
                "page", call.page());
        List<ObjectNode> docs = collections.computeIfAbsent(name, k -> new ArrayList<>());
        boolean doc = a.has("doc");
        String prefix = doc ? "document." : "collection.";
        try {
            answer(call, a, op, docs, doc, prefix);
        } catch (CloudQuery.BadQuery e) {
            call.fail(-1, e.getMessage());
        }
    }

    private void answer(ApiCall call, JsonNode a, String op, List<ObjectNode> docs, boolean doc, String prefix) {
        List<ObjectNode> hits = new ArrayList<>();
        for (ObjectNode d : docs) {
            if (doc ? d.path("_id").asText().equals(a.path("doc").asText()) : CloudQuery.matches(a.path("where"), d)) {
                hits.add(d);
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        switch (op) {
            case "get" -> {
                if (doc) {
                    if (hits.isEmpty()) {
                        call.fail(-1, "document with _id " + a.path("doc").asText() + " does not exist");
                        return;
                    }
                    r.put("data", CloudQuery.project(hits.get(0), a.path("field")));
                } else {
                    List<ObjectNode> sorted = new ArrayList<>(hits);
                    for (JsonNode ob : reversed(a.path("orderBy"))) {
                        String f = ob.path(0).asText();
                        Comparator<ObjectNode> cmp = Comparator.comparing(o -> text(CloudQuery.resolve(o, f)));
                        if (ob.path(0).isTextual() && !sorted.isEmpty() && CloudQuery.resolve(sorted.get(0), f) != null
                                && CloudQuery.resolve(sorted.get(0), f).isNumber()) {
                            cmp = Comparator.comparingDouble(o -> number(CloudQuery.resolve(o, f)));
                        }
                        sorted.sort(ob.path(1).asText("asc").equals("desc") ? cmp.reversed() : cmp);
                    }
                    int skip = a.path("skip").asInt(0);
                    int limit = a.path("limit").asInt(20);
                    List<JsonNode> page = new ArrayList<>();
                    for (ObjectNode d : sorted.subList(Math.min(skip, sorted.size()), Math.min(sorted.size(), skip + limit))) {
                        page.add(CloudQuery.project(d, a.path("field")));
                    }
                    r.put("data", page);
                }
            }
            case "count" -> r.put("total", hits.size());
            case "add" -> {
                ObjectNode d = CloudQuery.fresh(a.path("data"));
                if (a.path("data").hasNonNull("_id")) {
                    d.set("_id", a.path("data").get("_id"));
                }
                String id = d.hasNonNull("_id") ? d.get("_id").asText() : env.codes().next(32, "0123456789abcdef");
                d.put("_id", id);
                docs.add(d);
                r.put("_id", id);
            }
            case "update", "set" -> {
                JsonNode data = a.path("data");
                for (ObjectNode d : hits) {
                    if (op.equals("set")) {
                        String id = d.path("_id").asText();
                        d.removeAll();
                        d.setAll(CloudQuery.fresh(data));
                        d.put("_id", id);
                    } else {
                        CloudQuery.update(d, data);
                    }
                }
                if (op.equals("set") && hits.isEmpty() && doc) {
                    ObjectNode d = CloudQuery.fresh(data);
                    d.put("_id", a.path("doc").asText());
                    docs.add(d);
                    r.put("_id", a.path("doc").asText());
                }
                r.put("stats", Map.of("updated", hits.size()));
            }
            case "remove" -> {
                docs.removeAll(hits);
                r.put("stats", Map.of("removed", hits.size()));
            }
            default -> {
                call.fail(-1, "database " + op + " is not supported in the simulator");
                return;
            }
        }
        if (call.isWx()) {
            r.put("errMsg", prefix + op + ":ok");
        }
        call.ok(r);
    }

    private static String text(JsonNode n) {
        return n == null ? "" : n.asText();
    }

    private static double number(JsonNode n) {
        return n == null ? Double.NEGATIVE_INFINITY : n.asDouble();
    }

    private static List<JsonNode> reversed(JsonNode arr) {
        List<JsonNode> l = new ArrayList<>();
        arr.forEach(l::add);
        java.util.Collections.reverse(l);
        return l;
    }
}
