package dev.minisim.plugin;

import dev.minisim.program.PluginDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.BadInputException;
import dev.minisim.program.MiniProgram;
import dev.minisim.program.NavigationException;
import dev.minisim.program.PageUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plugins MiniSim simulates, and the resolution of {@code plugin://} URLs against app.json's
 * {@code plugins}: the alias must be declared, its provider simulated, the page known and its
 * query valid; otherwise the navigation fails with the platform's fail result and no page opens.
 */
public final class Plugins {

    /** Plugins bundled with MiniSim (files in src/main/resources/dev/minisim/plugins/). */
    public static final List<String> BUNDLED = List.of("qyssdk-plugin");

    private final Map<String, PluginDefinition> byProvider = new LinkedHashMap<>();

    /**
     * A fresh table of the bundled plugins. The definitions are parsed once per process (issue #11:
     * every run used to parse them again); each call returns its own table, so a run that adds a
     * definition does not change the next run's.
     */
    public static Plugins bundled() {
        Plugins p = new Plugins();
        for (PluginDefinition d : BundledDefinitions.ALL) {
            p.add(d);
        }
        return p;
    }

    /** The bundled definitions, parsed on first use (holder idiom: once, thread-safe). */
    private static final class BundledDefinitions {
        static final List<PluginDefinition> ALL = read();

        private static List<PluginDefinition> read() {
            List<PluginDefinition> list = new java.util.ArrayList<>();
            for (String name : BUNDLED) {
                try (InputStream in = Plugins.class.getResourceAsStream("/dev/minisim/plugins/" + name + ".json")) {
                    list.add(PluginDefinition.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".json"));
                } catch (IOException | BadInputException e) {
                    throw new IllegalStateException("bundled plugin " + name + " unreadable", e);
                }
            }
            return List.copyOf(list);
        }
    }

    public Plugins add(PluginDefinition definition) {
        byProvider.put(definition.provider(), definition);
        return this;
    }

    public static boolean isPluginUrl(String url) {
        return url != null && url.trim().startsWith("plugin://");
    }

    public PluginTarget resolve(String url, MiniProgram program) throws NavigationException {
        String rest = url.trim().substring("plugin://".length());
        String qs = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            qs = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new NavigationException("malformed plugin url \"" + url + "\"; expected plugin://ALIAS/PAGE?query");
        }
        String alias = rest.substring(0, slash);
        String page = rest.substring(slash + 1);
        String route = "plugin://" + alias + "/" + page;
        JsonNode declared = program.plugins().get(alias);
        if (declared == null) {
            throw new NavigationException("page \"" + route + "\" is not found in plugin: \"" + alias
                    + "\" is not declared in app.json \"plugins\""
                    + (program.plugins().isEmpty() ? "" : " (declared: " + String.join(", ", program.plugins().keySet()) + ")"));
        }
        String provider = declared.path("provider").asText("");
        PluginDefinition def = byProvider.get(provider);
        if (def == null) {
            throw new NavigationException("plugin \"" + alias + "\" (provider " + provider + ") is not simulated by MiniSim; "
                    + "simulated: " + byProvider.values().stream().map(d -> d.name() + " (" + d.provider() + ")")
                    .collect(Collectors.joining(", ")));
        }
        PluginDefinition.Page spec = def.pages().get(page);
        if (spec == null) {
            throw new NavigationException("page \"" + route + "\" is not found in plugin: " + def.name()
                    + " has pages " + String.join(", ", def.pages().keySet()));
        }
        Map<String, String> query = new LinkedHashMap<>(PageUrl.parseQuery(qs));
        Map<String, PluginDefinition.Param> params = new LinkedHashMap<>(def.query());
        params.putAll(spec.query());
        for (var e : params.entrySet()) {
            String name = e.getKey();
            PluginDefinition.Param p = e.getValue();
            String v = query.get(name);
            if ((v == null || v.isEmpty()) && p.required()) {
                throw new NavigationException(def.name() + "/" + page + " needs \"" + name + "\" in its query ("
                        + p.description() + "); the plugin page cannot load without it");
            }
            if (v == null && p.defaultValue() != null) {
                query.put(name, p.defaultValue());
            } else if (v != null && !p.values().isEmpty() && !p.values().contains(v)) {
                throw new NavigationException(def.name() + "/" + page + ": " + name + "=" + v + " is not one of "
                        + String.join(", ", p.values()) + " (" + p.description() + ")");
            }
        }
        return new PluginTarget(alias, def, page, java.util.Collections.unmodifiableMap(query), route);
    }
}
