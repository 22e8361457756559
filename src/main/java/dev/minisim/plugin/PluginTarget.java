package dev.minisim.plugin;

import dev.minisim.program.PluginDefinition;
import java.util.List;
import java.util.Map;

/**
 * A resolved {@code plugin://ALIAS/PAGE?query}: which plugin and page, the query with defaults,
 * and the route the page has on the stack ({@code plugin://ALIAS/PAGE}).
 */
public record PluginTarget(String alias, PluginDefinition plugin, String page, Map<String, String> query,
                           String route) {

    public boolean hasCb() {
        return "true".equals(query.get("hasCb"));
    }

    public List<String> finishes() {
        return plugin.pages().get(page).finish();
    }
}
