package dev.minisim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names the real clients put on {@code wx} and {@code my}, with their kind, as the platforms'
 * published typings declare them ({@code miniprogram-api-typings}, {@code @mini-types/my}).
 * Read from {@code namespaces.json}, which {@code scripts/api-names/generate.js} regenerates.
 *
 * <p>Kinds: {@code async} (a function taking success/fail/complete), {@code sync} (any other
 * function), or the {@code typeof} of a value ({@code string}, {@code boolean}, {@code object}).
 */
public final class ApiNames {

    private static final ApiNames BUNDLED = load();

    private final Map<String, Map<String, String>> names;
    private final Map<String, Map<String, Map<String, String>>> members;

    private ApiNames(Map<String, Map<String, String>> names, Map<String, Map<String, Map<String, String>>> members) {
        this.names = names;
        this.members = members;
    }

    /** The names of the typings bundled with MiniSim. */
    public static ApiNames bundled() {
        return BUNDLED;
    }

    private static ApiNames load() {
        JsonNode root;
        try (InputStream in = ApiNames.class.getResourceAsStream("/dev/minisim/api/namespaces.json")) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, String>>> members = new LinkedHashMap<>();
        for (String ns : new String[] {"wx", "my"}) {
            names.put(ns, kinds(root.path(ns).path("names")));
            Map<String, Map<String, String>> byName = new LinkedHashMap<>();
            root.path(ns).path("members").fields().forEachRemaining(e -> byName.put(e.getKey(), kinds(e.getValue())));
            members.put(ns, Collections.unmodifiableMap(byName));
        }
        return new ApiNames(Collections.unmodifiableMap(names), Collections.unmodifiableMap(members));
    }

    private static Map<String, String> kinds(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(m);
    }

    /** Every name on namespace {@code ns} ({@code wx} or {@code my}) and its kind, in name order. */
    public Map<String, String> of(String ns) {
        return names.getOrDefault(ns, Map.of());
    }

    /** Whether the client has {@code name} on {@code ns}. */
    public boolean has(String ns, String name) {
        return of(ns).containsKey(name);
    }

    /** The members of an object-valued name ({@code wx.router}, {@code my.ap}) and their kinds. */
    public Map<String, String> members(String ns, String name) {
        return members.getOrDefault(ns, Map.of()).getOrDefault(name, Map.of());
    }
}
